/**
 * The Section 251 view of the budget (spec budget.md "Base year agrees with the accounts", "The DSG management plan
 * return"): the High Needs lines councils report their budget and outturn on, each with the model's lines that
 * make it up, and the base-year reconciliation that scales unit costs per line so the base financial year matches
 * the council's outturn.
 *
 * Top-up lines are made of placements (their top-ups and fees); other lines of the other-spend table's lines,
 * matched by words in their names; place funding is the places table's. Our placements do not tell a maintained
 * mainstream school from an academy, so mainstream and resourced-provision top-ups are counted with maintained
 * providers: a council whose mainstream top-ups are mostly paid to academies should read the two lines together.
 */
import { PLACEMENTS } from '../domain/index.ts';
import { isDeliveryLineName } from '../messages/budget.ts';
import type { Placement } from '../domain/index.ts';
import type { BudgetPath } from './path.ts';
import type { OutturnRow, UnitCostRow } from './tables.ts';
import type { ReconciliationLine, Section251Year } from './types.ts';

export interface Section251Line {
  label: string;
  /** Placements whose top-ups and fees the line holds. */
  placements?: readonly Placement[];
  /** Words that put an other-spend line in this line (lower case; found anywhere in the name, or, ending in a space, as a whole word). */
  words?: readonly string[];
}

/** The Section 251 High Needs lines, in statement order; keys are the codes of the outturn table's `line` column. */
export const SECTION_251_LINES = {
  place_funding: { label: 'High needs place funding (maintained and academy places)' },
  top_up_maintained: { label: 'Top-up funding: maintained providers', placements: ['MS', 'RP', 'SSM', 'AP'] },
  top_up_academies: { label: 'Top-up funding: academies, free schools and colleges', placements: ['SSA', 'FE', 'WBL'] },
  top_up_independent: { label: 'Top-up and other funding: non-maintained and independent providers', placements: ['ISS', 'NMSS', 'IMS', 'SPI'] },
  top_up_other: { label: 'Other top-ups (early years, education otherwise than at school, awaiting provision)', placements: ['EY', 'EOTAS', 'NEET', 'NONE'] },
  sen_support_services: { label: 'SEN support services', words: ['support service', 'sen support'] },
  hospital_education: { label: 'Hospital education services', words: ['hospital'] },
  alternative_provision: { label: 'Other alternative provision services', words: ['alternative provision', 'ap '] },
  therapies: { label: 'Therapies and other health related services', words: ['therap', 'health'] },
  direct_payments: { label: 'Direct payments (SEN and disability)', words: ['direct payment'] },
  other_high_needs: { label: 'Other high needs spend (including recovery plan delivery costs)' },
} as const satisfies Record<string, Section251Line>;
export type Section251Code = keyof typeof SECTION_251_LINES;
export const SECTION_251_CODES = Object.keys(SECTION_251_LINES) as Section251Code[];

export function isSection251Code(x: string): x is Section251Code {
  return x in SECTION_251_LINES;
}

/** The code of a line given by code or by label (case-insensitive), or undefined. */
export function section251Code(text: string): Section251Code | undefined {
  const t = text.trim().toLowerCase();
  if (isSection251Code(t)) return t;
  return SECTION_251_CODES.find((c) => SECTION_251_LINES[c].label.toLowerCase() === t);
}

/**
 * Whether a line's name holds a word of a Section 251 line: a word ending in a space (`'ap '`) only as a whole word, so
 * that `ap` is alternative provision in 'AP outreach' or 'PRU/AP' but not in 'Closing the gap' or 'Wrap-around care'.
 */
function mentions(name: string, word: string): boolean {
  if (!word.endsWith(' ')) return name.includes(word);
  const w = word.trim();
  for (let i = name.indexOf(w); i >= 0; i = name.indexOf(w, i + 1)) {
    if (!/[a-z0-9]/.test(name[i - 1] ?? ' ') && !/[a-z0-9]/.test(name[i + w.length] ?? ' ')) return true;
  }
  return false;
}

/** The Section 251 line an other-spend line belongs to. */
export function lineOfOtherSpend(name: string): Section251Code {
  const n = name.toLowerCase();
  for (const c of SECTION_251_CODES) {
    const words = (SECTION_251_LINES[c] as Section251Line).words;
    if (words?.some((w) => mentions(n, w))) return c;
  }
  return 'other_high_needs';
}

/** The Section 251 line a placement's top-ups belong to. */
export function lineOfPlacement(p: Placement): Section251Code {
  for (const c of SECTION_251_CODES) if ((SECTION_251_LINES[c] as Section251Line).placements?.includes(p)) return c;
  return 'top_up_other';
}

/** Expenditure of a path by Section 251 line and financial year; the lines add up to total expenditure. */
export function section251Years(path: Pick<BudgetPath, 'lines'>): Section251Year[] {
  return path.lines.map((l) => {
    const byLine = Object.fromEntries(SECTION_251_CODES.map((c) => [c, 0])) as Record<Section251Code, number>;
    byLine.place_funding += l.placeFunding;
    for (const p of PLACEMENTS) byLine[lineOfPlacement(p)] += l.byPlacement[p];
    // a lever's delivery cost is recovery-plan spend, on the other high needs line whatever the lever is called: matched
    // by the words of its name, 'Needs met at SEN support' put £257,500 of delivery on the sample's SEN support services
    for (const [name, v] of Object.entries(l.otherSpendByLine)) byLine[isDeliveryLineName(name) ? 'other_high_needs' : lineOfOtherSpend(name)] += v;
    // anything not in a named line (none when the lines are complete) goes to other high needs spend
    const named = Object.values(byLine).reduce((a, b) => a + b, 0);
    byLine.other_high_needs += l.expenditure - named;
    return { fy: l.fy, byLine };
  });
}

/** A scale outside this range is applied but warned about: the mapping or the outturn is probably wrong. */
export const PLAUSIBLE_SCALE: readonly [number, number] = [0.5, 2];
/**
 * A scale outside this range stops the run (pipeline/gates.ts): a tenth or ten times what the unit costs give is an
 * outturn in other units (£ thousands: every top-up scaled by 0.001) or for another council, not a reconciliation.
 * The sample's outturn in £ thousands ran with exit 0, its top-ups a thousandth of the plans' cost, warned of only.
 */
export const POSSIBLE_SCALE: readonly [number, number] = [0.1, 10];

/**
 * Reconciles the base financial year to the outturn: per top-up line, scale = outturn ÷ modelled, applied to the
 * unit costs of the line's placements. Lines that are not per plan (place funding, other spend) are compared but
 * not scaled: they come from the places and other-spend tables, which the council can correct itself.
 * @example ISS modelled £500,000 (10 plans × £50,000), outturn £600,000 → scale 1.2, ISS unit cost £60,000
 */
export function reconcile(
  base: Pick<BudgetPath, 'lines'>,
  outturn: readonly OutturnRow[],
  baseFy: number,
): { lines: ReconciliationLine[]; scale: Partial<Record<Placement, number>> } {
  const modelled = section251Years(base).find((y) => y.fy === baseFy)?.byLine ?? {};
  const totals = new Map<Section251Code, number>();
  for (const r of outturn) {
    const c = section251Code(r.line);
    if (c && r.fy === baseFy) totals.set(c, (totals.get(c) ?? 0) + r.outturnGbp);
  }
  const lines: ReconciliationLine[] = [];
  const scale: Partial<Record<Placement, number>> = {};
  for (const c of SECTION_251_CODES) {
    const out = totals.get(c);
    if (out === undefined) continue;
    const m = modelled[c] ?? 0;
    const def = SECTION_251_LINES[c] as Section251Line;
    const row: ReconciliationLine = { line: c, label: def.label, fy: baseFy, outturn: out, modelled: m };
    if (!def.placements) row.note = 'not per plan: compared, not scaled (correct the places or other-spend table)';
    else if (m <= 0) row.note = 'the model has no spend on this line in the base year: nothing to scale';
    else if (out <= 0) row.note = 'the outturn is zero: not scaled';
    else {
      row.scale = out / m;
      for (const p of def.placements) scale[p] = row.scale;
    }
    lines.push(row);
  }
  return { lines, scale };
}

/** Unit-cost rows with each placement's cost × its line's scale. */
export function scaledUnitCosts(rows: readonly UnitCostRow[], scale: Partial<Record<Placement, number>>): UnitCostRow[] {
  return rows.map((r) => (scale[r.placement] === undefined ? r : { ...r, annualCostGbp: r.annualCostGbp * scale[r.placement]! }));
}

/** How many years from the base financial year another year's outturn is set against the base year's top-ups. */
export const OTHER_YEAR_REACH = 2;

/** A top-up line of another year's outturn set against the base year's modelled top-ups (otherYearApart). */
export interface OutturnApart {
  label: string;
  fy: number;
  outturn: number;
  modelled: number;
  factor: number;
}

/**
 * With no outturn row for the base year, the top-up lines of the nearest year within OTHER_YEAR_REACH of it (the
 * earlier on a tie) whose outturn is outside PLAUSIBLE_SCALE of what the run models for the base year: a year or two
 * of growth moves a line by a few tens of per cent, not ×2, so such a line says the unit costs (or the outturn) are per
 * another period or in other units. The sample's top-ups per term beside its outturn labelled 2024-25 ran with only
 * 'the table has no rows for the base financial year', its maintained top-ups of £21.7m against £7.2m modelled.
 * Nothing is scaled: the accounts are another year's.
 * @example otherYearApart(base, [{ line: 'top_up_maintained', fy: 2024, outturnGbp: 21.7e6 }], 2025) // [{ factor: 3.0, … }]
 */
export function otherYearApart(base: Pick<BudgetPath, 'lines'>, outturn: readonly OutturnRow[], baseFy: number): OutturnApart[] {
  const near = [...new Set(outturn.map((r) => r.fy))]
    .filter((fy) => fy !== baseFy && Math.abs(fy - baseFy) <= OTHER_YEAR_REACH)
    .sort((a, b) => Math.abs(a - baseFy) - Math.abs(b - baseFy) || a - b)[0];
  if (near === undefined) return [];
  const modelled = section251Years(base).find((y) => y.fy === baseFy)?.byLine ?? {};
  const totals = new Map<Section251Code, number>();
  for (const r of outturn) {
    const c = section251Code(r.line);
    if (c && r.fy === near) totals.set(c, (totals.get(c) ?? 0) + r.outturnGbp);
  }
  return SECTION_251_CODES.flatMap((c) => {
    const def = SECTION_251_LINES[c] as Section251Line;
    const out = totals.get(c);
    const m = modelled[c] ?? 0;
    if (!def.placements || out === undefined || !(out > 0) || !(m > 0)) return [];
    const factor = out / m;
    return factor < PLAUSIBLE_SCALE[0] || factor > PLAUSIBLE_SCALE[1] ? [{ label: def.label, fy: near, outturn: out, modelled: m, factor }] : [];
  });
}

/**
 * Messages of the budget stage about money figures far from published figures for England (docs/budget.md "Cost per
 * plan against published figures"): a placement's cost per plan (a High Needs block well above the spend the run
 * models is funding-block.ts). Each asks the question a finance officer would: is the table per term rather than per year, or in £
 * thousands? Listed in index.ts as moneyReferenceMsg.
 */
import { financialYearLabel, Placement } from '../domain/index.ts';
import { fmtMoneyExact as gbp, fmtRate } from '../report/format.ts';
import { counted } from '../util/plural.ts';

/** Where a row of an own table was read, when known. */
interface Source {
  file: string;
  line: number;
}

/** One unit-cost row as the message quotes it. */
export interface QuotedUnitCost {
  placement: string;
  phase?: string;
  need?: string;
  annualCostGbp: number;
  priceYear: number;
  source?: Source;
}

/** A placement whose cost per plan is far from its published figure (budget/cost-per-plan.ts CostPerPlanOff). */
export interface CostOff {
  placement: Placement;
  costPerPlan: number;
  placeRate: number;
  rows: readonly QuotedUnitCost[];
  placesRow?: { fy: number; placeRateGbp: number; source?: Source };
  reference: { gbp: number; source: string; below?: number; above: number };
  side: 'below' | 'above';
  /** The Section 251 reconciliation's factor on its unit costs for the run, when it scales them. */
  scaledBy?: number;
}

/** A label inside a sentence: 'Independent special school' → 'independent special school'; 'LA maintained …' kept. */
const inSentence = (label: string): string => (/^[A-Z][A-Z]/.test(label) ? label : label[0]!.toLowerCase() + label.slice(1));
const at = (s: Source | undefined): string => (s ? ` (${s.file} line ${s.line})` : '');
/** How many of a placement's rows a note quotes before '… and N more'. */
const ROWS_QUOTED = 3;

function rowWords(r: QuotedUnitCost): string {
  const cell = [r.phase, r.need].filter(Boolean).join(' ');
  return `${r.placement}${cell ? ` ${cell}` : ''} ${gbp(r.annualCostGbp)} at ${financialYearLabel(r.priceYear)} prices${at(r.source)}`;
}

function oneOff(o: CostOff): string {
  const rows = o.rows.slice(0, ROWS_QUOTED).map(rowWords);
  const more = o.rows.length > ROWS_QUOTED ? `, and ${counted(o.rows.length - ROWS_QUOTED, 'more row')}` : '';
  const place = o.placesRow ? ` and its place rate of ${gbp(o.placesRow.placeRateGbp)} in ${financialYearLabel(o.placesRow.fy)}${at(o.placesRow.source)}` : '';
  const scaled = o.scaledBy !== undefined ? ` (the Section 251 outturn scales its unit costs ×${o.scaledBy.toFixed(2)} for the run)` : '';
  return `${o.placement} (${inSentence(Placement[o.placement].label)}) at ${gbp(o.costPerPlan)} a plan-year, from the unit-cost table's ${rows.join('; ')}${more}${place}${scaled}`;
}

/** The placements held to one published figure on one side of it, said together with the figure once. */
function group(offs: readonly CostOff[]): string {
  const o = offs[0]!;
  const band = o.side === 'below' ? `under ${fmtRate(o.reference.below!)} of` : `over ${o.reference.above} times`;
  return `${offs.map(oneOff).join(', and ')}: ${offs.length === 1 ? 'that is' : 'each'} ${band} ${o.reference.source}`;
}

/** `off` grouped by the figure it is held to and the side of it, in order of first appearance. */
function groups(off: readonly CostOff[]): CostOff[][] {
  const by = new Map<string, CostOff[]>();
  for (const o of off) {
    const key = `${o.reference.source}|${o.side}`;
    by.set(key, [...(by.get(key) ?? []), o]);
  }
  return [...by.values()];
}

/**
 * Placements whose base-year cost per plan is outside the published band for their kind of placement
 * (budget/cost-per-plan.ts costPerPlanOffReference).
 */
export function costPerPlanOffReference(off: readonly CostOff[], baseFy: number): string {
  const ask = [
    ...(off.some((o) => o.side === 'below')
      ? ['Is the table per term rather than per year, or in £ thousands? A fee per term is a third of the fee per year. Or is it the top-up alone? For these placements the table gives the whole cost to the block, place funding (£10,000 a place in a non-maintained special school) and top-up together: a places-table rate is not added to them.']
      : []),
    ...(off.some((o) => o.side === 'above') ? ['Has a figure a digit too many, or is it a whole placement’s cost rather than one plan’s?'] : []),
  ];
  return (
    `Unit costs: a plan's cost in ${financialYearLabel(baseFy)} from the unit-cost table is far from the published figure for its kind of placement: ${groups(off).map(group).join('; ')}. ` +
    `${ask.join(' ')} Every year's spend and balance rest on these figures. ` +
    `Write annual_cost_gbp as one plan's cost for a whole year, in pounds (a Section 251 outturn for the base year reconciles the unit costs to the accounts); ` +
    (off.some((o) => o.scaledBy !== undefined) ? `the run uses the table as the outturn scales it, so its base year agrees with the accounts and its later years rest on the scaling.` : `the run uses the table as given.`)
  );
}

/** Top-up placements priced under their published figures together, beside a block that meets the spend (budget/top-ups-low.ts). */
export interface TopUpsLowQuoted {
  costs: ReadonlyArray<{ placement: string; costPerPlan: number; reference: { gbp: number } }>;
  together: number;
  fy: number;
  hnBlock: number;
  expenditure: number;
  source?: Source;
}

/**
 * Every placement paid a top-up priced under its published figure, together under `low` of them, while the block of
 * the funding table's first year meets all of the spend the run models: what unit costs per term give.
 */
export function topUpsLowTogether(o: TopUpsLowQuoted, baseFy: number, low: number): string {
  const each = o.costs.map((c) => `${c.placement} ${gbp(c.costPerPlan)} (${fmtRate(Number((c.costPerPlan / c.reference.gbp).toPrecision(2)))} of ${gbp(c.reference.gbp)})`);
  return (
    `Unit costs: every placement paid a top-up is priced in ${financialYearLabel(baseFy)} under the published figure for its kind of placement, place funding included: ${each.join(', ')}; ` +
    `${fmtRate(Number(o.together.toPrecision(2)))} of those figures together, under ${fmtRate(low)}. And the High Needs block of ${financialYearLabel(o.fy)}${at(o.source)} is ` +
    `${fmtRate(Number((o.hnBlock / o.expenditure).toPrecision(3)))} of the spend the run models for that year (${gbp(o.hnBlock)} against ${gbp(o.expenditure)}), where councils' blocks meet most of their spend, not all of it. ` +
    `A unit-cost table per term rather than per year gives both: top-ups a third of the year's, and a block above the spend. Are the top-ups per term? ` +
    `Write annual_cost_gbp as one plan's cost for a whole year; a Section 251 outturn for ${financialYearLabel(baseFy)} reconciles the unit costs to the accounts and settles it. ` +
    `Every year's spend and balance rest on these figures; the run uses the table as given.`
  );
}

/** The heading of the report's box of notes beside the budget table (report/html/report-html.ts). */
export function spendNotesHeading(n: number): string {
  return `Check the money ${n === 1 ? 'table this note names' : 'tables these notes name'} before reading the spend and balances below: the figures rest on ${n === 1 ? 'it' : 'them'} as given.`;
}

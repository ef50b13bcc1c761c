/**
 * What the explorer shows, as plain data computed from a variant's outcome: the headline (deficit at 31 March 2028,
 * balance at the horizon, the year the block balances), the series behind the charts, and the CSV of its tables.
 * Pure: the page draws it, tests read it.
 */
import { PLACEMENTS, PLACEMENT_GROUPS, PlacementGroup, STATUTORY_OVERRIDE_END_FY, financialYearLabel, groupOf, horizonBalanceIsApart } from '../domain/index.ts';
import { cubeByPlacement } from '../model/cube.ts';
import type { Quantiles } from '../model/result.ts';
import { publishMoney } from '../budget/published-money.ts';
import { fmtBalance, fmtCount } from '../report/format.ts';
import { csvField } from '../report/safe-text.ts';
import { bandBesideTables, complementaryCells, countText, SUPPRESSED, suppressedCount, type SumLine } from '../report/suppress.ts';
import type { VariantOutcome } from './compute.ts';

export interface Headline {
  /** The variant has no money: the page of a `run --demand-only`, whose budget has no financial year. */
  noMoney?: true;
  /** Cumulative DSG balance at 31 March 2028 (central), when the run covers 2027-28. */
  march2028?: number;
  /** The last financial year and its closing cumulative balance. */
  lastFy: number;
  lastBalance: number;
  /** First financial year from which the in-year balance stays at or above zero; undefined = never within the run. */
  balancesFrom?: number;
  /** Whether the in-year balance is never negative. */
  neverInDeficit: boolean;
  lastYear: number;
  plansLast: number;
  plansBase: number;
  baseYear: number;
}

/** The headline figures of a variant. */
export function headlineOf(o: VariantOutcome): Headline {
  const lines = o.budget.lines;
  const last = lines[lines.length - 1];
  let balancesFrom: number | undefined;
  for (let i = lines.length - 1; i >= 0 && lines[i]!.inYearBalance >= 0; i--) balancesFrom = lines[i]!.fy;
  const q = o.projection.totalQuantiles;
  return {
    ...(lines.length === 0 ? { noMoney: true as const } : {}),
    march2028: o.budget.balanceAtMarch2028,
    lastFy: last?.fy ?? o.projection.baseYear,
    lastBalance: last?.cumulativeBalance ?? o.budget.openingBalance,
    balancesFrom,
    neverInDeficit: lines.every((l) => l.inYearBalance >= 0),
    lastYear: o.projection.years[o.projection.years.length - 1]!,
    plansLast: q[q.length - 1]!.p50,
    // the data's total at the base year (result(), as `run --json`), not the model's fitted start
    plansBase: o.result.ehcp_total[String(o.projection.baseYear)]?.p50 ?? q[0]!.p50,
    baseYear: o.projection.baseYear,
  };
}

/** "31 March 2028" for the financial year starting in `fy`. */
export function yearEnd(fy: number): string {
  return `31 March ${fy + 1}`;
}

/** One sentence a screen reader reads when the result changes (a count from 1 to `suppressBelow` − 1 reads [c]). */
export function headlineSentence(h: Headline, suppressBelow?: number): string {
  const parts: string[] = [];
  const plans = `EHC plans go from ${countText(h.plansBase, suppressBelow, fmtCount)} in January ${h.baseYear} to ${countText(h.plansLast, suppressBelow, fmtCount)} in January ${h.lastYear}.`;
  if (h.noMoney) return plans;
  if (h.march2028 !== undefined) parts.push(`At ${yearEnd(STATUTORY_OVERRIDE_END_FY)}, when the statutory override ends, the DSG shows ${fmtBalance(h.march2028)}.`);
  if (h.march2028 === undefined || horizonBalanceIsApart(h.lastFy)) parts.push(`At ${yearEnd(h.lastFy)} it shows ${fmtBalance(h.lastBalance)}.`);
  if (h.neverInDeficit) parts.push('The High Needs block balances in every year.');
  else if (h.balancesFrom !== undefined) parts.push(`The High Needs block balances in-year from ${financialYearLabel(h.balancesFrom)}.`);
  else parts.push(`The High Needs block does not balance in-year by ${financialYearLabel(h.lastFy)}.`);
  parts.push(plans);
  return parts.join(' ');
}

/** Plans by placement per census year: the data's at the base year where they give them (result()), then the central path. */
function placementsByYear(o: VariantOutcome): ArrayLike<number>[] {
  return o.projection.years.map((y, i) => {
    const given = y === o.projection.baseYear ? o.result.ehcp_by_placement[String(y)] : undefined;
    return given ? PLACEMENTS.map((p) => given[p]) : cubeByPlacement(o.projection.central[i]!);
  });
}

/** Plans by DSG management plan placement group per census year (the data's at the base year, then the central path). */
export function plansByGroup(o: VariantOutcome): Array<{ group: PlacementGroup; label: string; values: number[] }> {
  const byYear = placementsByYear(o);
  return PLACEMENT_GROUPS.map((g) => ({
    group: g,
    label: PlacementGroup[g].label,
    values: byYear.map((bp) => PLACEMENTS.reduce((s, p, i) => (groupOf(p) === g ? s + bp[i]! : s), 0)),
  })).filter((s) => s.values.some((v) => v > 0));
}

/**
 * The placement groups the page's chart draws: with suppression, the groups with a small count in a year shown
 * together in one grey band, as the report's chart draws them (report/suppress.ts smallGroupsBanded); the page drew
 * each at its height from the merged groups, which it said in a note, while the report drew the run's exact counts.
 * The band also takes in every group the CSV download hides in a year (a second count: bandBesideTables), so that no
 * group drawn whole is `[c]` in the CSV, and the CSV hides no member alone beside the band's height.
 */
export function groupsDrawn(o: VariantOutcome, suppressBelow?: number): Array<{ group?: PlacementGroup; label: string; values: number[]; members?: string[] }> {
  const groups = plansByGroup(o);
  if (suppressBelow === undefined || suppressBelow <= 1) return groups;
  return bandBesideTables(groups, suppressBelow, (members) => {
    const hidden = hiddenCells(o, suppressBelow, members);
    return new Set(groups.flatMap((g, k) => (hidden.some((h) => h.has(1 + PLACEMENTS.length + k)) ? [g.label] : [])));
  });
}

/** The total plans (P50) of each census year as the CSV gives it: the data's at the base year (result(), as `run --json`). */
function totalsOf(o: VariantOutcome): Quantiles[] {
  return o.projection.years.map((y, i) => (y === o.projection.baseYear ? (o.result.ehcp_total[String(y)] ?? o.projection.totalQuantiles[i]!) : o.projection.totalQuantiles[i]!));
}

/**
 * The cells of each year's line of the CSV's plans (total P50, each placement, each group plansByGroup shows) it hides
 * with small counts suppressed at `threshold`, when the chart's grey band holds the groups `members` (hiddenInLine).
 */
function hiddenCells(o: VariantOutcome, threshold: number | undefined, members: readonly string[]): Array<Set<number>> {
  const groups = plansByGroup(o);
  const banded = groups.flatMap((g, k) => (members.includes(g.label) ? [k] : []));
  const byYear = placementsByYear(o);
  const totals = totalsOf(o);
  return o.projection.years.map((_, i) => hiddenInLine([totals[i]!.p50, ...Array.from(byYear[i]!), ...groups.map((g) => g.values[i]!)], groups, threshold, banded));
}

/**
 * Expenditure per financial year in stacks: place funding, top-ups and fees by group, other spend. `label` names the
 * CSV's column; `legend`, the chart's, is the group's name alone, as the report's chart gives it: ten labels of
 * 'Top-ups and fees: …' took more than the half of the chart Chart.js gives its legend, which then left out the last
 * three (other, other spend and income) with nothing to say so.
 */
export function expenditureStacks(o: VariantOutcome): Array<{ key: string; label: string; legend: string; values: number[] }> {
  const lines = o.budget.lines;
  const stacks = [
    { key: 'place_funding', label: 'Place funding', legend: 'Place funding', values: lines.map((l) => l.placeFunding) },
    ...PLACEMENT_GROUPS.map((g) => ({ key: g, label: `Top-ups and fees: ${PlacementGroup[g].label.toLowerCase()}`, legend: PlacementGroup[g].label, values: lines.map((l) => l.byGroup[g] ?? 0) })),
    { key: 'other_spend', label: 'Other spend (incl. delivering the plan)', legend: 'Other spend (incl. delivering the plan)', values: lines.map((l) => l.otherSpend) },
  ];
  return stacks.filter((s) => s.values.some((v) => v !== 0));
}

export interface CsvMeta {
  la: string;
  scenario: string;
  variant: string;
  tool: string;
  runDate: string;
  /** With small counts suppressed (`run --suppress-small-counts`): counts of plans from 1 to this − 1 read `[c]`. */
  suppressBelow?: number;
}

/**
 * Which cells of a year's line of the CSV (total, each placement, each group shown) it hides: the small counts and,
 * by secondary suppression (report/suppress.ts complementaryCells), one more of a line that adds up (placements to
 * the total, to their group, the groups to the total, the groups `banded` to the chart's grey band) with one alone.
 */
function hiddenInLine(line: readonly number[], groups: ReadonlyArray<{ group: (typeof PLACEMENT_GROUPS)[number] }>, threshold: number | undefined, banded: readonly number[]): Set<number> {
  if (threshold === undefined || threshold <= 1) return new Set();
  const placements = PLACEMENTS.map((_, k) => 1 + k);
  const groupCells = groups.map((_, k) => 1 + PLACEMENTS.length + k);
  const lines: SumLine<number>[] = [
    { total: 0, parts: placements },
    ...(groups.length ? [{ total: 0, parts: groupCells }] : []),
    ...groups.map((g, k) => ({ total: groupCells[k]!, parts: PLACEMENTS.flatMap((p, j) => (groupOf(p) === g.group ? [1 + j] : [])) })),
    // the chart's grey band: its height (the tooltip's) less the members shown would give one hidden alone back; its
    // cell (−1) is the chart's, never hidden here
    ...(banded.length > 1 ? [{ total: -1, parts: banded.map((k) => groupCells[k]!) }] : []),
  ];
  const primary = new Set(line.flatMap((x, k) => (suppressedCount(x, threshold) === SUPPRESSED ? [k] : [])));
  return complementaryCells((k) => line[k] ?? NaN, lines, primary);
}

/** Range quantiles where the Monte Carlo range is current, else the central value at P10, P50 and P90. */
function q(range: Quantiles[] | undefined, i: number, central: number): Quantiles {
  return range?.[i] ?? { p10: central, p50: central, p90: central };
}

/**
 * The variant's tables as one CSV: a section of plans by census year and a section of money by financial year,
 * text guarded against formula injection.
 */
export function variantCsv(o: VariantOutcome, meta: CsvMeta, range?: { plans: Quantiles[]; expenditure: Quantiles[]; inYear: Quantiles[]; cumulative: Quantiles[]; draws: number }): string {
  const rows: Array<Array<string | number>> = [];
  rows.push(['LA', meta.la], ['Scenario', meta.scenario], ['Variant', meta.variant], ['Made by', meta.tool], ['Run date', meta.runDate]);
  rows.push(['Range', range ? `P10 and P90 over ${range.draws} Monte Carlo draws` : 'none (central path only: P10 = P50 = P90)']);
  rows.push([]);
  const groups = plansByGroup(o);
  // the groups the page's chart draws in its grey band, whose height its tooltip gives (groupsDrawn)
  const hidden = hiddenCells(o, meta.suppressBelow, groupsDrawn(o, meta.suppressBelow).find((g) => g.members)?.members ?? []);
  const totals = totalsOf(o);
  rows.push(['census_year', 'ehcp_p10', 'ehcp_p50', 'ehcp_p90', ...PLACEMENTS.map((p) => `ehcp_${p}`), ...groups.map((g) => `group: ${g.label}`)]);
  const byYear = placementsByYear(o);
  o.projection.years.forEach((y, i) => {
    const c = byYear[i]!;
    // the base year is the data's (result(), as `run --json`): no range, and not the model's fitted start
    const t = totals[i]!;
    const r = y === o.projection.baseYear ? t : q(range?.plans, i, t.p50);
    // counts of plans as the run's files give them: a small one is `[c]` when the page's data are suppressed, and so
    // is one more of a line (total, placements, groups) that would give it back by subtraction
    const n = (x: number) => suppressedCount(x, meta.suppressBelow);
    const line = [t.p50, ...Array.from(c), ...groups.map((g) => g.values[i]!)];
    const shown = line.map((x, k) => (hidden[i]!.has(k) ? SUPPRESSED : n(x)));
    rows.push([y, n(r.p10), shown[0]!, n(r.p90), ...shown.slice(1)]);
  });
  // a `run --demand-only` page has no money: no section for it (not one of £0s)
  if (!o.budget.lines.length) return rows.map((r) => r.map((v) => csvField(typeof v === 'number' ? Math.round(v * 100) / 100 : v)).join(',')).join('\r\n') + '\r\n';
  rows.push([]);
  const stacks = expenditureStacks(o);
  rows.push(['financial_year', ...stacks.map((s) => s.label), 'expenditure_p10_gbp', 'expenditure_p50_gbp', 'expenditure_p90_gbp', 'income_gbp', 'in_year_balance_p10_gbp', 'in_year_balance_p50_gbp', 'in_year_balance_p90_gbp', 'cumulative_balance_p10_gbp', 'cumulative_balance_p50_gbp', 'cumulative_balance_p90_gbp']);
  // money to the penny as `run --json` writes it, the stacks adding up to the expenditure and the balances tying
  const central = (x: Quantiles, p50: number): Quantiles => ({ ...x, p50 });
  const money = publishMoney(
    o.budget.openingBalance,
    o.budget.lines.map((l, i) => ({
      income: l.income,
      expenditure: l.expenditure,
      lines: stacks.map((s) => s.values[i]!),
      cumulative: l.cumulativeBalance,
      expenditureRange: central(q(range?.expenditure, i, l.expenditure), l.expenditure),
      inYearRange: central(q(range?.inYear, i, l.inYearBalance), l.inYearBalance),
      cumulativeRange: central(q(range?.cumulative, i, l.cumulativeBalance), l.cumulativeBalance),
    })),
  );
  o.budget.lines.forEach((l, i) => {
    const { lines, expenditure: e, income, inYear: iy, cumulative: cu } = money.years[i]!;
    rows.push([financialYearLabel(l.fy), ...lines, e.p10, e.p50, e.p90, income, iy.p10, iy.p50, iy.p90, cu.p10, cu.p50, cu.p90]);
  });
  return rows.map((r) => r.map((v) => csvField(typeof v === 'number' ? Math.round(v * 100) / 100 : v)).join(',')).join('\r\n') + '\r\n';
}

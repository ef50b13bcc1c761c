/**
 * Series the sheets, charts and report share, derived from a RunReport: plans by year (actual history, then the
 * projection), by age, need, placement and DSG group, and the financial-year view of the budget. Pure.
 */
import {
  N_AGES,
  NEEDS,
  PLACEMENT_GROUPS,
  PLACEMENTS,
  STATUTORY_OVERRIDE_END_FY,
  groupOf,
  reorganisationOf,
  type Need,
  type Placement,
  type PlacementGroup,
} from '../domain/index.ts';
import { cubeByAge, cubeByNeed, cubeByPlacement, cubeTotal } from '../model/cube.ts';
import { observedCensus, type ObservedCensus } from '../model/observed.ts';
import { INTERACTION_LINE } from '../budget/mitigations.ts';
import type { BudgetedReport, RunReport } from './run-report.ts';
import { reportMsg } from '../messages/index.ts';
import { moneyUnitFor, type MoneyUnit } from './format.ts';
import { pastYearsShown } from './suppress.ts';

/**
 * The unit of a report's money (or a comparison's of several): £k when no year's spend or income reaches £10m, else
 * £m (format.ts moneyUnitFor). Its tables and its charts' value labels write money in it.
 */
export function moneyUnitOf(reports: readonly RunReport[]): MoneyUnit {
  return moneyUnitFor(reports.flatMap((r) => (r.budget?.lines ?? []).flatMap((l) => [l.expenditure, l.income])));
}

/**
 * The reorganisation that made the run's LA by its base year (Cumberland, from January 2024), or undefined: its
 * forecast reads its predecessors' figures, apportioned, before it existed (model/reorganise.ts).
 */
export function successorOf(r: Pick<RunReport, 'la' | 'baseYear'>): { fromCensusYear: number; note: string } | undefined {
  const made = reorganisationOf(r.la.oldCode);
  return made && made.to.includes(r.la.oldCode) && made.fromCensusYear <= r.baseYear ? made : undefined;
}

/**
 * Census years with actual history before the base year (ascending) that charts and sentences show: the unbroken run up
 * to the base year, and with suppression none from a small total back (suppress.ts pastYearsShown).
 */
export function historyYears(r: RunReport, suppressBelow?: number): number[] {
  return pastYearsShown(r.dataset.stockTotal, r.baseYear, suppressBelow);
}

/**
 * The data's own figures at the base year (model/observed.ts): what every output labels "actual" there, in place of
 * the model's fitted starting state (Kent's January 2022 placements read 4,480.000778 and 754.999527 from the fit).
 */
export function observedBase(r: Pick<RunReport, 'baseYear' | 'dataset'>): ObservedCensus {
  return observedCensus(r.dataset, r.baseYear);
}

/** Total plans at the base year as the data give them (the projection's start only when the data give none). */
export function basePlans(r: RunReport): number {
  return observedBase(r).total ?? r.projection.totalQuantiles[0]!.p50;
}

/**
 * Whether the data give a breakdown at the base year itself; without it the base year's figures by that breakdown
 * are the model's estimate (single ages apportioned from bands, placements or needs of an earlier January).
 */
export function baseObserved(r: RunReport, by: 'age' | 'need' | 'placement'): boolean {
  const o = observedBase(r);
  return (by === 'age' ? o.byAge : by === 'need' ? o.byNeed : o.byPlacement) !== undefined;
}

/**
 * P10, P50 and P90 of total plans at the projection's i-th census year: at the base year the data's total for all
 * three (what happened has no range), after it the simulated futures'.
 */
export function plansQuantilesAt(r: RunReport, i: number): { p10: number; p50: number; p90: number } {
  if (r.projection.years[i] === r.baseYear) {
    const b = basePlans(r);
    return { p10: b, p50: b, p90: b };
  }
  return r.projection.totalQuantiles[i]!;
}

/** Total plans at a census year: the data up to the base year, the projection's P50 after it. */
export function totalPlans(r: RunReport, year: number): number | undefined {
  if (year === r.baseYear) return basePlans(r);
  const i = r.projection.years.indexOf(year);
  if (i >= 0) return r.projection.totalQuantiles[i]?.p50 ?? cubeTotal(r.projection.central[i]!);
  return r.dataset.stockTotal[year];
}

/**
 * Plans by single age at a census year: the data's (a SEN2 return's cube, or single-age rows) up to the base year,
 * the model's apportionment at a base year the data give in bands only, then the projection's central path.
 */
export function plansByAge(r: RunReport, year: number): Float64Array | undefined {
  if (year === r.baseYear) {
    const obs = observedBase(r).byAge;
    if (obs) return obs;
  }
  const i = r.projection.years.indexOf(year);
  if (i >= 0) return cubeByAge(r.projection.central[i]!);
  const c = r.dataset.stockCube[year];
  return c ? cubeByAge(c) : undefined;
}

/** Years with single-age plans available: person-level history before the base year, then the projection. */
export function singleAgeYears(r: RunReport): number[] {
  const hist = Object.keys(r.dataset.stockCube)
    .map(Number)
    .filter((y) => y < r.baseYear)
    .sort((a, b) => a - b);
  return [...hist, ...r.projection.years];
}

/** Plans by need at a census year (the data's at the base year when they give needs for it). */
export function plansByNeed(r: RunReport, year: number): Record<Need, number> | undefined {
  if (year === r.baseYear) {
    const obs = observedBase(r).byNeed;
    if (obs) return obs;
  }
  const i = r.projection.years.indexOf(year);
  if (i >= 0) {
    const v = cubeByNeed(r.projection.central[i]!);
    return Object.fromEntries(NEEDS.map((n, k) => [n, v[k]!])) as Record<Need, number>;
  }
  const h = r.dataset.stockByNeed[year];
  if (!h) return undefined;
  return Object.fromEntries(NEEDS.map((n) => [n, h[n] ?? 0])) as Record<Need, number>;
}

/** Plans by placement at a census year (the data's at the base year when they give placements for it). */
export function plansByPlacement(r: Pick<RunReport, 'baseYear' | 'dataset' | 'projection'>, year: number): Record<Placement, number> | undefined {
  if (year === r.baseYear) {
    const obs = observedBase(r).byPlacement;
    if (obs) return obs;
  }
  const i = r.projection.years.indexOf(year);
  if (i >= 0) {
    const v = cubeByPlacement(r.projection.central[i]!);
    return Object.fromEntries(PLACEMENTS.map((p, k) => [p, v[k]!])) as Record<Placement, number>;
  }
  const h = r.dataset.stockByPlacement[year];
  if (!h) return undefined;
  return Object.fromEntries(PLACEMENTS.map((p) => [p, h[p] ?? 0])) as Record<Placement, number>;
}

/** Sums placements into the DSG management plan groups. */
export function byGroup(byP: Record<Placement, number>): Record<PlacementGroup, number> {
  const out = Object.fromEntries(PLACEMENT_GROUPS.map((g) => [g, 0])) as Record<PlacementGroup, number>;
  for (const p of PLACEMENTS) out[groupOf(p)] += byP[p];
  return out;
}

/** Years with placement data: history, then the projection. */
export function placementYears(r: RunReport): number[] {
  const hist = Object.keys(r.dataset.stockByPlacement)
    .map(Number)
    .filter((y) => y < r.baseYear)
    .sort((a, b) => a - b);
  return [...hist, ...r.projection.years];
}

/**
 * The placement chart's years: the past Januaries shown as the fan chart shows them (pastYearsShown over the placements'
 * totals: unbroken up to the base year, none from a small total back with suppression), then the projection. The
 * workbook's sheet keeps every year (placementYears), its small cells [c].
 */
export function placementChartYears(r: RunReport, suppressBelow?: number): number[] {
  const totals: Record<number, number> = {};
  for (const [y, byP] of Object.entries(r.dataset.stockByPlacement)) totals[Number(y)] = Object.values(byP).reduce<number>((s, v) => s + (v ?? 0), 0);
  return [...pastYearsShown(totals, r.baseYear, suppressBelow), ...r.projection.years];
}

/** Years with need data: history, then the projection. */
export function needYears(r: RunReport): number[] {
  const hist = Object.keys(r.dataset.stockByNeed)
    .map(Number)
    .filter((y) => y < r.baseYear)
    .sort((a, b) => a - b);
  return [...hist, ...r.projection.years];
}

/** Whether a census year is actual data (up to and including the base year). */
export function isActual(r: RunReport, year: number): boolean {
  return year <= r.baseYear;
}

/**
 * Header label of a census year column: "Jan 2025 actual" / "Jan 2026 projected", and "Jan 2025 estimated" for a
 * base year whose breakdown the data do not give (`observed` false: baseObserved), which the sheet's intro explains.
 */
export function censusHeader(r: RunReport, year: number, observed = true): string {
  return `Jan ${year} ${censusStatus(r, year, observed)}`;
}

/** "actual", "projected", or "estimated" for a base year whose breakdown the data do not give (censusHeader). */
export function censusStatus(r: RunReport, year: number, observed = true): 'actual' | 'estimated' | 'projected' {
  if (!isActual(r, year)) return 'projected';
  return year === r.baseYear && !observed ? 'estimated' : 'actual';
}

/** Index of the financial year ending at the end of the statutory override (2027-28), or -1. */
export function march2028Index(r: BudgetedReport): number {
  return r.budget.financialYears.indexOf(STATUTORY_OVERRIDE_END_FY);
}

/** The last financial year of the run. */
export function horizonFy(r: BudgetedReport): number {
  return r.budget.financialYears[r.budget.financialYears.length - 1]!;
}

/** Sum of per-age counts over an inclusive age range. */
export function sumAges(byAge: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let a = from; a <= Math.min(to, N_AGES - 1); a++) s += byAge[a]!;
  return s;
}

/** Whether a mitigation row is the budget model's interaction line rather than a lever. */
export function isInteractionLine(name: string): boolean {
  return name === INTERACTION_LINE;
}

/** Total net saving per lever over the financial years up to and including `lastFy` (the interaction line last). */
export function netSavingByLever(r: BudgetedReport, lastFy: number): Array<{ name: string; netSaving: number; spendAvoided: number; deliveryCost: number; plansAvoided: number }> {
  const names: string[] = [];
  for (const m of r.budget.mitigations) if (!names.includes(m.name)) names.push(m.name);
  return names.map((name) => {
    const rows = r.budget.mitigations.filter((m) => m.name === name && m.fy <= lastFy);
    return {
      name,
      netSaving: rows.reduce((s, m) => s + m.netSaving, 0),
      spendAvoided: rows.reduce((s, m) => s + m.spendAvoided, 0),
      deliveryCost: rows.reduce((s, m) => s + m.deliveryCost, 0),
      plansAvoided: rows.length ? rows[rows.length - 1]!.plansAvoided : 0,
    };
  });
}

/** Cumulative balance at the end of a financial year on the unmitigated path (or undefined). */
export function unmitigatedBalance(r: BudgetedReport, fy: number): number | undefined {
  return r.budget.unmitigated?.find((l) => l.fy === fy)?.cumulativeBalance;
}

/** Cumulative balance at the end of a financial year (central). */
export function balanceAt(r: BudgetedReport, fy: number): number | undefined {
  return r.budget.lines.find((l) => l.fy === fy)?.cumulativeBalance;
}

/** The sensitivity rows sorted by their swing in the balance (largest first), at the horizon or March 2028. */
export function sensitivityBySwing(r: BudgetedReport, at: 'horizon' | 'march2028' = 'horizon') {
  const swing = (s: BudgetedReport['budget']['sensitivity'][number]) =>
    at === 'horizon' ? Math.abs(s.highBalanceAtHorizon - s.lowBalanceAtHorizon) : Math.abs(s.highBalanceAtMarch2028 - s.lowBalanceAtMarch2028);
  return [...r.budget.sensitivity].map((s) => ({ ...s, swing: swing(s) })).sort((a, b) => b.swing - a.swing);
}

const BACKTEST_METHODS: Record<string, string> = {
  model: 'This model',
  naive_last: 'Last value',
  drift3: 'Linear drift (3 years)',
  drift5: 'Linear drift (5 years)',
  growth3: 'Constant growth (3 years)',
  growth5: 'Constant growth (5 years)',
};

/**
 * A backtest method in words (codes from the backtest; names pass through).
 * @example backtestMethodName('drift3') // 'Linear drift (3 years)'
 */
export function backtestMethodName(method: string): string {
  return BACKTEST_METHODS[method] ?? method;
}

/** Whether a backtest row is this model's (not a simple baseline). */
/**
 * The longest horizon (years ahead) the model's track record scored, when the run reaches beyond it: the ranges of
 * the later years were never checked against what happened. Undefined when the run is within it, or when there is
 * no track record (the accuracy chapter and Backtest sheet say that).
 */
export function scoredHorizonBefore(r: RunReport): number | undefined {
  const horizons = [...r.backtest, ...(r.backtestAll?.rows ?? [])].filter((b) => isModelMethod(b.method)).map((b) => b.horizon);
  if (!horizons.length) return undefined;
  const h = Math.max(...horizons);
  const lastYear = r.projection.years[r.projection.years.length - 1]!;
  return lastYear - r.baseYear > h ? h : undefined;
}

/** The words for scoredHorizonBefore, pointing to the report's chapter or the workbook's sheet: none within it. */
export function beyondScored(r: RunReport, where: 'report' | 'workbook'): string[] {
  const h = scoredHorizonBefore(r);
  return h === undefined ? [] : [reportMsg.beyondScored(h, r.baseYear, where === 'report' ? 'How accurate the model has been, below' : 'the Backtest sheet')];
}

export function isModelMethod(method: string): boolean {
  return /^model$|highneeds|this model/i.test(method);
}

/**
 * Whether the data show children's moves between settings (person-level returns linked across years). Published
 * aggregates carry no moves: a projection from them keeps every child in the setting its age band starts in, so a
 * transitions view of it would show an artefact, not a finding.
 */
export function movesObserved(r: RunReport): boolean {
  return r.dataset.linkedMoves.length > 0;
}

/** Whether the data record any primary need at the base year (published totals alone carry none). */
export function needsRecorded(r: RunReport): boolean {
  const byN = plansByNeed(r, r.baseYear);
  return byN !== undefined && NEEDS.some((n) => n !== 'UNKNOWN' && byN[n] > 0);
}

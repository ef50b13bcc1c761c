/**
 * Which of a run's financial years the money tables fill from an earlier row rather than a row of their own (spec
 * budget.md: "a growth assumption for years not in it"). Carrying a figure past a table's last year is the rule and
 * needs no note when the table reaches the run; two cases do, because the figures then rest on a guess the reader
 * did not make:
 * - a **missing middle year**: a year between a series' first and last rows with no row of its own (2026-27 absent
 *   between 2025-26 and 2027-28) takes the latest earlier row, grown or carried;
 * - a series that **ends before the run starts**: its last row is before the run's first financial year, so every
 *   year of the run is grown or carried from a year the run does not show.
 * A places or other-spend table that **starts after the run's first year** does not cover the years before it: a
 * series starting in the table's first year is taken back from its first row for them (places unchanged, other spend
 * deflated), and one starting later leaves the years before it at £0 (a unit opening later, the one case where £0 is
 * right; the note says so and costs nothing). One note per table (funding, places, other spend), naming each series, the years
 * filled, the row they came from (or £0), and how; the run puts it on stderr and on the Data quality sheet
 * (run-budget.ts, fallbacks).
 */
import { financialYearLabel } from '../domain/index.ts';
import { tableYearsFilled, type FilledSeries } from '../messages/budget.ts';
import type { BudgetParams } from './params.ts';
import { otherSpendLineKey } from './other-spend.ts';
import type { BudgetTables } from './tables.ts';

/** One series of a table (the block allocation, a placement's places, a line of other spend): its rows' years. */
interface Series {
  name: string;
  years: readonly number[];
}

/**
 * The years of `fys` a series fills from an earlier row (a missing middle year, or every year when the series ends
 * before `fys[0]`), each with the year it is filled from.
 * @example filledYears([2025, 2027], [2025, 2026, 2027, 2028]) // [{ fy: 2026, from: 2025 }]
 * @example filledYears([2022], [2025, 2026]) // [{ fy: 2025, from: 2022 }, { fy: 2026, from: 2022 }]
 */
export function filledYears(years: readonly number[], fys: readonly number[]): Array<{ fy: number; from: number }> {
  if (years.length === 0 || fys.length === 0) return [];
  const have = new Set(years);
  const first = Math.min(...years);
  const last = Math.max(...years);
  const endsBefore = last < fys[0]!;
  const out: Array<{ fy: number; from: number }> = [];
  for (const fy of fys) {
    if (have.has(fy) || fy < first) continue;
    if (!endsBefore && fy > last) continue; // after a table that reaches the run: the documented rule
    let from = first;
    for (const y of years) if (y < fy && y > from) from = y;
    out.push({ fy, from });
  }
  return out;
}

/** "2026-27", or "2025-26 to 2030-31" for a run of years. */
function span(start: number, end: number): string {
  return start === end ? financialYearLabel(start) : `${financialYearLabel(start)} to ${financialYearLabel(end)}`;
}

/**
 * Runs of consecutive filled years from the same row, labelled ("2026-27 (from 2025-26)"); with `zeroBefore`, also
 * the years of the run before the series' first row, which it leaves at £0 (a places or other-spend table that
 * starts after the run does: the £0 stands in for figures not given).
 */
function describe(series: Series, fys: readonly number[], zeroBefore: boolean, tableFirst: number): FilledSeries | undefined {
  const filled = filledYears(series.years, fys);
  const first = Math.min(...series.years);
  // before the table's first year a series starting in it is taken back from its first row (place-funding.ts
  // firstYearBack); one starting later opens then, £0 before
  const back = zeroBefore && first === tableFirst ? fys.filter((fy) => fy < first) : [];
  const before = zeroBefore && first !== tableFirst ? fys.filter((fy) => fy < first) : [];
  if (filled.length === 0 && before.length === 0 && back.length === 0) return undefined;
  const runs: Array<{ start: number; end: number; from: number }> = [];
  for (const f of filled) {
    const prev = runs[runs.length - 1];
    if (prev && prev.from === f.from && prev.end === f.fy - 1) prev.end = f.fy;
    else runs.push({ start: f.fy, end: f.fy, from: f.from });
  }
  const last = Math.max(...series.years);
  return {
    name: series.name,
    years: runs.map((r) => ({ years: span(r.start, r.end), from: financialYearLabel(r.from) })),
    endsBefore: last < fys[0]! ? { last: financialYearLabel(last), firstFy: financialYearLabel(fys[0]!) } : undefined,
    zeroBefore: before.length > 0 ? { years: span(before[0]!, before[before.length - 1]!), first: financialYearLabel(first) } : undefined,
    takenBack: back.length > 0 ? { years: span(back[0]!, back[back.length - 1]!), first: financialYearLabel(first) } : undefined,
  };
}

function seriesOf<R>(rows: readonly R[], key: (r: R) => string, fy: (r: R) => number, name: (r: R) => string = key): Series[] {
  const by = new Map<string, { name: string; years: number[] }>();
  for (const r of rows) {
    const k = key(r);
    if (!by.has(k)) by.set(k, { name: name(r), years: [] });
    by.get(k)!.years.push(fy(r));
  }
  return [...by.values()];
}

/**
 * The notes on the years the funding, places and other-spend tables fill from an earlier row (none when every
 * table has a row for every year of the run up to its last, and reaches the run).
 * @example tableYearWarnings({ ...tables, funding: [{ fy: 2025, hnBlockGbp: 1e7 }, { fy: 2027, hnBlockGbp: 1.1e7 }] },
 *          [2025, 2026, 2027], params) // one note: the block of 2026-27 is 2025-26's grown by funding.growth
 */
export function tableYearWarnings(tables: Pick<BudgetTables, 'funding' | 'places' | 'otherSpend'>, fys: readonly number[], params: Pick<BudgetParams, 'fundingGrowth'>): string[] {
  const out: string[] = [];
  const note = (table: 'funding' | 'places' | 'other spend', series: Series[]) => {
    // before the funding table the block is deflated from its first row, with a warning of its own (income.ts)
    const tableFirst = Math.min(...series.flatMap((s) => s.years));
    const filled = series.map((s) => describe(s, fys, table !== 'funding', tableFirst)).filter((s): s is FilledSeries => s !== undefined);
    if (filled.length > 0) out.push(tableYearsFilled(table, filled, params.fundingGrowth));
  };
  note('funding', tables.funding.length > 0 ? [{ name: 'High Needs block', years: tables.funding.map((r) => r.fy) }] : []);
  note('places', seriesOf(tables.places, (r) => r.placement, (r) => r.fy));
  note('other spend', seriesOf(tables.otherSpend, (r) => otherSpendLineKey(r.line), (r) => r.fy, (r) => r.line));
  return out;
}

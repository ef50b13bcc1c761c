/**
 * Which LAs a forecast covers and which it must skip (cli.md `forecast`): an LA is skipped when it has no stock at
 * the base year, when its history is broken by a reorganisation (domain.md SUCCESSIONS) inside the years the model
 * reads, when its series is too short, or when its age rows of the base year are far from its total (age-tiling.ts)
 * or its plans step into the base year beyond ×0.7–×1.5 (base-step.ts).
 */
import { canonicalNewCode, isBrokenByReorganisation, reorganisationOf } from '../../domain/index.ts';
import type { LaDataset } from '../dataset.ts';
import { stockOfZero, unpublishedTotalWhere } from '../../messages/model.ts';
import { ageRowsContradictTotal, baseStepImplausible, OWN_ROWS_MARK, spikeUnbridged } from '../../messages/reconcile.ts';
import { ageGapRefused } from '../age-tiling.ts';
import { BASE_STEP, baseStepRefused } from '../base-step.ts';
import { SPIKE_FACTOR, spikeRuns } from '../estimate/outliers.ts';
import { DEFAULT_TREND } from '../trend.ts';

/** Census years of stock the model needs up to the base year (one growth; a short series is pooled hard). */
export const MIN_STOCK_YEARS = 2;

/** How skipReason's reason for a series without a stock at every census a base year needs (MIN_STOCK_YEARS) begins. */
const NO_YEAR_BEFORE = 'too short: needs stock at every census';

/**
 * Whether an LA was skipped for lacking a stock at a census before the base year (the base year's own stock it has):
 * not the trend window's 'too short' of central.ts, which more Januaries before the base year answer.
 */
export function lacksYearBefore(reason: string | undefined): boolean {
  return reason?.startsWith(NO_YEAR_BEFORE) ?? false;
}

/** Whether an LA was skipped because its own figures of the base year are not the LA's (its ages or its step): the files need correcting. */
export function contradictsOwnRows(reason: string | undefined): boolean {
  return reason?.includes(OWN_ROWS_MARK) ?? false;
}

export interface Skipped {
  old_la_code: string;
  new_la_code: string;
  la_name: string;
  reason: string;
}

/** Why an LA's series cannot be forecast from `baseYear`, or undefined when it can. */
export function skipReason(ds: LaDataset, baseYear: number): string | undefined {
  const first = baseYear - MIN_STOCK_YEARS + 1;
  if (ds.stockTotal[baseYear] === undefined) {
    // the reorganisation explains the gap only for a predecessor that no longer exists at the base year; a successor
    // (or a predecessor before its end) without that census simply lacks the data, as any other LA would
    const re = reorganisationOf(ds.la.oldCode);
    const years = Object.keys(ds.stockTotal).map(Number);
    const lastYear = years.length ? Math.max(...years) : undefined;
    if (re && re.from.includes(ds.la.oldCode) && baseYear >= re.fromCensusYear && lastYear !== undefined && lastYear < baseYear)
      return `series ended in ${lastYear}: ${re.note}`;
    const u = ds.unpublishedTotals?.[baseYear];
    if (u) return `no stock of plans at census ${baseYear}: ${unpublishedTotalWhere(u)}`;
    return `no stock of plans at census ${baseYear}`;
  }
  if (ds.history && baseYear < ds.history.succession.fromCensusYear)
    return `did not exist before census ${ds.history.succession.fromCensusYear}: ${ds.history.succession.note}`;
  const broken = ds.history ? undefined : isBrokenByReorganisation(ds.la.oldCode, first, baseYear);
  if (broken) return `history broken by a reorganisation in ${broken.fromCensusYear}: ${broken.note}`;
  // a total of 0 is a figure, not a gap: it was 'too short: needs stock at every census', and the advice to choose
  // another base year
  for (let y = first; y <= baseYear; y++) if (ds.stockTotal[y] === 0) return stockOfZero(y);
  for (let y = first; y <= baseYear; y++)
    if (!(ds.stockTotal[y]! > 0)) return `${NO_YEAR_BEFORE} ${first}–${baseYear}`;
  // the start of every projected year: its own age rows far from it say one of the two is not the LA's figure
  const gap = ageGapRefused(ds, baseYear);
  if (gap) return ageRowsContradictTotal(baseYear, gap.rows, gap.sum, gap.total);
  // and a step into it no LA's published plans make in a year (a partial return, a file counted twice)
  const step = baseStepRefused(ds, baseYear);
  if (step) return baseStepImplausible(baseYear, step.before, step.now, step.ratio, BASE_STEP.min, BASE_STEP.max);
  // a January (or two) out of line both ways whose sides disagree: the trend can read it neither as a step nor around it
  const spike = unbridgedSpike(ds, baseYear);
  if (spike) return spikeUnbridged(spike.years, spike.values, spike.before, spike.after, DEFAULT_TREND.window, SPIKE_FACTOR);
  return undefined;
}

/**
 * A run of Januaries out of line both ways (estimate/outliers.ts spikeRuns) that is not bridged, inside the
 * DEFAULT_TREND.window Januaries before `baseYear` whose growth the trend reads. Read as two steps, the fall out of it
 * became growth wherever England's growth that year was not given: the sample with January 2021 at ×2.6 and 2022 at
 * ×1.55 gave 5,088 plans in January 2035 against 9,123, exit 0, with two notes of steps (docs/model.md).
 */
function unbridgedSpike(ds: LaDataset, baseYear: number) {
  const known = Object.fromEntries(Object.entries(ds.stockTotal).filter(([y]) => Number(y) <= baseYear));
  return spikeRuns(known).find((r) => !r.bridged && r.years[0]! >= baseYear - DEFAULT_TREND.window);
}

/** Whether a dataset matches a requested DfE 3-digit or ONS 9-character code. */
export function matchesCode(ds: Pick<LaDataset, 'la'>, code: string): boolean {
  const c = code.trim().toUpperCase();
  return ds.la.oldCode === c || canonicalNewCode(ds.la.newCode) === canonicalNewCode(c);
}

export function skippedEntry(ds: LaDataset, reason: string): Skipped {
  return { old_la_code: ds.la.oldCode, new_la_code: ds.la.newCode, la_name: ds.la.name, reason };
}

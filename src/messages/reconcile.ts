/** Messages of the reconciliation of published figures (src/etl/reconcile.ts). */
const plans = (n: number): string => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(Math.round(n));
const signedPct = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)}%`;
export function agesDoNotSum(area: string, year: number, rows: number, sum: number, total: number): string {
  return `${area}, January ${year}: its ${rows} age rows add up to ${plans(sum)} plans, its "All EHC plans" row says ${plans(total)}; the total is used and the ages only for their shape`;
}
/**
 * An LA whose age rows of the January a forecast starts from are far from its "All EHC plans" row (model/age-tiling.ts
 * ageGapRefused): the reason forecast/select.ts skipReason gives, after "cannot be projected from January Y:" in run.
 */
/** What every refusal of a base year's figures as not the LA's says (forecast/select.ts contradictsOwnRows finds it). */
export const OWN_ROWS_MARK = 'every projected year would start from';
export function ageRowsContradictTotal(year: number, rows: number, sum: number, total: number): string {
  const apart = total > 0 ? ` (${Math.abs(((sum - total) / total) * 100).toFixed(0)}% apart)` : '';
  return (
    `its ${rows} age rows of January ${year} add up to ${plans(sum)} plans where its "All EHC plans" row says ${plans(total)}${apart}: ` +
    `one of them is not the LA's (a total or an age row edited, a row lost or counted twice), and ${OWN_ROWS_MARK} the total; ` +
    `check that January's rows in the files (the Total and age rows of sen2_age_caseload.csv, or of caseload.csv)`
  );
}
/**
 * An LA whose plans step into the January a forecast starts from beyond the band every projected year must keep
 * (model/base-step.ts baseStepRefused): the reason forecast/select.ts skipReason gives.
 */
export function baseStepImplausible(year: number, before: number, now: number, ratio: number, min: number, max: number): string {
  // to three places where two would read as the band's own end (0.696 is not ×0.70)
  const r = [min, max].some((b) => ratio.toFixed(2) === b.toFixed(2)) ? ratio.toFixed(3) : ratio.toFixed(2);
  return (
    `its plans step from ${plans(before)} in January ${year - 1} to ${plans(now)} in January ${year} (×${r}), beyond the ×${min}–×${max} a year ` +
    `any projected year must keep, which no English LA's published plans have gone beyond from 2011 to 2022 but by a handful: a return or file of ` +
    `January ${year} missing many of its plans or holding some twice (a partial or late return, a file cut short or counted twice), and ${OWN_ROWS_MARK} it; ` +
    `check January ${year}'s figures against the LA's own records`
  );
}
/**
 * An LA's Januaries out of line with the January before them and the one after, both ways, whose sides disagree too
 * far for the trend to read a bridge between them (estimate/outliers.ts spikeRuns, forecast/select.ts skipReason).
 * @example spikeUnbridged([2020], [27000], 10000, 17000, 5) // "its plans of January 2020 (27,000) are more than ×1.5 …"
 */
export function spikeUnbridged(years: readonly number[], values: readonly number[], before: number, after: number, window: number, factor: number): string {
  const [first, last] = [years[0]!, years[years.length - 1]!];
  const which = years.length > 1 ? `Januaries ${years.join(' and ')}` : `January ${first}`;
  const dir = values[0]! > before ? 'above' : 'below';
  return (
    `its plans of ${which} (${values.map(plans).join(' and ')}) are more than ×${factor} ${dir} both ${first - 1}'s (${plans(before)}) and ` +
    `${last + 1}'s (${plans(after)}), and those two are ×${(Math.max(after, before) / Math.min(after, before)).toFixed(2)} apart: neither a step in the ` +
    `level nor a year written wrong and then back that the trend could read around, inside the ${window} Januaries its growth is read over; ` +
    `check ${which}'s figures (and ${first - 1}'s and ${last + 1}'s) against the LA's own records and correct the files ` +
    `(a --base-year of ${first - 1} or earlier does not read them)`
  );
}
export function placementsDoNotSum(area: string, year: number, sum: number, total: number): string {
  return `${area}, January ${year}: its plans by placement add up to ${plans(sum)}, its "All EHC plans" row says ${plans(total)}; plans are placed by the placements' shares, so the plans of a placement the files leave out (a row lost from an edited copy, or a kind of placement not published that year) are placed, and costed, as the others are, and a placement counted twice takes plans from them: check that January's placement rows (sen2_estab_caseload.csv, or the placement columns of caseload.csv)`;
}
export function placementsBrief(area: string, year: number, sum: number, total: number): string {
  return `${area}, January ${year} (${plans(sum)} by placement against ${plans(total)})`;
}
export function lasDoNotSum(region: string, year: number, sum: number, total: number): string {
  return `${region}, January ${year}: its LAs add up to ${plans(sum)} plans, the region's own row says ${plans(total)} (a missing, suppressed or double-counted LA in the files)`;
}
export function regionRowReplaced(region: string, year: number, row: number, sum: number): string {
  return `${region}, January ${year}: its own row (${plans(row)} plans) is not what its LAs add up to (${plans(sum)}), while every LA of England adds up to England's row and the regions do not by the same gap, so the region's row is the figure out of line; its LAs' ${plans(sum)} are the region's series each LA's trend is pooled towards`;
}
export function regionsDoNotSum(year: number, sum: number, total: number): string {
  return `England, January ${year}: the regions add up to ${plans(sum)} plans, England's own row says ${plans(total)}`;
}
export function continuityOutlier(la: string, year: number, base: number, added: number, ceased: number | undefined, next: number, share: number, median: number): string {
  const flows = ceased === undefined ? `${plans(added)} new (ceased plans not in the files)` : `${plans(added)} new − ${plans(ceased)} ceased`;
  return `${la}: ${plans(base)} plans in January ${year} + ${flows} against ${plans(next)} in January ${year + 1}, an unexplained change of ${signedPct(share)} of its plans where LAs typically show ${signedPct(median)}; check ${year + 1}'s stock and ${year}'s flows (a late or partial return, a boundary change)`;
}
export function continuityBrief(la: string, year: number, share: number, median: number): string {
  return `${la} ${year}→${year + 1} (${signedPct(share)} against a typical ${signedPct(median)})`;
}
export function reconcileSummary(kind: 'age-sum' | 'placement-sum' | 'area-sum' | 'continuity', n: number, first: readonly string[]): string {
  // one of a kind is said as one ('1 Januaries whose plans by placement …' on every forecast of the 2022 release)
  const [one, many] = {
    'age-sum': ['January whose age rows do not add up to its total', 'Januaries whose age rows do not add up to their total'],
    'placement-sum': ['January whose plans by placement do not add up to its total', 'Januaries whose plans by placement do not add up to their total'],
    'area-sum': ['area whose LAs or regions do not add up to its own row', 'areas whose LAs or regions do not add up to their own row'],
    continuity: ['LA-year whose stock does not follow from the year before (plans + new − ceased)', 'LA-years whose stock does not follow from the year before (plans + new − ceased)'],
  }[kind];
  const what = n === 1 ? one : many;
  const more = n > first.length ? `, and ${n - first.length} more` : '';
  return `Reconciliation: ${n} ${what}: ${first.join('; ')}${more}. An LA's own findings are on its run's Data quality sheet.`;
}

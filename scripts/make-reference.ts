/**
 * Writes reference/england-ehcp-series.csv: England's and the regions' published EHC plan series (total plans at
 * each January census, plans by age band for England, new plans by calendar year), derived from a DfE "Education,
 * health and care plans" release (Open Government Licence v3.0). A run whose data hold only its own LA pools its
 * trend towards these series and, without any age breakdown, apportions its stock by England's age shape.
 *
 * Writes reference/batch-statistics.csv too: at every origin of each release given, the spreads between its LAs a
 * forecast pools with (model/forecast/batch-stats.ts) and the calibration of its 80% ranges with that origin as base
 * year (model/forecast/calibrate.ts), which a batch of too few LAs takes instead of its own. The series come from the
 * first release given; the statistics from every release (one set per release's first year).
 *
 *   npx tsx scripts/make-reference.ts <release folder or files…> [-- <another release's folder or files…>]
 *
 * e.g. npx tsx scripts/make-reference.ts path/to/education-health-and-care-plans_2022/data -- path/to/2025/data
 */
import { writeFileSync } from 'node:fs';
import { datasetsFromEesFiles } from '../src/etl/ees-datasets.ts';
import { referenceCsv } from '../src/etl/reference.ts';
import { statisticsCsv, type ReferenceStatistics } from '../src/model/forecast/batch-stats.ts';
import { ownCalibration, type CentralCache } from '../src/model/forecast/calibrate.ts';
import { batchStatisticsAt, DEFAULT_SETTINGS } from '../src/model/forecast/central.ts';
import { projectTotals } from '../src/model/forecast/engine-adapter.ts';

const args = process.argv.slice(2);
const releases: string[][] = [[]];
for (const a of args) if (a === '--') releases.push([]); else releases[releases.length - 1]!.push(a);
if (releases[0]!.length === 0) {
  console.error('usage: npx tsx scripts/make-reference.ts <EES release folder or files…> [-- <another release…>]');
  process.exit(2);
}
const stats: ReferenceStatistics[] = [];
for (const [i, files] of releases.entries()) {
  const ees = await datasetsFromEesFiles(files);
  if (!ees.national) {
    console.error(`${files.join(' ')}: the files hold no national rows`);
    process.exit(1);
  }
  if (i === 0) {
    writeFileSync(new URL('../reference/england-ehcp-series.csv', import.meta.url), referenceCsv(ees.national, ees.regions));
    console.error(`wrote reference/england-ehcp-series.csv (England and ${ees.regions.length} regions)`);
  }
  const years = Object.keys(ees.national.stockTotal).map(Number);
  const firstYear = Math.min(...years);
  const batch = { datasets: ees.datasets, national: ees.national, regions: ees.regions };
  // each past origin's forecasts once, for every base year it calibrates (calibrate.ts reads no actual past the base)
  const past: CentralCache = new Map();
  for (let origin = firstYear + 1; origin <= Math.max(...years); origin++) {
    const s = batchStatisticsAt(batch, origin);
    if (!s) continue;
    // the furthest a calibration scores (one origin per year ahead): later horizons take the last scale
    const { k, scored, las } = ownCalibration(batch, origin, DEFAULT_SETTINGS.calibrationOrigins, DEFAULT_SETTINGS, projectTotals, past);
    stats.push({ origin, firstYear, ...s, ranges: { scale: k, scored, las } });
  }
}
writeFileSync(new URL('../reference/batch-statistics.csv', import.meta.url), statisticsCsv(stats));
console.error(`wrote reference/batch-statistics.csv (${stats.length} origins)`);

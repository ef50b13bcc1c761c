/**
 * Writes reference/england-ehcp-series.csv: England's and the regions' published EHC plan series (total plans at
 * each January census, plans by age band for England, new plans by calendar year), derived from a DfE "Education,
 * health and care plans" release (Open Government Licence v3.0). A run whose data hold only its own LA pools its
 * trend towards these series and, without any age breakdown, apportions its stock by England's age shape.
 *
 *   npx tsx scripts/make-reference.ts <release folder or files…>
 *
 * e.g. npx tsx scripts/make-reference.ts path/to/education-health-and-care-plans_2022/data
 */
import { writeFileSync } from 'node:fs';
import { datasetsFromEesFiles } from '../src/etl/ees-datasets.ts';
import { referenceCsv } from '../src/etl/reference.ts';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npx tsx scripts/make-reference.ts <EES release folder or files…>');
  process.exit(2);
}
const ees = await datasetsFromEesFiles(files);
if (!ees.national) {
  console.error('the files hold no national rows');
  process.exit(1);
}
writeFileSync(new URL('../reference/england-ehcp-series.csv', import.meta.url), referenceCsv(ees.national, ees.regions));
console.error(`wrote reference/england-ehcp-series.csv (England and ${ees.regions.length} regions)`);

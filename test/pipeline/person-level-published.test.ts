/**
 * An LA's own SEN2 returns beside a published table for the same census years: the returns' plans replace that year's
 * published stock in the age, need and placement figures, while the total forecast is built on the published series.
 * The sample's returns (2,413, 2,663 and 3,007 plans in January 2023–2025) beside a published table of 3,300 and 3,800
 * plans for 2023 and 2024 ran with exit 0, the Data quality sheet saying the returns replace the published stock: the
 * history shown rose with the returns while the projection fell with the published totals (3,024 plans in January 2026,
 * 3,368 from the returns alone). Now such a disagreement stops the run before anything is written.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyDataset } from '../../src/model/dataset.ts';
import { checkPersonLevelStock } from '../../src/pipeline/gates.ts';
import { copySampleTables, runCli } from '../cli/helpers.ts';
import { tempDir } from '../temp.ts';

/** The sample's age caseload table with rows for census 2023–2025 added, each year's total and ages from `totals`. */
function withPublished(file: string, totals: Record<number, number>): void {
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  const y2022 = lines.filter((l) => l.startsWith('2022,'));
  const added = Object.entries(totals).flatMap(([y, t]) =>
    y2022.map((l) => {
      const c = l.split(',');
      const v = c[10] === 'Total' ? t : Math.round((t * Number(c[14])) / 100);
      c[0] = y;
      c[13] = c[15] = String(v);
      return c.join(',');
    }),
  );
  writeFileSync(file, [...lines, ...added].join('\n') + '\n');
}

describe('SEN2 returns and published tables for the same census years', () => {
  it('that disagree: exit 1 naming the LA, the year, the return, both counts and the published files; nothing written', async () => {
    // the sample's tables and the first 300 persons of its 2023 and 2024 returns (242 plans in 2023), the run starting
    // from January 2024, which no published table holds: reading the three whole returns was most of the test's time
    // and none of what it checks
    const dir = tempDir('hn-pl-published-');
    const data = join(dir, 'data');
    copySampleTables(data);
    for (const y of [2023, 2024]) {
      const cut = readFileSync(`data-samples/sen2_${y}.xml`, 'utf8').split('</Person>', 301).slice(0, 300).join('</Person>');
      writeFileSync(join(data, `sen2_${y}.xml`), `${cut}</Person>\n </Persons>\n</Message>\n`);
    }
    withPublished(join(data, 'sen2_age_caseload.csv'), { 2023: 3300 });
    const r = await runCli('run', '--data', data, '--demand-only', '--draws', '0', '--out', join(dir, 'out'));
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(
      `Anyshire (999): the SEN2 return ${join(data, 'sen2_2023.xml')} holds 242 plans at census 2023, but the published total in ${join(data, 'sen2_age_caseload.csv')}`,
    );
    expect(r.stderr).toMatch(/ is 3,300: the run would show the return's plans as that year's and forecast the total from the published ones, so no outputs were written\. /);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('every census year up to the base year is held to the base year tolerance (0.5%); later years and years published alone are not', () => {
    const ds = emptyDataset({ oldCode: '999', newCode: 'E99999999', name: 'Anyshire' });
    ds.personLevel = { 2023: { plans: 2413, file: 'sen2_2023.xml' }, 2024: { plans: 2663, file: 'sen2_2024.xml' } };
    const check = (published: Record<number, number>, base = 2024) => () => checkPersonLevelStock(ds, base, published, ['caseload.csv']);
    expect(check({ 2022: 100, 2023: 2420, 2024: 2663 })).not.toThrow(); // 7 of 2,420 apart: within 0.5%
    expect(check({ 2023: 2413 })).not.toThrow();
    expect(check({ 2023: 2413, 2024: 2700 }, 2023)).not.toThrow(); // 2024 is after the base year
    expect(check({ 2023: 2413, 2024: 2700 })).toThrow(/sen2_2024\.xml holds 2,663 plans at census 2024, but the published total in caseload\.csv is 2,700/);
    expect(check({ 2023: 2430, 2024: 2700 })).toThrow(/census 2023/); // the first year that disagrees
  });
});

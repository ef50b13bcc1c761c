/**
 * A population 1,000 times off: an ONS table edited with its figures ×1,000 (or people taken for thousands and
 * multiplied), or one in thousands of people, passed every gate when its figures stayed under the 1e9 ceiling of the
 * readers. ×1,000 made Torbay's 35,343 people aged 0 to 25 35,343,000 (its 1,416 plans 0.004% of them) with exit 0,
 * the prevalence gate looking only up; in thousands, the plans were more than the population and the run said the
 * files were probably for another area. `run` and `goal-seek` now stop before projecting where an LA's plans are
 * outside 0.1%–20% of its people aged 0–25 (every English LA: 0.56%–4.60%), naming the LA, year, file and ratio.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listLas } from '../../src/etl/dataset.ts';
import { datasetsFromWarehouse } from '../../src/etl/ees-datasets.ts';
import { loadIntoMemory } from '../../src/etl/load.ts';
import { addPopulation } from '../../src/etl/persons/dataset-population.ts';
import { toSqlSource } from '../../src/etl/persons/sql-source.ts';
import { latestStockYear } from '../../src/model/project-la.ts';
import { checkPopulationScale } from '../../src/pipeline/gates.ts';
import { PLANS_PER_PERSON_MAX, PLANS_PER_PERSON_MIN, populationScaleProblem } from '../../src/pipeline/plausible.ts';
import { hasRealData, realData } from '../etl/helpers.ts';
import { copySampleTables, runCli } from '../cli/helpers.ts';
import { tempDir } from '../temp.ts';

/**
 * The sample's published tables, population and money tables (not its SEN2 returns, which the gate does not read)
 * with its mid-2019 estimate's figures (ages and all ages) passed through `scale`.
 */
function sampleWith(scale: (n: number) => number): string {
  const dir = tempDir('hn-popscale-');
  copySampleTables(dir);
  const file = join(dir, 'ons_mye_2019.csv');
  const [head, ...rows] = readFileSync(file, 'utf8').split('\n');
  const scaled = rows.map((r) => r.replace(/"([\d,]+)"|(?<=,)(\d+)(?=,|$)/g, (_m, q?: string, d?: string) => `"${scale(Number((q ?? d)!.replace(/,/g, ''))).toLocaleString('en-GB')}"`));
  writeFileSync(file, [head, ...scaled].join('\n'));
  return dir;
}

describe('a population 1,000 times off', () => {
  it('populationScaleProblem: the first year whose plans are outside 0.1%–20% of the people aged 0–25', () => {
    expect([PLANS_PER_PERSON_MIN, PLANS_PER_PERSON_MAX]).toEqual([0.001, 0.2]);
    const plans = { 2020: 1400, 2021: 1500, 2022: 1600 };
    expect(populationScaleProblem(plans, { 2020: 35000, 2021: 35000 }, 2022)).toBeUndefined();
    expect(populationScaleProblem(plans, { 2020: 35000, 2021: 35_000_000 }, 2022)).toEqual({ year: 2021, populationYear: 2021, plans: 1500, population: 35_000_000, ratio: 1500 / 35_000_000 });
    expect(populationScaleProblem(plans, { 2021: 35 }, 2022)).toMatchObject({ year: 2021, ratio: 1500 / 35 });
    // a year after the base year is not the run's; with no year in common, the base year's plans against the population it uses
    expect(populationScaleProblem(plans, { 2023: 35 }, 2021)).toMatchObject({ year: 2021, populationYear: 2023 });
    expect(populationScaleProblem(plans, { 2018: 35_000_000 }, 2022)).toMatchObject({ year: 2022, populationYear: 2018 });
    expect(populationScaleProblem({ 2022: 1600 }, { 2019: 35000, 2021: 35 }, 2022)).toMatchObject({ populationYear: 2021 });
    // at the edges of the band, and without population or plans, nothing is said
    expect(populationScaleProblem({ 2022: 1 }, { 2022: 1000 }, 2022)).toBeUndefined();
    expect(populationScaleProblem({ 2022: 200 }, { 2022: 1000 }, 2022)).toBeUndefined();
    expect(populationScaleProblem({ 2022: 201 }, { 2022: 1000 }, 2022)).toBeDefined();
    expect(populationScaleProblem(plans, {}, 2022)).toBeUndefined();
    expect(populationScaleProblem({}, { 2022: 35 }, 2022)).toBeUndefined();
  });

  it('run: a mid-2019 estimate ×1,000 stops naming the LA, year, file, ratio and the likely cause; in thousands too', async () => {
    const out = join(tempDir('hn-popscale-out-'), 'out');
    // goal-seek below reads the same folder: run's load of it, not the files again
    const timesThousand = sampleWith((n) => n * 1000);
    const big = await runCli('run', '--data', timesThousand, '--demand-only', '--draws', '0', '--quiet', '--out', out);
    expect(big.code, big.stderr).toBe(1);
    expect(big.stderr).toMatch(
      /Anyshire \(999\): its [\d,]+ plans in January 2020 are 0\.00\d+% of the [\d,]{11} people aged 0 to 25 .*ons_mye_2019\.csv.*mid-2019.*1,000 times too big/,
    );
    const small = await runCli('run', '--data', sampleWith((n) => Math.round(n / 1000)), '--demand-only', '--draws', '0', '--quiet', '--out', out);
    expect(small.code, small.stderr).toBe(1);
    expect(small.stderr).toMatch(/Anyshire \(999\): its [\d,]+ plans in January 2020 are [\d,]+% of the \d+ people aged 0 to 25 .*mid-2019.*in thousands of people/);
    expect(existsSync(out)).toBe(false);
    const goal = await runCli('goal-seek', 'scenarios/baseline.yaml', '--data', timesThousand, '--lever', 'new_plans', '--target', 'in-year-balance=0@2030-31', '--draws', '0', '--out', join(tempDir('hn-popscale-goal-'), 'g.yaml'));
    expect(goal.code, goal.stderr).toBe(1);
    expect(goal.stderr).toMatch(/1,000 times too big/);
  });

  it.skipIf(!hasRealData)('no LA of the real 2022 release with the ONS mid-2019 and mid-2020 estimates is outside the band', { timeout: 600_000 }, async () => {
    const ons = join(realData, 'ons-mye-2019-2020');
    const files = [join(realData, 'ees-ehcp-2022/data/sen2_age_caseload.csv'), ...readdirSync(ons).filter((f) => f.endsWith('.csv')).map((f) => join(ons, f))];
    const load = await loadIntoMemory(files);
    try {
      // every LA's published plans in one pass over the warehouse (run's totals read them so, datasetsFromWarehouse),
      // each with the population run reads for it (addPopulation, as datasetFromWarehouse adds it): reading each LA's
      // whole dataset afresh took about 45 ms an LA, 7 s for the 156 LAs
      const listed = await listLas(load.warehouse);
      const { datasets } = await datasetsFromWarehouse(load.warehouse);
      // every LA a run could be asked for, under the ONS code its population is looked up by
      expect(datasets.map((d) => [d.la.oldCode, d.la.newCode]).sort()).toEqual(listed.map((l) => [l.oldCode, l.newCode]).sort());
      const sql = toSqlSource(load.warehouse);
      let withPopulation = 0;
      for (const ds of datasets) {
        await addPopulation(sql, ds);
        if (Object.keys(ds.population).length > 0) withPopulation++;
        expect(() => checkPopulationScale(ds, latestStockYear(ds)!, load.loaded), ds.la.name).not.toThrow();
      }
      expect(withPopulation).toBeGreaterThan(140);
    } finally {
      load.warehouse.close();
    }
  });
});

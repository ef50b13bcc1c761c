/**
 * A run whose data hold no new plans (a release's caseload without its new-plans table). The projection's new plans
 * are incidence × the solved trend: with no incidence no trend factor added a plan, so the run fell short of the
 * forecast's total year after year, exit 0: Kent from the 2025 layout's caseload.csv alone went
 * 17,733 → 16,771 → 15,886 → 14,926 plans where `forecast` on the same file gives 20,144 → 22,882 → 25,993, and
 * Anyshire (the sample's caseload alone) 2,164 → 2,174 → 2,163 → 2,127. Now the new plans a year are what the
 * forecast's total needs beyond the plans carried on, at ages borrowed as for new plans without ages, with a note;
 * and a run that still cannot reach the forecast's total is refused by the gate, naming the LA, year and figures.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { solveTrendPath } from '../../src/model/constrain.ts';
import { cubeTotal } from '../../src/model/cube.ts';
import { checkProjection } from '../../src/pipeline/gates.ts';
import type { ProjectionResult } from '../../src/model/result.ts';
import { fixtureInitial, fixturePopulation, fixtureRates } from '../model/fixtures.ts';
import { hasRealData, realData } from '../etl/helpers.ts';
import { runCli } from '../cli/helpers.ts';
import { realRowsOf } from '../model/real-files.ts';
import { tempDir } from '../temp.ts';

/** The model tests' fixture LA, its new plans as given or none at all (no incidence). */
function input(newPlans: boolean) {
  const rates = fixtureRates({ growth: 0.08 });
  if (!newPlans) rates.incidence.fill(0);
  return { rates, initial: fixtureInitial(), population: fixturePopulation(2025, 10), baseYear: 2025, horizon: 3 };
}

const scenario = 'id: t\nname: T\nbase_year: 2022\nhorizon_years: 3\n';
const p50 = (stdout: string): number[] => Object.values((JSON.parse(stdout) as { ehcp_total: Record<string, { p50: number }> }).ehcp_total).map((v) => v.p50);

describe('a run whose data hold no new plans', () => {
  it('solveTrendPath says how far below the target a projection without new plans stays', () => {
    const base = cubeTotal(fixtureInitial());
    const target = [1.05, 1.1, 1.16].map((f) => base * f);
    expect(solveTrendPath(input(true), target).unreached).toEqual([0, 0, 0]);
    const none = solveTrendPath(input(false), target).unreached;
    none.forEach((miss, h) => expect(miss, `year ${h + 1}`).toBeGreaterThan(0.05 * base));
  });

  it('the gate refuses a projection that cannot reach the forecast total, naming the LA, year and figures', () => {
    const projection = { central: [fixtureInitial()], years: [2025], totalQuantiles: [] } as unknown as ProjectionResult;
    const g = { la: 'Kent (886)', baseYear: 2025, projection, published: {}, files: ['caseload.csv'] };
    expect(() => checkProjection({ ...g, unreachable: { year: 2026, target: 20144, reached: 16771 } })).toThrow(
      /Kent \(886\): the forecast puts 20,144 plans at January 2026, .* alone come to 16,771.*newplans\.csv/,
    );
  });

  it('run follows the forecast instead of only losing plans, and says where the new plans come from', async () => {
    const dir = tempDir('hn-no-new-');
    copyFileSync(join('data-samples', 'sen2_age_caseload.csv'), join(dir, 'sen2_age_caseload.csv'));
    writeFileSync(join(dir, 's.yaml'), scenario);
    const r = await runCli('run', join(dir, 's.yaml'), '--data', dir, '--demand-only', '--draws', '0', '--json', '--out', join(tempDir('hn-no-new-out-'), 'out'));
    expect(r.code, r.stderr).toBe(0);
    const [base, , , last] = p50(r.stdout);
    expect(last! / base!).toBeGreaterThan(1.1); // the sample's plans grow about 8% a year; without new plans it fell to 0.98
    expect(r.stderr).toMatch(/No new plans for Anyshire in flow year 2021 in the data: each year's new plans are what the forecast total needs/);
    expect(r.stderr).not.toMatch(/incidence is zero/);
  });

  it.skipIf(!hasRealData)('Kent from the 2025 layout’s caseload alone: run’s totals are forecast’s (needs the real files, test/real-data.ts)', async () => {
    const dir = tempDir('hn-no-new-real-');
    // England's, the regions' and Kent's rows (realRowsOf): run and forecast each worked out every LA's past
    // forecasts of the whole release, which their agreement on Kent does not need
    realRowsOf([join(realData, 'ees-ehcp-2025-to-2022', 'data', 'caseload.csv')], ['886'], dir);
    writeFileSync(join(dir, 's.yaml'), scenario);
    const r = await runCli('run', join(dir, 's.yaml'), '--data', dir, '--la', '886', '--demand-only', '--draws', '0', '--json', '--out', join(tempDir('hn-no-new-out-'), 'out'));
    expect(r.code, r.stderr).toBe(0);
    const f = await runCli('forecast', '--ees', join(dir, 'caseload.csv'), '--la', '886', '--base-year', '2022', '--draws', '0', '--out', join(dir, 'f.csv'));
    expect(f.code, f.stderr).toBe(0);
    const forecast = readFileSync(join(dir, 'f.csv'), 'utf8').trim().split('\n').slice(1).map((l) => Number(l.split(',')[5]));
    expect(p50(r.stdout).slice(1).map(Math.round)).toEqual(forecast);
  });
});

/**
 * One model (issue "One honest model"): on published data, `run` for an LA projects the same total plans as
 * `forecast` for that LA — P50 within 1%, P10 and P90 within 3% — for LAs of every size, and a release with totals
 * only starts from the published stock. Needs the real published files (test/real-data.ts; skipped without).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIntoMemory } from '../../src/etl/load.ts';
import { datasetFromWarehouse } from '../../src/etl/dataset.ts';
import { datasetsFromWarehouse, type EesDatasets } from '../../src/etl/ees-datasets.ts';
import { forecastBatch } from '../../src/model/forecast/forecast.ts';
import { projectLa } from '../../src/model/project-la.ts';
import { cubeTotal } from '../../src/model/cube.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { runTotals, type RunTotals, type WarehouseDatasets } from '../../src/pipeline/totals.ts';
import { trackRecord } from '../../src/pipeline/track-record.ts';
import { HAVE_REAL, REAL_EES_FILES, realEesDatasets } from '../model/real-files.ts';

const BASE = 2022;
const H = 3;
const LAS = ['201', '805', '886'];

describe.skipIf(!HAVE_REAL)('run and forecast are one model on the real files (needs the real files, test/real-data.ts)', () => {
  // read once for the LAs below: forecast's datasets and forecasts, and run's warehouse (closed after the file) with
  // what runTotals reads from it (each call gets its own copy, as if it had read the warehouse itself)
  let ees: EesDatasets;
  let fc: ReturnType<typeof forecastBatch>;
  let scenario: Awaited<ReturnType<typeof loadScenario>>;
  let load: Awaited<ReturnType<typeof loadIntoMemory>> | undefined;
  let published: WarehouseDatasets;
  const totalsOf = new Map<string, RunTotals>();
  beforeAll(async () => {
    // the files end at January 2022 (= BASE): what forecast reads from them with maxCensusYear BASE is what every
    // test file reads (read once per npm test)
    ees = await realEesDatasets();
    fc = forecastBatch({ datasets: ees.datasets, national: ees.national, regions: ees.regions }, { baseYear: BASE, horizon: H, draws: 300, seed: 1, only: new Set(LAS) });
    scenario = { ...(await loadScenario('scenarios/baseline.yaml')), base_year: BASE, horizon_years: H };
    load = await loadIntoMemory(REAL_EES_FILES);
    published = await datasetsFromWarehouse(load.warehouse);
  }, 180_000);
  afterAll(() => load?.warehouse.close());

  // one test per LA, each with its own time limit: City of London (tiny), Hartlepool (small), Kent (largest)
  it.each(LAS)('gives the same totals and ranges for LA %s', async (code) => {
    const ds = await datasetFromWarehouse(load!.warehouse, { la: code });
    const totals = await runTotals(load!.warehouse, ds, BASE, H, REAL_EES_FILES, { ees: structuredClone(published) });
    totalsOf.set(code, totals);
    const run = await projectLa(ds, { ...scenario, mitigations: [], surges: [], transition_shifts: [] }, {
      draws: 300,
      seed: 1,
      baseYear: BASE,
      constraint: totals.constraint,
      ageFallbacks: totals.ageFallbacks,
    });
    expect(cubeTotal(run.projection.central[0]!), code).toBeCloseTo(ees.datasets.find((d) => d.la.oldCode === code)!.stockTotal[BASE]!, 3);
    for (let h = 1; h <= H; h++) {
      const row = fc.rows.find((r) => r.old_la_code === code && r.census_year === BASE + h)!;
      const q = run.projection.totalQuantiles[h]!;
      // the CSV rounds to whole plans: allow half a plan beside the relative tolerance
      const near = (a: number, b: number, tol: number): boolean => Math.abs(a - b) <= Math.max(tol * b, 0.5);
      expect(near(q.p50, row.ehcp_p50, 0.01), `${code} ${BASE + h} P50 ${q.p50} vs ${row.ehcp_p50}`).toBe(true);
      expect(near(q.p10, row.ehcp_p10, 0.03), `${code} ${BASE + h} P10 ${q.p10} vs ${row.ehcp_p10}`).toBe(true);
      expect(near(q.p90, row.ehcp_p90, 0.03), `${code} ${BASE + h} P90 ${q.p90} vs ${row.ehcp_p90}`).toBe(true);
    }
  }, 180_000);

  it("scores the run's track record with this same model: on Hartlepool's own history and across every LA of the data", async () => {
    // Hartlepool's totals as its run above made them (made here when that test was filtered out)
    const hartlepool = totalsOf.get('805') ?? (await runTotals(load!.warehouse, await datasetFromWarehouse(load!.warehouse, { la: '805' }), BASE, H, REAL_EES_FILES, { ees: structuredClone(published) }));
    const record = trackRecord(hartlepool);
    const model1 = (rows: typeof record.la) => rows.find((r) => r.method === 'model' && r.horizon === 1)!;
    expect(record.la.length).toBeGreaterThan(0);
    expect(model1(record.la).n).toBeGreaterThanOrEqual(3);
    expect(record.all!.las).toBeGreaterThan(140);
    const all1 = model1(record.all!.rows);
    const naive1 = record.all!.rows.filter((r) => r.method !== 'model' && r.horizon === 1);
    expect(naive1.length).toBeGreaterThan(0);
    for (const b of naive1) expect(all1.mape, b.method).toBeLessThan(b.mape);
    expect(all1.coverage80).toBeGreaterThan(0.7);
    expect(all1.coverage80).toBeLessThan(0.9);
  }, 180_000);

  it('starts from the published stock when the release has totals only (2025 layout up to January 2022)', async () => {
    const files = REAL_EES_FILES.filter((f) => f.includes('2025-to-2022'));
    const load = await loadIntoMemory(files);
    try {
      const ds = await datasetFromWarehouse(load.warehouse, { la: '886' });
      const totals = await runTotals(load.warehouse, ds, BASE, H, files);
      const scenario = { ...(await loadScenario('scenarios/baseline.yaml')), base_year: BASE, horizon_years: H };
      const run = await projectLa(ds, scenario, { draws: 0, seed: 1, baseYear: BASE, constraint: totals.constraint, ageFallbacks: totals.ageFallbacks });
      expect(cubeTotal(run.projection.central[0]!)).toBeCloseTo(17733, 3);
      const next = run.projection.totalQuantiles[1]!.p50 / 17733;
      expect(next).toBeGreaterThan(0.95);
      expect(next).toBeLessThan(1.3);
      expect(run.rates.notes.join(' ')).toMatch(/No age breakdown of Kent/);
    } finally {
      load.warehouse.close();
    }
  }, 180_000);
});

/**
 * A run whose base year has an SEN2 return but no earlier one to link it to (an LA's first return loaded beside the
 * published tables) took the aggregate route, and its starting plans were the placement mix spread over ages by
 * independent shares, not the return's own plans: the sample with its 2023 return alone started January 2023 from
 * FE 160 (the return: 275), EOTAS 204 (140), MS 918 (873), reported as that January's plans by placement, and priced
 * them (2028-29 balance -£123.3m; from the return's plans -£114.8m). The starting cube is now the return's wherever
 * one gives the base year; the rates still come from the aggregate route.
 */
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetFromWarehouse } from '../../src/etl/dataset.ts';
import { loadWithCache } from '../../src/etl/load-cache.ts';
import { runCacheDir, runCli } from '../cli/helpers.ts';
import { tempDir } from '../temp.ts';

describe('a base year with one SEN2 return', () => {
  it("starts from the return's plans by placement", async () => {
    const dir = tempDir('hn-one-return-');
    const data = join(dir, 'data');
    cpSync('data-samples', data, { recursive: true });
    for (const y of [2024, 2025]) rmSync(join(data, `sen2_${y}.xml`));
    // the folder loaded as run loads it, into the load cache the run below is given: it reads this load, not the files
    // again (about 2 s of CPU)
    const load = await loadWithCache([data], { cacheDir: runCacheDir(data) });
    expect(load.fromCache).toBe(false);
    let own: Record<string, number>;
    try {
      const ds = await datasetFromWarehouse(load.warehouse);
      expect(ds.linkedMoves).toEqual([]);
      own = ds.stockByPlacement[2023] as Record<string, number>;
    } finally {
      load.warehouse.close();
    }
    const r = await runCli('run', '--data', data, '--demand-only', '--draws', '0', '--json', '--out', join(dir, 'out'));
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { base_year: number; ehcp_by_placement: Record<string, Record<string, number>> };
    expect(doc.base_year).toBe(2023);
    const base = doc.ehcp_by_placement['2023']!;
    expect(Object.keys(own).length).toBeGreaterThan(10);
    for (const [p, n] of Object.entries(base)) expect([p, n]).toEqual([p, own[p] ?? 0]);
  });
});

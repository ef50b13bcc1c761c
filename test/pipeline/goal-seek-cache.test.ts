/**
 * goal-seek and backtest --data read their data as run does, from run's caches (run-data.ts): after a run of the
 * scenario, goal-seek reads the run's saved data step and backtest its saved load and series, nothing is loaded or
 * saved again, and each gives what it gives with --fresh.
 */
import { readFileSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backtestFromData } from '../../src/pipeline/forecast.ts';
import { goalSeekPipeline } from '../../src/pipeline/goal-seek.ts';
import { runPipeline } from '../../src/pipeline/run.ts';
import { copySampleTables } from '../cli/helpers.ts';
import { tempDir } from '../temp.ts';

const saved = (dir: string): string[] => readdirSync(dir).filter((f) => !f.startsWith('.')).sort();

describe('goal-seek and backtest --data after a run', () => {
  it('read what the run saved and give what they give with --fresh', async () => {
    // the sample's tables without its SEN2 returns: reading those three times (the run, then --fresh twice) was most
    // of the test's time and none of what it checks
    const data = join(tempDir(), 'data');
    copySampleTables(data);
    const cacheDir = tempDir();
    await runPipeline({ scenarioFiles: ['scenarios/baseline.yaml'], dataDir: data, draws: 0, seed: 1, runDate: '2026-01-02T03:04:05.000Z', cacheDir, out: tempDir() });
    const after = saved(cacheDir);
    const runData = join(cacheDir, after.find((f) => f.endsWith('.run-data'))!);
    const load = join(cacheDir, after.find((f) => f.endsWith('.json'))!);
    const hourAgo = Date.now() / 1000 - 3600;
    for (const f of [runData, load]) utimesSync(f, hourAgo, hourAgo);

    const seek = async (o: { fresh?: boolean; cacheDir: string }) => {
      const out = join(tempDir(), 'goal.yaml');
      const { scenario_file: file, ...r } = await goalSeekPipeline({ scenarioFile: 'scenarios/baseline.yaml', lever: 'new_plans', target: 'in-year-balance=-20000000@2028-29', dataDir: data, draws: 20, seed: 1, runDate: '2026-01-02T03:04:05.000Z', out, ...o });
      return { ...r, yaml: readFileSync(file, 'utf8') };
    };
    const cached = await seek({ cacheDir });
    // the run's data step read (used now), nothing saved anew
    expect(statSync(runData).mtimeMs / 1000).toBeGreaterThan(hourAgo + 3000);
    expect(saved(cacheDir)).toEqual(after);
    expect(cached).toEqual(await seek({ cacheDir: tempDir(), fresh: true }));

    const scores = await backtestFromData({ dir: data, horizon: 3, cacheDir });
    // the run's load read, its series too: nothing saved anew
    expect(statSync(load).mtimeMs / 1000).toBeGreaterThan(hourAgo + 3000);
    expect(saved(cacheDir)).toEqual(after);
    expect(scores).toEqual(await backtestFromData({ dir: data, horizon: 3, cacheDir: tempDir(), fresh: true }));
  });
});

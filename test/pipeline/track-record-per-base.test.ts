/**
 * Each scenario's track record (Backtest sheet, the report's accuracy chapter, the note on years never scored) is the
 * one of the forecast from its own base year. A run of scenarios of different base years scored the first scenario's
 * base year only and gave that to every one: on both real releases with money tables, Hartlepool's base-2022 scenario
 * run after a base-2021 one read 1-year MAPE 4.9% and the all-LA coverage 0.787 of the 2021 forecast, where the same
 * scenario alone reads 4.8% and 0.865. The sample shows it too: the base-2023 scenario beside baseline (2025).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/helpers.ts';
import { tempDir } from '../temp.ts';

describe('the track record of scenarios of different base years in one run', () => {
  const dir = tempDir('hn-track-');
  const early = join(dir, 'early.yaml');
  writeFileSync(early, `extends: ${resolve('scenarios/baseline.yaml')}\nid: early\nname: From 2023\nbase_year: 2023\nhorizon_years: 3\n`);
  const scores = (out: string, id?: string) => readFileSync(join(out, ...(id ? [id] : []), 'csv', 'backtest_scores.csv'), 'utf8');

  it("is each one's own, as when it runs alone, in either order", async () => {
    const run = async (out: string, ...files: string[]) => {
      const r = await runCli('run', ...files, '--draws', '0', '--csv', '--out', join(dir, out), '--quiet');
      expect(r.code).toBe(0);
    };
    await run('alone-early', early);
    await run('alone-base', 'scenarios/baseline.yaml');
    await run('early-first', early, 'scenarios/baseline.yaml');
    await run('base-first', 'scenarios/baseline.yaml', early);
    const alone = { early: scores(join(dir, 'alone-early')), baseline: scores(join(dir, 'alone-base')) };
    // the two base years have two track records (so the test can tell one from the other)
    expect(alone.early).not.toBe(alone.baseline);
    for (const out of ['early-first', 'base-first']) {
      expect(scores(join(dir, out), 'early')).toBe(alone.early);
      expect(scores(join(dir, out), 'baseline')).toBe(alone.baseline);
    }
  });
});

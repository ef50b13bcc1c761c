/**
 * Each scenario's track record (Backtest sheet, the report's accuracy chapter, the note on years never scored) is the
 * one of the forecast from its own base year. A run of scenarios of different base years scored the first scenario's
 * base year only and gave that to every one: on both real releases with money tables, Hartlepool's base-2022 scenario
 * run after a base-2021 one read 1-year MAPE 4.9% and the all-LA coverage 0.787 of the 2021 forecast, where the same
 * scenario alone reads 4.8% and 0.865. The sample shows it too: the base-2023 scenario beside baseline (2025).
 * Likewise a scenario's Data quality sheet carried the other base year's forecast notes ("new plans in 2010 published
 * as 18 … the model reads 61" in Hartlepool's base-2021 run beside base 2022, not in it alone), and its Assumptions
 * sheet and its explorer page's data the calibrated sd of the longest horizon in the run (six years for a four-year
 * scenario).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/helpers.ts';
import { tempDir } from '../temp.ts';

describe('scenarios of different base years and horizons in one run', () => {
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

  it('gives each scenario every table it has alone: notes and ranges of its own base year and horizon only', async () => {
    // run by the test above: each alone, and together in both orders
    const csvs = (out: string) => readdirSync(join(out, 'csv')).sort();
    // the run date is the one thing that differs between two runs
    const read = (out: string, f: string) => readFileSync(join(out, 'csv', f), 'utf8').replace(/^Run date,.*$/m, '');
    for (const [id, alone] of [['early', 'alone-early'], ['baseline', 'alone-base']] as const) {
      for (const together of ['early-first', 'base-first']) {
        const out = join(dir, together, id);
        expect(csvs(out)).toEqual(csvs(join(dir, alone)));
        for (const f of csvs(out)) expect([f, read(out, f)]).toEqual([f, read(join(dir, alone), f)]);
        // the recovery-plan report and the explorer page (its data: the ranges by year ahead, not the run's longest)
        const page = (d: string, f: string) => readFileSync(join(d, f), 'utf8').replace(/"runDate":"[^"]*"/, '');
        for (const f of [`recovery-plan-${id}.html`, `explorer-${id}.html`]) expect(page(out, f) === page(join(dir, alone), f), f).toBe(true);
      }
    }
  });
});

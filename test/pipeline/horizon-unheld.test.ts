/**
 * A horizon nothing holds: the model's trend is undamped and its ranges are scored against outcomes only a few years
 * ahead, so past 10 years only the LA's people aged 0–25 (the prevalence gate) keep plans within reason. Without them a trend
 * compounded for 30 years passed with exit 0: `forecast --horizon 30` gave Kent from January 2021 a P50 of 489,513 and
 * a P90 of 1,008,542 plans in 2051 (its people aged 0–25: 483,824), and `run` on a folder without population files did
 * the same. `forecast --horizon` now stops at 10 (usage error), and `run`/`goal-seek` refuse a longer horizon when the
 * data have no population for the LA, before projecting.
 */
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HORIZON_UNHELD_MAX } from '../../src/pipeline/plausible.ts';
import { copySampleTables, runCli } from '../cli/helpers.ts';
import { tempDir } from '../temp.ts';

let withoutPopulation: string | undefined;

/**
 * The sample's data folder without its population files (ONS mid-year estimates and the projection), one copy for
 * the tests that read it, made on first use: run's load cache is kept per temporary data folder (test/cli/helpers.ts),
 * so a copy of each test's own was loaded afresh. Never edited.
 */
function sampleWithoutPopulation(): string {
  if (withoutPopulation !== undefined && existsSync(withoutPopulation)) return withoutPopulation;
  const data = join(tempDir('hn-horizon-data-'), 'data');
  copySampleTables(data);
  for (const f of readdirSync(data).filter((n) => /^(ons_mye|snpp)/.test(n))) rmSync(join(data, f));
  return (withoutPopulation = data);
}

describe('a horizon past 10 years, with nothing to hold it', () => {
  it('forecast --horizon stops at 10 with the reason; 10 itself is accepted', async () => {
    expect(HORIZON_UNHELD_MAX).toBe(10);
    const dir = tempDir('hn-horizon-fc-');
    const out = join(dir, 'f.csv');
    const r = await runCli('forecast', '--ees', 'data-samples/sen2_age_caseload.csv', '--la', '999', '--base-year', '2022', '--horizon', '11', '--draws', '0', '--out', out);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/--horizon must be a whole number from 1 to 10: the model's trend is carried on undamped and its ranges are scored against outcomes only a few years ahead, and `forecast` reads no population/);
    expect(existsSync(out)).toBe(false);
    const ok = await runCli('forecast', '--ees', 'data-samples/sen2_age_caseload.csv', '--la', '999', '--base-year', '2022', '--horizon', '10', '--draws', '0', '--quiet', '--out', out);
    expect(ok.code, ok.stderr).toBe(0);
  });

  it('run without population: horizon_years 11 is refused naming the scenario and what to do; 10 runs', async () => {
    const dir = tempDir('hn-horizon-run-');
    const data = sampleWithoutPopulation();
    const file = join(dir, 'long.yaml');
    writeFileSync(file, 'id: long\nname: Long\nhorizon_years: 11\n');
    const r = await runCli('run', file, '--data', data, '--demand-only', '--draws', '0', '--out', join(dir, 'out'));
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('Anyshire (999): ');
    expect(r.stderr).toMatch(/long\.yaml asks for horizon_years: 11, but the data have no population for the LA.*Set horizon_years to 10 or less, or add the LA's population/s);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    writeFileSync(file, 'id: long\nname: Long\nhorizon_years: 10\n');
    const ok = await runCli('run', file, '--data', data, '--demand-only', '--draws', '0', '--quiet', '--out', join(dir, 'out'));
    expect(ok.code, ok.stderr).toBe(0);
  });

  it('goal-seek refuses it too, and run with the population goes past 10', async () => {
    const dir = tempDir('hn-horizon-goal-');
    const data = sampleWithoutPopulation();
    const file = join(dir, 'long.yaml');
    writeFileSync(file, 'id: long\nname: Long\nhorizon_years: 12\n');
    const r = await runCli('goal-seek', file, '--data', data, '--lever', 'new_plans', '--target', 'in-year-balance=0@2030-31', '--draws', '0', '--out', join(dir, 'goal.yaml'));
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('asks for horizon_years: 12, but the data have no population for the LA');
    expect(existsSync(join(dir, 'goal.yaml'))).toBe(false);
    const held = await runCli('run', file, '--demand-only', '--draws', '0', '--quiet', '--out', join(dir, 'out'));
    expect(held.code, held.stderr).toBe(0);
  });
});

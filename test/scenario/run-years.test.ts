/**
 * Scenario entries dated outside the years a run projects: a lever starting after the horizon, a surge long over
 * before the base year, new places opening after the last census. Each ran without a word, its "mitigated" figures
 * those of the scenario without it; a run now stops (exit 1) naming the file, the key path and the years.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { existsSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { loadScenario } from '../../src/scenario/load.ts';
import { HighneedsError } from '../../src/errors.ts';
import { ScenarioSchema, type Scenario } from '../../src/scenario/schema.ts';
import { checkScenarioYears, neverActing } from '../../src/scenario/run-years.ts';
import { runCli } from '../cli/helpers.ts';
import { withTempDir } from '../temp.ts';

const scenario = (input: object): Scenario => ({ ...ScenarioSchema.parse(input), id: 't', name: 'T', file: 'scenarios/t.yaml', sha256: '' });
const lever = (start_year: number) => ({ name: 'Early help', kind: 'fewer_requests', effect: 0.1, start_year });

describe('scenario entries that never act in the run', () => {
  it('a lever or transition shift acts from its start_year up to the last year the run changes (base + horizon − 1)', () => {
    // base 2025, 3 years: censuses 2026-2028, changed by the years beginning 2025-2027
    expect(neverActing(scenario({ horizon_years: 3, mitigations: [lever(2027)] }), 2025)).toEqual([]);
    expect(neverActing(scenario({ horizon_years: 3, mitigations: [lever(2015)] }), 2025)).toEqual([]); // in force throughout
    const late = neverActing(scenario({ horizon_years: 3, mitigations: [lever(2027), lever(2028)].map((m, i) => ({ ...m, name: `L${i}` })) }), 2025);
    expect(late.map((p) => p.path)).toEqual(['mitigations[1]']);
    expect(late[0]!.message).toMatch(/^scenarios\/t\.yaml: at 'mitigations\[1\]': the lever 'L1' would never act in this run: start_year 2028 is after the last year the run changes \(2027\)/);
    expect(late[0]!.message).toMatch(/raise horizon_years to at least 4/);
    const shift = neverActing(scenario({ horizon_years: 3, transition_shifts: [{ transition: 'Y6-Y7', from: 'MS', to: 'SSM', share: 0.1, start_year: 2040 }] }), 2025);
    expect(shift.map((p) => p.path)).toEqual(['transition_shifts[0]']);
  });

  it('a surge after the run, or spent before it; one under way or fading in the run acts', () => {
    const surge = (start_year: number, peak_year: number, half_life_years = 2) => ({ name: 'S', peak_uplift: 0.3, start_year, peak_year, half_life_years });
    expect(neverActing(scenario({ horizon_years: 10, surges: [surge(2023, 2026, 3)] }), 2025)).toEqual([]);
    // peaked 2020, half-life 2: at 2024 a quarter of its peak, fading through the run (the data's uplift divided out)
    expect(neverActing(scenario({ horizon_years: 10, surges: [surge(2019, 2020)] }), 2025)).toEqual([]);
    expect(neverActing(scenario({ horizon_years: 10, surges: [surge(2036, 2037)] }), 2025).map((p) => p.path)).toEqual(['surges[0]']);
    // peaked 2010, half-life 1: below 1% of its peak from 2017
    const spent = neverActing(scenario({ horizon_years: 10, surges: [surge(2008, 2010, 1)] }), 2025);
    expect(spent[0]!.message).toMatch(/at 'surges\[0\]'.*peaks in 2010.*below 1% of its peak from 2024 on/);
  });

  it('new places act from their January census up to the last one the run projects', () => {
    const places = (year: number) => ({ capacity: { changes: [{ placement: 'SSA', year, places: 120 }] } });
    expect(neverActing(scenario({ horizon_years: 3, ...places(2028) }), 2025)).toEqual([]);
    expect(neverActing(scenario({ horizon_years: 3, ...places(2020) }), 2025)).toEqual([]); // open from the start
    const p = neverActing(scenario({ horizon_years: 3, ...places(2029) }), 2025);
    expect(p[0]!.message).toMatch(/at 'capacity\.changes\[0\]': the 120 SSA places would never act.*January 2029 census, after the last census the run projects \(2028\)/);
  });

  it('throws one input error listing them all', () => {
    const e = (() => {
      try {
        checkScenarioYears(scenario({ horizon_years: 2, mitigations: [lever(2030)], capacity: { changes: [{ placement: 'SSA', year: 2031, places: 10 }] } }), 2025);
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeInstanceOf(HighneedsError);
    expect((e as HighneedsError).exitCode).toBe(1);
    expect((e as HighneedsError).problems.map((p) => p.path)).toEqual(['mitigations[0]', 'capacity.changes[0]']);
  });

  it('run on the sample stops with exit 1 and writes nothing; the shipped scenarios all act', async () => {
    await withTempDir(async (d) => {
      const f = join(d, 'late.yaml');
      await writeFile(f, `extends: ${join(process.cwd(), 'scenarios', 'mitigated.yaml')}\nhorizon_years: 1\n`);
      const out = join(d, 'out');
      const r = await runCli('run', f, '--out', out, '--draws', '0');
      expect(r.code, r.stderr).toBe(1);
      // base 2025, one year: the levers starting 2026 and 2027 never act
      expect(r.stderr).toMatch(/late\.yaml: at 'mitigations\[0\]': the lever '.+' would never act in this run: start_year 2026 is after the last year the run changes \(2025\)/);
      expect(existsSync(out)).toBe(false);
    });
    // the sample's base year is January 2025
    for (const f of readdirSync('scenarios').filter((x) => x.endsWith('.yaml'))) expect(neverActing(await loadScenario(join('scenarios', f)), 2025), f).toEqual([]);
  });
});

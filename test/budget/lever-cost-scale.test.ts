/**
 * A recovery plan's lever costing a large part of the LA's whole High Needs spend: the shipped mitigated.yaml gives
 * every LA the same pounds (£100,000–£400,000 a lever), 0.2%–0.6% of the sample LA's spend, but run on City of London
 * (real 2022 release, money tables of its size: spend £608,037 in 2026-27 without the plan) its first lever cost 74% of
 * it, and the mitigated figures carried those costs with no word. A lever whose delivery cost passes 10% of the spend
 * without the plan in some year is now named on stderr and the Data quality sheet; priced as written.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEVER_COST_SHARE_NOTED, leversOutOfScale } from '../../src/budget/mitigations.ts';
import { runCli, sampleTables } from '../cli/helpers.ts';
import { tempDir } from '../temp.ts';

const row = (name: string, fy: number, deliveryCost: number) => ({ name, fy, plansAvoided: 0, spendAvoided: 0, deliveryCost, netSaving: -deliveryCost });

describe('a lever costing a large part of the LA’s High Needs spend', () => {
  it('leversOutOfScale: each lever over 10% of the spend without the plan, at its year of largest share', () => {
    expect(LEVER_COST_SHARE_NOTED).toBe(0.1);
    const spend = [{ fy: 2026, expenditure: 1_000_000 }, { fy: 2027, expenditure: 800_000 }];
    const rows = [row('Early help', 2026, 400_000), row('Early help', 2027, 400_000), row('Shift', 2026, 100_000), row('Shift', 2027, 80_000), row('Other', 2027, 80_001)];
    expect(leversOutOfScale(rows, spend)).toEqual([{ name: 'Early help', fy: 2027, cost: 400_000, spend: 800_000 }, { name: 'Other', fy: 2027, cost: 80_001, spend: 800_000 }]);
    // no spend, no cost: nothing
    expect(leversOutOfScale([row('Early help', 2028, 400_000)], spend)).toEqual([]);
  });

  it('run: a lever of the shipped recovery plan costing £40m a year on the sample is named; the plan as shipped says nothing', async () => {
    const dir = tempDir('hn-lever-scale-');
    const scenario = join(dir, 'costly.yaml');
    writeFileSync(
      scenario,
      `extends: ${resolve('scenarios/mitigated.yaml')}\nid: costly\nname: Costly\nhorizon_years: 5\nmitigations:\n  - name: Early help\n    kind: fewer_requests\n    effect: 0.1\n    start_year: 2026\n    ramp_years: 2\n    delivery: 0.8\n    cost_gbp_per_year: 40000000\n`,
    );
    const r = await runCli('run', scenario, '--data', sampleTables(), '--draws', '0', '--out', join(dir, 'out'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Mitigations: the delivery cost of the lever 'Early help' £[\d,]+ in 20\d\d-\d\d, \d+% of the £[\d,]+ of High Needs spend that year without the plan, over 10%/);
    const shipped = await runCli('run', 'mitigated', '--data', sampleTables(), '--draws', '0', '--out', join(dir, 'out2'));
    expect(shipped.code, shipped.stderr).toBe(0);
    expect(shipped.stderr).not.toMatch(/delivery cost of the lever/);
  });
});

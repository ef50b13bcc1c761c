/**
 * run's money gate (pipeline/gates.ts checkBudget): a budget whose figures cannot be believed stops the run (exit 1,
 * the LA, the financial year, what to check) before anything is written. A scenario inflating unit costs by 1,000% a
 * year gave balances of hundreds of billions of pounds with exit 0. goal-seek applies the same gate before it seeks.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkBudget, MONEY_MAX } from '../../src/pipeline/gates.ts';
import type { BudgetResult } from '../../src/budget/types.ts';
import { runCli } from '../cli/helpers.ts';
import { tempDir } from '../temp.ts';

const q = (v: number) => ({ p10: v, p50: v, p90: v });
function budget(expenditure: number[], inYear: number[], cumulative: number[]): BudgetResult {
  return { financialYears: expenditure.map((_, i) => 2025 + i), expenditureQuantiles: expenditure.map(q), inYearQuantiles: inYear.map(q), cumulativeQuantiles: cumulative.map(q) } as BudgetResult;
}

describe('the money gate of run', () => {
  it('passes a plausible budget and stops one with a figure not a number, beyond ±£1 trillion or a negative spend, the figure to the pound', () => {
    expect(() => checkBudget('Anyshire (999)', budget([7e7, 8e7], [-1e7, -2e7], [-3e7, -5e7]))).not.toThrow();
    expect(() => checkBudget('Anyshire (999)', budget([7e7, NaN], [-1e7, -2e7], [-3e7, -5e7]))).toThrow(/Anyshire \(999\): the expenditure of 2026-27 comes to NaN, so no outputs were written/);
    expect(() => checkBudget('Anyshire (999)', budget([7e7, 8e7], [-1e7, -2e7], [-3e7, -MONEY_MAX * 2]))).toThrow(/cumulative balance at 31 March of 2026-27 comes to -£2,000,000,000,000, beyond £1,000,000,000,000 either way, so/);
    expect(() => checkBudget('Anyshire (999)', budget([-5, 8e7], [-1e7, -2e7], [-3e7, -5e7]))).toThrow(/the expenditure of 2025-26 comes to -£5, so no outputs/);
  });

  it('stops a run whose scenario inflates costs by 1,000% a year, writing nothing', async () => {
    const dir = tempDir('hn-money-gate-');
    const file = join(dir, 'inflated.yaml');
    writeFileSync(file, readFileSync('scenarios/baseline.yaml', 'utf8').replace(/^id: baseline$/m, 'id: inflated').replace(/^ {2}inflation: 0\.03$/m, '  inflation: 10'));
    const out = join(dir, 'out');
    const r = await runCli('run', file, '--draws', '0', '--out', out);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/Anyshire \(999\): the expenditure of \d{4}-\d{2} comes to £\d{1,3}(,\d{3}){4,}, beyond £1,000,000,000,000 either way, so no outputs were written/);
    expect(existsSync(out)).toBe(false);
  });

  it('stops goal-seek on the same scenario, writing no scenario file', async () => {
    // goal-seek checked only the worked-back opening balance: on this scenario it sought its target on in-year
    // balances of -£90.7bn, answering 'the lever reaches -£90,713,621,912 at effect 0', and a reachable target of that
    // order would have written a scenario that run then refuses
    const dir = tempDir('hn-money-gate-goal-');
    const file = join(dir, 'inflated.yaml');
    writeFileSync(file, `extends: ${join(process.cwd(), 'scenarios', 'mitigated.yaml')}\nid: inflated\nname: Inflated\ncosts:\n  inflation: 10\n`);
    const goal = join(dir, 'goal.yaml');
    const r = await runCli('goal-seek', file, '--lever', 'new_plans', '--target', 'in-year-balance=-80000000000@2028-29', '--draws', '0', '--out', goal);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/Anyshire \(999\): the expenditure of \d{4}-\d{2} comes to £\d{1,3}(,\d{3}){4,}, beyond £1,000,000,000,000 either way, so no outputs were written/);
    expect(existsSync(goal)).toBe(false);
  });
});

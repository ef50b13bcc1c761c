import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { PLACEMENTS } from '../../src/domain/index.ts';
import { runCli } from './helpers.ts';
import { tempDir } from '../temp.ts';
import { expectMoneyIdentities, type MoneyDoc } from '../budget/money-identities.ts';

const KEYS = [
  'tool', 'version', 'scenario', 'la', 'base_year', 'draws', 'seed', 'ehcp_total', 'ehcp_by_placement', 'expenditure_gbp',
  'expenditure_by_line_gbp', 'income_gbp', 'in_year_balance_gbp', 'cumulative_balance_gbp', 'outputs',
];

describe('highneeds run (the cli.md contract)', () => {
  it('run --draws 0 --json prints the whole document, deterministic, placements summing to the total', async () => {
    const out = join(tempDir('hn-run-'), 'baseline');
    const r = await runCli('run', '--draws', '0', '--json', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a parsed JSON document
    for (const k of KEYS) expect(doc).toHaveProperty(k);
    expect(doc.scenario).toMatchObject({ id: 'baseline', name: 'Baseline', file: 'scenarios/baseline.yaml' });
    expect(doc.scenario.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.la).toEqual({ old_la_code: '999', new_la_code: 'E99999999', name: 'Anyshire' });
    expect(doc.draws).toBe(0);
    const years = Object.keys(doc.ehcp_total);
    expect(years.length).toBeGreaterThanOrEqual(6);
    expect(years[0]).toBe(String(doc.base_year));
    for (const y of years) {
      const q = doc.ehcp_total[y];
      expect(q.p10).toBe(q.p50);
      expect(q.p90).toBe(q.p50);
      const byP = doc.ehcp_by_placement[y] as Record<string, number>;
      expect(Object.keys(byP).sort()).toEqual([...PLACEMENTS].sort());
      const sum = Object.values(byP).reduce((a, b) => a + b, 0);
      expect(sum).toBeCloseTo(q.p50, 6);
    }
    const fys = Object.keys(doc.expenditure_gbp);
    expect(fys[0]).toBe(`${doc.base_year}-${String((doc.base_year + 1) % 100).padStart(2, '0')}`);
    for (const fy of fys) {
      const lines = doc.expenditure_by_line_gbp[fy] as Record<string, number>;
      expect(Object.keys(lines)).toEqual(expect.arrayContaining(['place_funding', 'other_spend', ...PLACEMENTS]));
      const total = Object.values(lines).reduce((a, b) => a + b, 0);
      expect(total).toBeCloseTo(doc.expenditure_gbp[fy].p50, 2);
      expect(doc.in_year_balance_gbp[fy].p50).toBeCloseTo(doc.income_gbp[fy] - doc.expenditure_gbp[fy].p50, 2);
    }
    // money to the penny, and the same identities exact in pennies, with the balance chain from the opening balance
    expectMoneyIdentities(doc as MoneyDoc);
    expect(existsSync(doc.outputs.workbook)).toBe(true);
    expect(doc.outputs.charts.length).toBeGreaterThanOrEqual(8);
    expect(existsSync(doc.outputs.report)).toBe(true);

    // the workbook, read back: the 14 sheets of outputs.md, with Places and plans and After March 2028 (the sample
    // has places) beside Costs and Funding; the Summary and Plans by placement hold the run's numbers as numbers
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(doc.outputs.workbook);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Summary', 'Assumptions', 'Plans by age', 'Plans by need', 'Plans by placement', 'Transitions', 'Flows', 'Costs',
      'Places and plans', 'Funding and balance', 'After March 2028', 'Mitigations', 'Uncertainty', 'Backtest', 'Data quality',
      'DSG management plan',
    ]);
    const placement = wb.getWorksheet('Plans by placement')!;
    const numbers: number[] = [];
    placement.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'number' && numbers.push(c.value))));
    expect(numbers).toContain(Math.round(doc.ehcp_total[years[0]!].p50));
  });

  it('exits 1 with a located message for a broken scenario, and writes nothing', async () => {
    const out = join(tempDir('hn-run-'), 'broken');
    const r = await runCli('run', 'test/fixtures/scenarios/typo_broken.yaml', '--draws', '0', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/typo_broken\.yaml: unknown key 'horizon_yeras' \(did you mean 'horizon_years'\?\)/);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 for a bad flag value', async () => {
    const r = await runCli('run', '--draws', 'many');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--draws must be a whole number/);
  });
});

/**
 * Money tables and `--demand-only` (cli.md): a run asked for a budget on the empty tables `init` writes stops with
 * exit 1 before anything is written, naming each table to fill and `--demand-only`; with `--demand-only` the run
 * writes plans without money anywhere (JSON keys, workbook sheets and formats, charts, report), and sections the
 * published totals cannot support (moves at transitions) say what data would support them instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { copySampleTables, runCli } from '../cli/helpers.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- parsed JSON documents */
const MONEY_KEYS = ['expenditure_gbp', 'expenditure_by_line_gbp', 'income_gbp', 'in_year_balance_gbp', 'cumulative_balance_gbp', 'opening_balance_gbp', 'balance_at_31_march_2028_gbp'];

let dir = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hn-demand-'));
  const r = await runCli('init', join(dir, 'la'));
  expect(r.code, r.stderr).toBe(0);
  // published totals only (no person-level returns): the starter's empty money tables stay as init wrote them
  for (const f of ['sen2_age_caseload.csv', 'sen2_estab_caseload.csv']) copyFileSync(join('data-samples', f), join(dir, 'la', 'data', f));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('money tables and --demand-only', () => {
  it('a budget on empty money tables exits 1 before writing, naming each table and --demand-only', async () => {
    const out = join(dir, 'out-refused');
    const r = await runCli('run', join(dir, 'la', 'scenarios', 'baseline.yaml'), '--data', join(dir, 'la', 'data'), '--draws', '0', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unit_costs.csv');
    expect(r.stderr).toContain('funding.csv');
    expect(r.stderr).toContain(join(dir, 'la', 'data'));
    expect(r.stderr).toContain('--demand-only');
    expect(r.stderr).not.toMatch(/£0 deficit|done/);
    expect(existsSync(out)).toBe(false);
  });

  it('a money table no reader recognised (a column misspelt) is named with why, not called missing', async () => {
    const data = join(dir, 'misspelt');
    copySampleTables(data);
    const costs = readFileSync(join(data, 'unit_costs.csv'), 'utf8');
    writeFileSync(join(data, 'unit_costs.csv'), costs.replace('price_year', 'priceyear'));
    writeFileSync(join(data, 'notes.csv'), 'what,when\nchecked,today\n');
    const out = join(dir, 'out-misspelt');
    const r = await runCli('run', '--data', data, '--draws', '0', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(data, 'unit_costs.csv')} was not read: unknown layout`);
    expect(r.stderr).toMatch(/closest known layout: unit-costs \(missing 'price_year'\)/);
    expect(r.stderr).not.toMatch(/unit_costs\.csv is missing/);
    expect(r.stderr).toContain(`Files in ${data} that no reader recognised`);
    expect(r.stderr).toContain(`${join(data, 'notes.csv')}: `);
    expect(existsSync(out)).toBe(false);
  });

  it('--demand-only writes plans without money anywhere', async () => {
    const out = join(dir, 'out-demand');
    const r = await runCli('run', join(dir, 'la', 'scenarios', 'baseline.yaml'), '--data', join(dir, 'la', 'data'), '--draws', '0', '--demand-only', '--json', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, any>;
    for (const k of MONEY_KEYS) expect(doc).not.toHaveProperty(k);
    expect(Object.keys(doc.ehcp_total).length).toBeGreaterThan(1);
    expect(doc.outputs.charts.join(' ')).not.toMatch(/balance|expenditure|tornado|waterfall|sankey/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(doc.outputs.workbook);
    const names = wb.worksheets.map((w) => w.name);
    for (const money of ['Costs', 'Funding and balance', 'Mitigations']) expect(names).not.toContain(money);
    expect(names).toEqual(expect.arrayContaining(['Summary', 'Plans by placement', 'Transitions', 'Uncertainty', 'DSG management plan']));
    const moneyCells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void ((c.numFmt ?? '').includes('£') && moneyCells.push(`${ws.name}!${c.address}`)))));
    expect(moneyCells).toEqual([]);

    const html = readFileSync(doc.outputs.report, 'utf8').replace(/src="data:[^"]*"/g, '');
    expect(html).not.toContain('£');
    expect(html).toContain('--demand-only');
    // published totals have no moves between settings: the report says what would show them, and draws no Sankey
    expect(html).toContain('person-level SEN2 returns');
    expect(html).not.toContain('fig-sankey-y6-y7');
  });
});

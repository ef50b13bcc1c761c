/**
 * A figure that stands in for a missing one in the budget changes what the figures mean: a run says so on stderr, as
 * cli.md asks of every such warning, not only on the workbook's Data quality sheet. A missing places, other-spend or
 * opening balance table is refused (exit 1): at £0 they left place funding and non-plan spend out of every year, and
 * started every cumulative balance from £0. Plans in a placement without a unit cost are refused (exit 1): at £0 they were left out of
 * every spend total.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copySampleTables, runCli } from './helpers.ts';
import { withTempDir } from '../temp.ts';
import ExcelJS from 'exceljs';

describe('budget fallbacks', () => {
  it('no places, no other spend: exit 1 naming both tables, nothing written (they were £0 with a note)', async () => {
    await withTempDir(async (d) => {
      const data = join(d, 'data');
      copySampleTables(data);
      rmSync(join(data, 'places.csv'));
      writeFileSync(join(data, 'other_spend.csv'), 'line,financial_year,amount_gbp\n');
      const out = join(d, 'out');
      const r = await runCli('run', '--data', data, '--out', out, '--draws', '0', '--json');
      // before: exit 0, £0 place funding and £0 other spend, the sample's 31 March 2028 deficit about half its tables'
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain(`${data}/places.csv is missing`);
      expect(r.stderr).toContain(`${join(data, 'other_spend.csv')} has no rows`);
      expect(existsSync(out)).toBe(false);
    });
  });

  it('no opening balance: exit 1 naming the table, nothing written (it ran from a balance of £0, short by the deficit to date)', async () => {
    await withTempDir(async (d) => {
      const data = join(d, 'data');
      copySampleTables(data);
      // header only: the table is there and empty
      writeFileSync(join(data, 'opening_balance.csv'), 'financial_year,dsg_cumulative_balance_gbp\n');
      const out = join(d, 'out');
      const r = await runCli('run', '--data', data, '--out', out, '--draws', '0', '--json');
      // before: exit 0, the cumulative balance started from £0 and the 31 March 2028 deficit was short by the sample's £18.4m
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain(`${join(data, 'opening_balance.csv')} has no rows`);
      expect(JSON.parse(r.stdout).error).toMatchObject({ exit: 1 });
      expect(existsSync(out)).toBe(false);
      rmSync(join(data, 'opening_balance.csv'));
      const g = await runCli('goal-seek', 'scenarios/baseline.yaml', '--data', data, '--lever', 'new_plans', '--target', 'cumulative-balance=-20000000@2027-28', '--draws', '0', '--out', join(d, 'g.yaml'));
      expect(g.code, g.stderr).toBe(1);
      expect(g.stderr).toContain(`${data}/opening_balance.csv is missing`);
      // goal-seek has no --demand-only: its refusal offered it ('unknown option' when typed)
      expect(g.stderr).toContain('run goal-seek again');
      expect(g.stderr).not.toContain('or run with --demand-only');
    });
  });

  it('plans in a placement with no unit-cost row: exit 1 naming the table, the placement, the year and the row to add; nothing written', async () => {
    await withTempDir(async (d) => {
      const data = join(d, 'data');
      copySampleTables(data);
      const costs = readFileSync(join(data, 'unit_costs.csv'), 'utf8');
      // before: exit 0, ISS's 127 plans (January 2022) costed at £0 and every year's spend short by their fees, with a warning
      // (365 in 2032 since the sample, one LA, pools with the whole 2022 release's spreads between LAs (docs/model.md "Batch statistics"); 357 with its own)
      writeFileSync(join(data, 'unit_costs.csv'), costs.split('\n').filter((l) => !l.startsWith('ISS,')).join('\n'));
      const out = join(d, 'out');
      const r = await runCli('run', '--data', data, '--out', out, '--draws', '0', '--json');
      expect(r.code, r.stderr).toBe(1);
      // with --json, the refusal is the one document on stdout, in stderr's words (cli.md, "When a command fails")
      expect(JSON.parse(r.stdout).error).toMatchObject({ exit: 1, message: expect.stringContaining(`the unit-cost table (${join(data, 'unit_costs.csv')}) has no unit cost`) });
      expect(r.stderr).toContain(`the unit-cost table (${join(data, 'unit_costs.csv')}) has no unit cost for plans the run holds in a placement`);
      expect(r.stderr).toMatch(/- ISS \(Independent special school\): no row at all; 127 plans in January 2022, up to 365 plans in January 2032\./);
      expect(r.stderr).toMatch(/Add a row for each to the unit-cost table/);
      expect(existsSync(out)).toBe(false);
    });
  });

  it('plans in a phase and need no unit-cost row prices are refused too, naming them', async () => {
    await withTempDir(async (d) => {
      const data = join(d, 'data');
      copySampleTables(data);
      const costs = readFileSync(join(data, 'unit_costs.csv'), 'utf8');
      // SSA priced for its secondary pupils (and post-16 ASD) only: its other plans were costed at £0
      writeFileSync(join(data, 'unit_costs.csv'), costs.replace(/^SSA,,,/m, 'SSA,SECONDARY,,'));
      const r = await runCli('run', '--data', data, '--out', join(d, 'out'), '--draws', '0');
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/- SSA \(Special academy or free school\): no row for (EARLY_YEARS \(any need\); )?PRIMARY \(any need\); POST16 [A-Z, ]+; \d+ plans in January 2022/);
      expect(r.stderr).not.toMatch(/POST16 [A-Z, ]*ASD/);
    });
  });

  it('goal-seek refuses plans with no unit cost as run does', async () => {
    await withTempDir(async (d) => {
      const data = join(d, 'data');
      copySampleTables(data);
      const costs = readFileSync(join(data, 'unit_costs.csv'), 'utf8');
      writeFileSync(join(data, 'unit_costs.csv'), costs.split('\n').filter((l) => !l.startsWith('NMSS,')).join('\n'));
      const r = await runCli('goal-seek', 'scenarios/baseline.yaml', '--data', data, '--lever', 'new_plans', '--target', 'in-year-balance=-20000000@2028-29', '--draws', '0', '--out', join(d, 'goal.yaml'));
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/- NMSS \(Non-maintained special school\): no row at all; 19 plans in January 2022/);
      expect(existsSync(join(d, 'goal.yaml'))).toBe(false);
    });
  });

  it('an outturn line that scales unit costs by a factor outside 0.5-2 is named on stderr, not only in the workbook', async () => {
    await withTempDir(async (d) => {
      const data = join(d, 'data');
      // the whole sample, returns too: the outturn is compared in the run's base year only, 2025-26 from the returns'
      // January 2025 (the published tables alone end at January 2022)
      cpSync('data-samples', data, { recursive: true });
      // the independent top-ups (£16.5m) given as three times that: ISS, NMSS, IMS and SPI would cost 3 times more
      const outturn = readFileSync(join(data, 'section_251_outturn.csv'), 'utf8');
      expect(outturn).toMatch(/^top_up_independent,2025-26,\d{8}$/m);
      writeFileSync(join(data, 'section_251_outturn.csv'), outturn.replace(/^top_up_independent,2025-26,(\d{8})$/m, (_l, n: string) => `top_up_independent,2025-26,${Number(n) * 3}`));
      const r = await runCli('run', '--data', data, '--out', join(d, 'out'), '--draws', '0', '--json');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/Section 251 outturn: 'Top-up and other funding: non-maintained and independent providers' scales unit costs by \d+\.\d\d; the unit costs or the outturn line may be wrong/);
    });
  });

  it.each([
    ['in £ thousands', (n: number) => Math.round(n / 1000), /about a thousandth of the modelled figure: the outturn is most likely in £ thousands; write it in pounds/],
    // (three zeros too many take the balance past £1 trillion: the budget's own gate names that first)
    ['twenty times the top-ups', (n: number) => n * 20, /\(×20\)\. Scaling unit costs by a factor outside ×0\.1–×10 would change every figure of the run by it\. Check the outturn table/],
  ])('an outturn %s stops the run (exit 1, nothing written), naming the lines and their factors', async (_what, change, units) => {
    // in £ thousands the run scaled every top-up by 0.001 and went on with exit 0, warned of only as 'scales unit costs by
    // 0.00': the plans' cost a thousandth of itself, the deficit gone
    await withTempDir(async (d) => {
      const data = join(d, 'data');
      cpSync('data-samples', data, { recursive: true });
      const outturn = readFileSync(join(data, 'section_251_outturn.csv'), 'utf8');
      writeFileSync(join(data, 'section_251_outturn.csv'), outturn.replace(/^(top_up_\w+),2025-26,(\d+)$/gm, (_l, line: string, n: string) => `${line},2025-26,${change(Number(n))}`));
      const r = await runCli('run', '--data', data, '--out', join(d, 'out'), '--draws', '0', '--json');
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/Anyshire \(999\): the Section 251 outturn \(.*section_251_outturn\.csv\) cannot be reconciled with the unit costs for 2025-26, so no outputs were written: 'Top-up funding: maintained providers' £[\d,]+ against £[\d,]+ modelled \(×/);
      expect(r.stderr).toMatch(units);
      expect(r.stderr).toMatch(/costs\.reconcile_to_outturn: false/);
      expect(existsSync(join(d, 'out'))).toBe(false);
    });
  });

  it('a funding table in £ thousands stops the run (exit 1, nothing written), naming the year, the block, the spend and the units', async () => {
    // the sample's block of £57,170,000 written 57170: 0.083% of the spend, every year's deficit about the whole spend,
    // exit 0 with a warning only
    await withTempDir(async (d) => {
      const data = join(d, 'data');
      cpSync('data-samples', data, { recursive: true });
      const funding = readFileSync(join(data, 'funding.csv'), 'utf8');
      writeFileSync(join(data, 'funding.csv'), funding.replace(/^(20\d\d-\d\d),(\d+)000,(\d+)000,(\d+)000,(-?\d+)000$/gm, '$1,$2,$3,$4,$5'));
      const r = await runCli('run', '--data', data, '--out', join(d, 'out'), '--draws', '0', '--json');
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/Anyshire \(999\): the High Needs block of 2025-26 in the funding table \(.*funding\.csv line 2\) is £57,170, 0\.08\d% of the £[\d,]+ of High Needs spend the run models for that year, outside 2%–5000%, so no outputs were written/);
      expect(r.stderr).toContain('the funding table is most likely in £ thousands; write it in pounds');
      expect(existsSync(join(d, 'out'))).toBe(false);
    });
  });

  it('a £0 ISS unit cost and a £0 independent top-up outturn are taken as given but named on stderr and in the Data quality sheet', async () => {
    await withTempDir(async (d) => {
      const data = join(d, 'data');
      cpSync('data-samples', data, { recursive: true });
      // each was accepted without a word: every ISS plan priced at £0, and the outturn line left unreconciled
      const costs = readFileSync(join(data, 'unit_costs.csv'), 'utf8');
      expect(costs).toMatch(/^ISS,,,\d+,/m);
      writeFileSync(join(data, 'unit_costs.csv'), costs.replace(/^ISS,,,\d+,/m, 'ISS,,,0,'));
      const outturn = readFileSync(join(data, 'section_251_outturn.csv'), 'utf8');
      writeFileSync(join(data, 'section_251_outturn.csv'), outturn.replace(/^top_up_independent,2025-26,\d+$/m, 'top_up_independent,2025-26,0'));
      const out = join(d, 'out');
      const r = await runCli('run', '--data', data, '--out', out, '--draws', '0', '--json');
      expect(r.code, r.stderr).toBe(0);
      const zeroCost = /Unit costs: ISS — the unit-cost table gives £0 a plan-year .* costed at £0, as given/;
      const zeroOutturn = /Section 251 outturn: 'Top-up and other funding: non-maintained and independent providers' is £0 for 2025-26, but the model spends £[\d,]+ on it/;
      expect(r.stderr).toMatch(zeroCost);
      expect(r.stderr).toMatch(zeroOutturn);
      // NEET and NONE, £0 in the sample, are no setting to pay: not warned about
      expect(r.stderr).not.toMatch(/Unit costs: (NEET|NONE)/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(out, 'highneeds-baseline.xlsx'));
      const rows: string[] = [];
      wb.getWorksheet('Data quality')!.eachRow((row) => void rows.push(row.values.toString()));
      expect(rows.some((t) => zeroCost.test(t))).toBe(true);
      expect(rows.some((t) => zeroOutturn.test(t))).toBe(true);
    });
  });
});

/**
 * One number for one thing: a run of the five shipped scenarios on the sample (with Monte Carlo draws, where the median of the
 * draws and the projection's own central cube differ) publishes the horizon-year plans, the balance at 31 March
 * 2028 and the first financial year's expenditure as one figure each, wherever they appear: `run --json`, every
 * sheet of the workbook, the chart alt texts in the workbook, the report's text and alt texts, and the comparison
 * workbook. Occurrences are compared with each other, never with fixed numbers (the model's numbers move).
 *
 * "A second number for the same thing" is a value close to the published one that is not it once rounded as it is
 * shown, within 2% for plans (the median and the mean path differed by 0.6% before the outputs shared one path).
 * Money figures lie close to unrelated lines by chance (a later year's block allocation), so for money every
 * workbook cell labelled as the figure, by its row and column, must be it, and the prose must show it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runCli } from '../cli/helpers.ts';
import { fmtBalance, fmtCount, fmtMoney } from '../../src/report/format.ts';
import { expectMoneyIdentities, type MoneyDoc } from '../budget/money-identities.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- parsed JSON documents */
type Doc = Record<string, any>;

const SHIPPED = ['baseline', 'covid-surge', 'transition-surge', 'mitigated', 'capacity'];
let dir = '';
let runs: Doc[] = [];
let comparison: Doc = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hn-one-number-'));
  // the five shipped scenarios together, as a council would run them (baseline first: the comparison's reference)
  const r = await runCli('run', ...SHIPPED.map((s) => `scenarios/${s}.yaml`), '--draws', '20', '--json', '--out', dir);
  expect(r.code, r.stderr).toBe(0);
  const doc = JSON.parse(r.stdout) as Doc;
  runs = doc.runs;
  comparison = doc.comparison;
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Figures {
  plans: number;
  march2028: number;
  firstExpenditure: number;
  horizonYear: string;
  firstFy: string;
}

function figures(d: Doc): Figures {
  const years = Object.keys(d.ehcp_total);
  const fys = Object.keys(d.expenditure_gbp);
  const horizonYear = years[years.length - 1]!;
  return {
    plans: d.ehcp_total[horizonYear].p50,
    march2028: d.cumulative_balance_gbp['2027-28'].p50,
    firstExpenditure: d.expenditure_gbp[fys[0]!].p50,
    horizonYear,
    firstFy: fys[0]!,
  };
}

const workbooks = new Map<string, Promise<ExcelJS.Workbook>>();

/** A workbook read by ExcelJS once for the tests that look at it (they only read it). */
function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  let wb = workbooks.get(file);
  if (!wb) {
    const book = new ExcelJS.Workbook();
    wb = book.xlsx.readFile(file).then(() => book);
    workbooks.set(file, wb);
  }
  return wb;
}

/** Every number in a workbook (cells, and numbers written inside text cells), with where it is. */
async function workbookNumbers(file: string): Promise<Array<{ where: string; value: number; text: boolean }>> {
  const wb = await readWorkbook(file);
  const out: Array<{ where: string; value: number; text: boolean }> = [];
  wb.eachSheet((ws) => {
    let header: string[] = [];
    ws.eachRow((row) => {
      if ((row.getCell(1).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb === 'FF1D70B8') header = (row.values as unknown[]).map((v) => String(v ?? ''));
      row.eachCell((c, col) => {
        // rows read from an input file are a file fact, not a figure of the run
        if (/^Rows read/.test(header[col] ?? '')) return;
        if (typeof c.value === 'number') out.push({ where: `${ws.name}!${c.address}`, value: c.value, text: false });
        else if (typeof c.value === 'string') for (const v of textNumbers(c.value)) out.push({ where: `${ws.name}!${c.address} text`, value: v, text: true });
      });
    });
  });
  return out;
}

interface Labelled {
  sheet: string;
  row: string;
  column: string;
  value: number;
}

/** Every number of a workbook's tables with its row label (the row's text cells) and its column header. */
async function labelledCells(file: string): Promise<Labelled[]> {
  const wb = await readWorkbook(file);
  const out: Labelled[] = [];
  wb.eachSheet((ws) => {
    let header: string[] = [];
    ws.eachRow((row) => {
      const isHeader = (row.getCell(1).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb === 'FF1D70B8';
      const values = (row.values as unknown[]).slice(1);
      if (isHeader) {
        header = values.map((v) => String(v ?? ''));
        return;
      }
      const label = values.filter((v) => typeof v === 'string').join(' ');
      values.forEach((v, j) => {
        if (typeof v === 'number' && header[j] !== undefined) out.push({ sheet: ws.name, row: `${typeof values[0] === 'number' ? `${values[0]} ` : ''}${label}`, column: header[j]!, value: v });
      });
    });
  });
  return out;
}

/** Numbers written in prose: counts (`8,282`) and money (`-£18.4m`, `£70,135,231`), as plain values in £ and plans. */
function textNumbers(s: string): number[] {
  const out: number[] = [];
  for (const m of s.matchAll(/(-?)£(\d{1,3}(?:,\d{3})*(?:\.\d+)?)(m|k|bn)?/g)) {
    const unit = m[3] === 'm' ? 1e6 : m[3] === 'k' ? 1e3 : m[3] === 'bn' ? 1e9 : 1;
    out.push((m[1] ? -1 : 1) * Number(m[2]!.replace(/,/g, '')) * unit);
  }
  // counts, leaving out file facts ("12,345 rows")
  for (const m of s.replace(/-?£\d[\d,.]*(m|k|bn)?/g, ' ').replace(/\d[\d,]* rows/g, ' ').matchAll(/\b\d{1,3}(?:,\d{3})+\b/g)) out.push(Number(m[0].replace(/,/g, '')));
  return out;
}

/** The report's visible text and its image alt texts. */
function reportText(html: string): string {
  const alts = [...html.matchAll(/alt="([^"]*)"/g)].map((m) => m[1]);
  const body = html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<img[^>]*>/g, ' ').replace(/<[^>]+>/g, ' ');
  return `${body} ${alts.join(' ')}`.replace(/&amp;/g, '&').replace(/&#39;|&rsquo;/g, '’');
}

async function workbookAltTexts(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await Promise.all(Object.keys(zip.files).filter((f) => f.startsWith('xl/drawings/drawing')).map((f) => zip.file(f)!.async('string')));
  return xml.flatMap((x) => [...x.matchAll(/descr="([^"]*)"/g)].map((m) => m[1])).join(' ');
}

/** Every number of a JSON document. */
function jsonNumbers(x: unknown): number[] {
  if (typeof x === 'number') return [x];
  if (x && typeof x === 'object') return Object.values(x).flatMap(jsonNumbers);
  return [];
}

/**
 * Values that would be read as the same figure but are not it as shown (`shownAlike` says when two agree); a
 * value that is another figure of the JSON document (another year's income, a P90) is that figure, not a second one.
 */
function secondNumbers(values: Array<{ where: string; value: number }>, figure: number, window: number, shownAlike: (v: number) => boolean, others: number[] = []) {
  return values.filter((v) => Math.abs(v.value - figure) <= Math.abs(figure) * window && !shownAlike(v.value) && !others.some((o) => Math.abs(o - v.value) < 1e-6 * Math.max(1, Math.abs(o))));
}

const plansAlike = (f: number) => (v: number) => Math.round(v) === Math.round(f);

describe('one number for one thing (the five shipped scenarios together, 20 draws)', () => {
  it('the JSON document agrees with itself', () => {
    expect(runs.map((d) => d.scenario.id)).toEqual(SHIPPED);
    for (const d of runs) {
      const f = figures(d);
      expect(d.balance_at_31_march_2028_gbp).toBeCloseTo(f.march2028, 2);
      const byPlacement = Object.values(d.ehcp_by_placement[f.horizonYear] as Record<string, number>).reduce((a, b) => a + b, 0);
      expect(byPlacement).toBeCloseTo(f.plans, 6);
      const lines = Object.values(d.expenditure_by_line_gbp[f.firstFy] as Record<string, number>).reduce((a, b) => a + b, 0);
      expect(lines).toBeCloseTo(f.firstExpenditure, 2);
      // all of its money to the penny, every identity exact in pennies (P10/P90 of the draws included)
      expectMoneyIdentities(d as MoneyDoc);
      // the draws spread around the published path
      expect(d.ehcp_total[f.horizonYear].p10).toBeLessThan(f.plans);
      expect(d.ehcp_total[f.horizonYear].p90).toBeGreaterThan(f.plans);
    }
  });

  it('every sheet of each workbook shows the JSON figures and no neighbouring second figure', async () => {
    for (const d of runs) {
      const f = figures(d);
      const cells = await workbookNumbers(d.outputs.workbook);
      const plans = cells.filter((c) => !c.text && plansAlike(f.plans)(c.value));
      // Summary, Uncertainty, Plans by age, by need, by placement at least
      expect(new Set(plans.map((c) => c.where.split('!')[0])).size, JSON.stringify(plans)).toBeGreaterThanOrEqual(4);
      // numbers inside text cells are parameters and file facts (a unit cost, rows read), not plans: cells only
      expect(secondNumbers(cells.filter((c) => !c.text), f.plans, 0.02, plansAlike(f.plans), jsonNumbers(d))).toEqual([]);
      // money: every cell labelled as the figure (by its row and its column header) is the figure
      const labelled = await labelledCells(d.outputs.workbook);
      const central = (c: Labelled) => !/P10|P90|low|high|swing|unmitigated|without/i.test(`${c.row} ${c.column}`);
      const m28 = labelled.filter(
        (c) =>
          central(c) &&
          ((/2027-28/.test(c.row) && /cumulative/i.test(c.column)) || (/31 March 2028/.test(c.row) && /central|P50/i.test(c.column)) || (/2027-28/.test(c.column) && /cumulative/i.test(c.row))),
      );
      expect(new Set(m28.map((c) => c.sheet)).size, JSON.stringify(m28)).toBeGreaterThanOrEqual(3);
      for (const c of m28) expect(c.value, `${c.sheet} ${c.row} / ${c.column}`).toBeCloseTo(f.march2028, 0);
      const fy0 = f.firstFy;
      const e0 = labelled.filter(
        (c) =>
          central(c) &&
          ((c.row.startsWith(fy0) && /^expenditure/i.test(c.column)) ||
            (c.row.includes(`expenditure ${fy0}`) && /central|P50/i.test(c.column)) ||
            (c.column.startsWith(fy0) && /^total (high needs )?expenditure/i.test(c.row))),
      );
      expect(new Set(e0.map((c) => c.sheet)).size, JSON.stringify(e0)).toBeGreaterThanOrEqual(3);
      for (const c of e0) expect(c.value, `${c.sheet} ${c.row} / ${c.column}`).toBeCloseTo(f.firstExpenditure, 0);
    }
  });

  it('every scenario prices a plan as the outturn says: the same Section 251 scaling of unit costs as the baseline', async () => {
    // the base year is calibrated on the data's own path (model/levers/reference.ts), not on the scenario's: the
    // capacity scenario scaled the independent line by 0.81 against the baseline's 1.04, so its overflow was cheap
    const scales = async (file: string): Promise<string[]> => {
      const ws = (await readWorkbook(file)).getWorksheet('DSG management plan')!;
      const out: string[] = [];
      let col = 0;
      ws.eachRow((row) => {
        const cells = (row.values as unknown[]).slice(1).map((v) => String(v ?? ''));
        const at = cells.indexOf('Unit costs scaled by');
        if (at >= 0) col = at;
        else if (col && /^Top-up/.test(cells[0] ?? '')) out.push(`${cells[0]}: ${cells[col]}`);
      });
      return out;
    };
    const base = await scales(runs[0]!.outputs.workbook);
    expect(base.length).toBeGreaterThanOrEqual(3);
    expect(base.join('\n')).toMatch(/: \d/);
    for (const d of runs.slice(1)) expect(await scales(d.outputs.workbook), d.scenario.id).toEqual(base);
  });

  it('the report text, its alt texts and the workbook alt texts show the same figures', async () => {
    for (const d of runs) {
      const f = figures(d);
      const text = reportText(readFileSync(d.outputs.report, 'utf8'));
      const alts = await workbookAltTexts(d.outputs.workbook);
      for (const [name, t] of [['report', text], ['workbook alt text', alts]] as const) {
        const values = textNumbers(t).map((value) => ({ where: name, value }));
        expect(t, name).toContain(fmtCount(f.plans));
        expect(secondNumbers(values, f.plans, 0.02, plansAlike(f.plans)), name).toEqual([]);
      }
      // prose rounds money to £0.1m, so other lines land near it by chance: the figures must be there as shown
      expect(text).toContain(fmtMoney(f.march2028));
      expect(text).toContain(fmtMoney(f.firstExpenditure));
      expect(alts).toContain(fmtBalance(f.march2028));
    }
  });

  it('the comparison report says what differs, sets the figures side by side and shows the balance chart', () => {
    expect(comparison.report).toBe(join(dir, 'compare', 'scenario-comparison.html'));
    const html = readFileSync(comparison.report, 'utf8');
    const text = reportText(html);
    expect(text).toContain('What differs between the scenarios');
    expect(html).toContain('id="fig-compare-balance"');
    for (const d of runs) {
      const f = figures(d);
      expect(text).toContain(d.scenario.name);
      expect(text).toContain(fmtCount(f.plans));
      expect(text).toContain(fmtMoney(f.march2028));
    }
    // mitigated differs from baseline by its levers, named
    expect(text).toMatch(/Adds the lever “Early intervention/);
  });

  it('the comparison workbook names each scenario beside the same figures', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(comparison.workbook);
    const ws = wb.getWorksheet('Scenarios')!;
    for (const d of runs) {
      const f = figures(d);
      let found = false;
      ws.eachRow((row) => {
        const values = (row.values as unknown[]).slice(1);
        if (!values.includes(d.scenario.name)) return;
        found = true;
        // its description, from the scenario file
        expect(values.some((v) => typeof v === 'string' && v.length > 40 && !v.startsWith('(no description'))).toBe(true);
        const nums = values.filter((v): v is number => typeof v === 'number');
        expect(nums.some((v) => Math.abs(v - f.march2028) < 1)).toBe(true);
        expect(nums.some((v) => plansAlike(f.plans)(v))).toBe(true);
      });
      expect(found, d.scenario.name).toBe(true);
    }
    // names, not ids, head the side-by-side columns and label the charts (the id has a column of its own)
    const headers: string[] = [];
    wb.eachSheet((sheet) =>
      sheet.eachRow((row) => {
        if ((row.getCell(1).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb === 'FF1D70B8') headers.push(...(row.values as unknown[]).slice(1).map(String));
      }),
    );
    const alts = await workbookAltTexts(comparison.workbook);
    for (const d of runs.slice(1)) {
      expect(headers.some((h) => h.startsWith(d.scenario.name)), d.scenario.name).toBe(true);
      expect(headers.filter((h) => h.includes(d.scenario.id) && d.scenario.id !== d.scenario.name.toLowerCase()), d.scenario.id).toEqual([]);
      expect(alts).toContain(d.scenario.name);
    }
  });
});

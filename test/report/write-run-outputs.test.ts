/** End to end: writeRunOutputs on the fixture, read back with exceljs, PNGs and HTML checked. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { escapeHtml } from '../../src/report/safe-text.ts';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeComparison, writeRunOutputs, type RunOutputs } from '../../src/report/index.ts';
import { buildRunReport } from './fixtures/run-report.ts';
import { pngStats } from './helpers.ts';
import { tempDir } from '../temp.ts';

const EVIL = '=HYPERLINK("http://example.invalid","x")';
const SHEETS = [
  'Summary',
  'Assumptions',
  'Plans by age',
  'Plans by need',
  'Plans by placement',
  'Transitions',
  'Flows',
  'Costs',
  'Funding and balance',
  'Mitigations',
  'Uncertainty',
  'Backtest',
  'Data quality',
  'DSG management plan',
];

let dir: string;
let out: RunOutputs;
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  dir = tempDir('hn-report-');
  out = await writeRunOutputs(buildRunReport({ name: EVIL, laName: 'Anyshire <b>&</b>' }), join(dir, 'run'), { csv: true });
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out.workbook);
});

describe('workbook', () => {
  it('has the 14 sheets of outputs.md, in order', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(SHEETS);
  });

  it('stores numbers as numbers with £ and count formats', () => {
    const ws = wb.getWorksheet('Summary')!;
    let money = 0;
    let counts = 0;
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (typeof c.value === 'number' && c.numFmt === '£#,##0;[Red]-£#,##0') money++;
        if (typeof c.value === 'number' && c.numFmt === '#,##0') counts++;
        if (typeof c.value === 'string') expect(c.value).not.toMatch(/^-?£?[\d,]+(\.\d+)?$/);
      }),
    );
    expect(money).toBeGreaterThan(20);
    expect(counts).toBeGreaterThan(1);
    const age = wb.getWorksheet('Plans by age')!;
    let n = 0;
    age.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'number' && n++)));
    expect(n).toBeGreaterThan(26 * 10);
  });

  it('keeps a formula-like scenario name as text, never a formula', () => {
    const found: ExcelJS.Cell[] = [];
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'string' && c.value.includes('HYPERLINK') && found.push(c))));
    expect(found.length).toBeGreaterThan(0);
    const exact = found.find((c) => c.value === EVIL);
    expect(exact).toBeDefined();
    for (const c of found) {
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(c.formula).toBeUndefined();
    }
  });

  it('has real Excel tables, frozen panes, print setup and properties', async () => {
    const zip = await JSZip.loadAsync(readFileSync(out.workbook));
    const tables = Object.keys(zip.files).filter((f) => /^xl\/tables\/table\d+\.xml$/.test(f));
    expect(tables.length).toBeGreaterThanOrEqual(SHEETS.length);
    const t1 = await zip.file(tables[0]!)!.async('string');
    expect(t1).toContain('autoFilter');
    expect(t1).toContain('showRowStripes="1"');
    for (const ws of wb.worksheets) {
      expect(ws.views[0]?.state).toBe('frozen');
      expect(ws.pageSetup.orientation).toBe('landscape');
      expect(ws.pageSetup.fitToWidth).toBe(1);
      const tablesOnSheet = (ws as unknown as { tables: Record<string, unknown> }).tables;
      if (Object.keys(tablesOnSheet ?? {}).length === 1) expect(ws.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
    }
    expect(wb.worksheets.some((ws) => ws.pageSetup.printTitlesRow)).toBe(true);
    expect(wb.creator).toMatch(/^highneeds/);
    expect(wb.title).toContain('High Needs forecast');
    expect(wb.subject).toBe('EHC plan projection and High Needs block (DSG) budget');
  });

  it('embeds at least 4 chart images, each with alt text', async () => {
    const images = wb.worksheets.reduce((s, ws) => s + ws.getImages().length, 0);
    expect(images).toBeGreaterThanOrEqual(4);
    const zip = await JSZip.loadAsync(readFileSync(out.workbook));
    const drawings = Object.keys(zip.files).filter((f) => /^xl\/drawings\/drawing\d+\.xml$/.test(f));
    let withAlt = 0;
    for (const d of drawings) {
      const xml = await zip.file(d)!.async('string');
      const pics = xml.match(/<xdr:cNvPr [^>]*>/g) ?? [];
      for (const p of pics) {
        expect(p).toMatch(/descr="[^"]{40,}"/);
        withAlt++;
      }
    }
    expect(withAlt).toBe(images);
  });
});

describe('charts', () => {
  it('writes at least 8 PNGs, at least 600 px wide, none blank', async () => {
    expect(out.charts.length).toBeGreaterThanOrEqual(8);
    for (const p of out.charts) {
      const s = await pngStats(readFileSync(p));
      expect(s.width, p).toBeGreaterThanOrEqual(1600);
      expect(s.nonWhite, p).toBeGreaterThan(0.03);
    }
  });
});

describe('report', () => {
  it('is one self-contained HTML file over 20 kB with no external URLs and no placeholder text', () => {
    const html = readFileSync(out.report, 'utf8');
    expect(html.length).toBeGreaterThan(20_000);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*https?:/i);
    expect(html).not.toMatch(/<script|<link /i);
    const text = html.replace(/data:image\/png;base64,[A-Za-z0-9+/=]+/g, 'data:');
    expect(/TODO|lorem|placeholder/i.test(text)).toBe(false);
    expect((html.match(/<img src="data:image\/png;base64,/g) ?? []).length).toBeGreaterThanOrEqual(8);
    expect(html).toContain('31 March 2028');
  });

  it('escapes input text', () => {
    const html = readFileSync(out.report, 'utf8');
    expect(html).not.toContain('<b>&</b>');
    expect(html).toContain('Anyshire &lt;b&gt;&amp;&lt;/b&gt;');
    expect(html).toContain('=HYPERLINK(&quot;http://example.invalid&quot;,&quot;x&quot;)');
  });
});

describe('CSV export', () => {
  it('writes one CSV per workbook table with formula-like text quoted', () => {
    expect(out.csv.length).toBeGreaterThanOrEqual(30);
    const all = out.csv.map((p) => readFileSync(p, 'utf8')).join('\n');
    expect(all).toContain(`"'=HYPERLINK(""http://example.invalid"",""x"")"`);
    for (const line of all.split(/\r?\n/)) for (const field of line.split(',')) expect(field.replace(/^\uFEFF/, '')).not.toMatch(/^[=+@]/);
  });
});

describe('atomic writing', () => {
  it('leaves no staging folders behind', () => {
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('a failed run writes nothing and leaves no staging folder', async () => {
    const blocker = join(dir, 'blocked');
    writeFileSync(blocker, 'a file where the run folder should be');
    await expect(writeRunOutputs(buildRunReport({ horizon: 3 }), blocker, {})).rejects.toThrow(/Could not write/);
    expect(readFileSync(blocker, 'utf8')).toContain('a file');
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});

describe('comparison', () => {
  it('writes a side-by-side workbook with differences against the first scenario and its charts', async () => {
    const res = await writeComparison([buildRunReport({ mitigated: false, id: 'baseline', name: 'Baseline' }), buildRunReport({ name: EVIL })], join(dir, 'compare'));
    expect(existsSync(res.workbook)).toBe(true);
    const cmp = new ExcelJS.Workbook();
    await cmp.xlsx.readFile(res.workbook);
    expect(cmp.worksheets.map((w) => w.name)).toEqual(['Scenarios', 'Plans', 'Expenditure', 'In-year balance', 'Cumulative balance']);
    const headers: string[] = [];
    cmp.getWorksheet('Cumulative balance')!.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'string' && headers.push(c.value))));
    // columns are headed by scenario names, the injection-looking one kept as text
    expect(headers.some((h) => h.includes('minus Baseline'))).toBe(true);
    expect(headers.some((h) => h.startsWith(EVIL))).toBe(true);
    const html = readFileSync(res.report, 'utf8');
    expect(html).toContain('What differs between the scenarios');
    expect(html).toContain(escapeHtml(EVIL));
    for (const p of res.charts) expect((await pngStats(readFileSync(p))).nonWhite).toBeGreaterThan(0.03);
  });
});

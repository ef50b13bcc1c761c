import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { HighneedsError } from '../../src/errors.ts';
import { ARCHIVE_LIMITS, expandArchive } from '../../src/etl/archive.ts';
import { withInputFiles } from '../../src/etl/inputs.ts';
import { loadIntoMemory, loadPaths, warehouseStatus } from '../../src/etl/load.ts';
import { validatePaths } from '../../src/etl/validate.ts';
import { starterFiles } from '../../src/scaffold/starter.ts';
import { fixtures, tempDir, TODAY } from './helpers.ts';

const caseload = join(fixtures, 'good/no-bom-lf.csv');
const negative = join(fixtures, 'bad/negative-count.csv');

async function writeZip(path: string, entries: Record<string, string | Buffer>): Promise<void> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(entries)) zip.file(name, content);
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** A DOCX-like package: a ZIP holding [Content_Types].xml. */
async function writeDocx(path: string): Promise<void> {
  await writeZip(path, { '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
}

describe('documentation files', () => {
  async function docFolder(): Promise<string> {
    const dir = tempDir();
    writeFileSync(join(dir, 'README.md'), '# data\n');
    writeFileSync(join(dir, 'SOURCE.md'), '# where it came from\n');
    writeFileSync(join(dir, 'data-guidance.txt'), 'Education, health and care plans\n\nVariable names …\n');
    writeFileSync(join(dir, 'methodology.pdf'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0xff, 0x01]));
    await writeDocx(join(dir, 'notes.docx'));
    writeFileSync(join(dir, 'funding.csv'), 'financial_year,hn_block_gbp\n2025-26,1000\n');
    // a .txt file that is really a known CSV layout is read as data
    writeFileSync(join(dir, 'places.txt'), 'placement,financial_year,places,place_rate_gbp\nSSM,2025-26,100,10000\n');
    return dir;
  }
  const DOCS = ['README.md', 'SOURCE.md', 'data-guidance.txt', 'methodology.pdf', 'notes.docx'];

  it('validate: reader documentation, 0 rows, no errors, one "not data" warning', async () => {
    const dir = await docFolder();
    const { files } = await validatePaths([dir], { today: TODAY });
    const byName = Object.fromEntries(files.map((f) => [f.path.slice(dir.length + 1), f]));
    for (const name of DOCS) {
      expect(byName[name]).toMatchObject({ reader: 'documentation', rows: 0, errors: [] });
      expect(byName[name]!.warnings).toHaveLength(1);
      expect(byName[name]!.warnings[0]!.message).toMatch(/not data.*skipped/);
    }
    expect(byName['funding.csv']).toMatchObject({ reader: 'funding', rows: 1, errors: [] });
    expect(byName['places.txt']).toMatchObject({ reader: 'places', rows: 1, errors: [] });
  });

  it('load lists them under skipped with the reason; run skips them quietly', async () => {
    const dir = await docFolder();
    const out = await loadPaths([dir], { warehouse: join(tempDir(), 'wh.duckdb'), today: TODAY });
    expect(out.loaded.map((l) => l.reader).sort()).toEqual(['funding', 'places']);
    expect(out.skipped.map((s) => s.path.slice(dir.length + 1)).sort()).toEqual([...DOCS].sort());
    for (const s of out.skipped) expect(s.reason).toMatch(/documentation, not data/);
    const mem = await loadIntoMemory([dir], { today: TODAY });
    expect(mem.loaded.map((l) => l.reader).sort()).toEqual(['funding', 'places']);
    expect(mem.warnings).toEqual([]);
    expect(mem.skipped).toEqual([]);
    mem.warehouse.close();
  });
});

describe('ZIP archives', () => {
  it('each entry is validated as its own file, with the display path archive.zip!entry in every message', async () => {
    const dir = tempDir();
    const zip = join(dir, 'release.zip');
    await writeZip(zip, {
      'data/caseload.csv': readFileSync(caseload),
      'data/negative.csv': readFileSync(negative),
      'data-guidance/data-guidance.txt': 'Education, health and care plans\n',
      '__MACOSX/data/._caseload.csv': 'resource fork',
    });
    const { files } = await validatePaths([zip], { today: TODAY });
    expect(files.map((f) => [f.path, f.reader])).toEqual([
      [`${zip}!data-guidance/data-guidance.txt`, 'documentation'],
      [`${zip}!data/caseload.csv`, 'ees-2022-age-caseload'],
      [`${zip}!data/negative.csv`, 'ees-2022-age-caseload'],
    ]);
    const bad = files[2]!;
    expect(bad.errors.length).toBeGreaterThan(0);
    expect(bad.errors[0]!.line).toBeGreaterThan(1);
    const json = JSON.stringify(files);
    expect(json).not.toMatch(/highneeds-zip-/);
    // the failed load names the entry by its display path
    const err = await loadPaths([zip], { warehouse: join(dir, 'wh.duckdb'), today: TODAY }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HighneedsError);
    expect((err as HighneedsError).problems.map((p) => p.file)).toContain(`${zip}!data/negative.csv`);
    expect(JSON.stringify((err as HighneedsError).problems)).not.toMatch(/highneeds-zip-/);
  });

  it('loads entries under their display path; an entry identical to an extracted file is a duplicate', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'data'));
    copyFileSync(caseload, join(dir, 'data/caseload.csv'));
    const zip = join(dir, 'release.zip');
    await writeZip(zip, { 'data/caseload.csv': readFileSync(caseload), 'data/funding.csv': 'financial_year,hn_block_gbp\n2025-26,1000\n' });
    const wh = join(dir, 'wh.duckdb');
    const first = await loadPaths([dir], { warehouse: wh, today: TODAY });
    expect(first.loaded.map((l) => l.path)).toEqual([join(dir, 'data/caseload.csv'), `${zip}!data/funding.csv`]);
    expect(first.skipped).toEqual([{ path: `${zip}!data/caseload.csv`, reason: `same content as ${join(dir, 'data/caseload.csv')} in this load` }]);
    const status = await warehouseStatus(wh);
    expect(status.files.map((f) => f.path)).toContain(`${zip}!data/funding.csv`);
    // the archive alone, again: every entry already loaded
    const again = await loadPaths([zip], { warehouse: wh, today: TODAY });
    expect(again.loaded).toEqual([]);
    expect(again.skipped.map((s) => s.reason)).toEqual([expect.stringMatching(/already loaded/), expect.stringMatching(/already loaded/)]);
    // run's in-memory load reads archives too
    const mem = await loadIntoMemory([zip], { today: TODAY });
    expect(mem.loaded.map((l) => l.path)).toEqual([`${zip}!data/caseload.csv`, `${zip}!data/funding.csv`]);
    mem.warehouse.close();
  });

  it('validate skips an entry identical to a file beside it, as load does, and says so: each problem once', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'data'));
    copyFileSync(negative, join(dir, 'data/caseload.csv'));
    const zip = join(dir, 'release.zip');
    // the funding entry has the caseload's size (1000 written with leading zeros) but not its bytes: checked
    const head = 'financial_year,hn_block_gbp\n2025-26,';
    const funding = `${head}${'1000'.padStart(readFileSync(negative).length - head.length - 1, '0')}\n`;
    expect(funding.length).toBe(readFileSync(negative).length);
    await writeZip(zip, { 'data/caseload.csv': readFileSync(negative), 'data/funding.csv': funding });
    const loaded = (await loadPaths([dir], { warehouse: join(dir, 'wh.duckdb'), today: TODAY }).catch((e: unknown) => e)) as HighneedsError;
    expect(loaded).toBeInstanceOf(HighneedsError);
    const { files, skipped } = await validatePaths([dir], { today: TODAY });
    expect(files.map((f) => [f.path, f.errors.length])).toEqual([[join(dir, 'data/caseload.csv'), 1], [`${zip}!data/funding.csv`, 0]]);
    expect(skipped).toEqual([{ path: `${zip}!data/caseload.csv`, reason: `same content as ${join(dir, 'data/caseload.csv')}, so not checked again (load skips it and loads that file once)` }]);
    // each problem once, as load gives it
    expect(files.flatMap((f) => f.errors.map((e) => `${f.path}:${e.line}`))).toEqual(loaded.problems.map((p) => `${p.file}:${p.line}`));
    // the same file named twice: once
    expect((await validatePaths([caseload, caseload], { today: TODAY })).skipped).toHaveLength(1);
  });

  it('removes the temporary files afterwards, also when the work fails', async () => {
    const zip = join(tempDir(), 'release.zip');
    await writeZip(zip, { 'data/caseload.csv': readFileSync(caseload) });
    let seen: string[] = [];
    await withInputFiles([zip], async (files) => {
      seen = files.map((f) => f.file);
      expect(seen.every((f) => existsSync(f))).toBe(true);
    });
    expect(seen).toHaveLength(1);
    expect(seen.some((f) => existsSync(f))).toBe(false);
    await expect(
      withInputFiles([zip], async (files) => {
        seen = files.map((f) => f.file);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(seen.some((f) => existsSync(f))).toBe(false);
  });

  const small = { ...ARCHIVE_LIMITS, ratioFloorBytes: 64 * 1024, maxRatio: 100 };

  it('refuses a zip bomb (declared sizes) with a clear message, and the load fails', async () => {
    const dir = tempDir();
    const zip = join(dir, 'bomb.zip');
    await writeZip(zip, { 'data/zeros.csv': Buffer.alloc(4 * 1024 * 1024, 0x30) });
    const { files } = await validatePaths([zip], { today: TODAY, limits: small });
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ path: zip, reader: null, rows: 0 });
    expect(files[0]!.errors[0]!.message).toMatch(/refusing to expand the ZIP archive.*zip bomb/);
    await expect(loadPaths([zip], { warehouse: join(dir, 'wh.duckdb'), today: TODAY, limits: small })).rejects.toThrow(/nothing was loaded/);
  });

  it('refuses a zip bomb that lies about its sizes (bytes are counted while extracting)', async () => {
    const dir = tempDir();
    const zip = join(dir, 'liar.zip');
    await writeZip(zip, { 'zeros.csv': Buffer.alloc(4 * 1024 * 1024, 0x30) });
    const bytes = readFileSync(zip);
    // central directory header (PK\x01\x02): uncompressed size at offset 24; local header (PK\x03\x04): offset 22
    const cd = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(10, cd + 24);
    bytes.writeUInt32LE(10, 22);
    writeFileSync(zip, bytes);
    const into = tempDir();
    const x = await expandArchive(zip, into, small);
    expect(x.kind).toBe('problem');
    // refused either by the byte counter or by the size check, whichever fires first
    expect(x.kind === 'problem' && x.message).toMatch(/refusing to expand the ZIP archive: entry 'zeros.csv' (expands past the limit|holds more or less data than its header declares)/);
  });

  it('refuses entries that would escape their folder, and unreadable archives', async () => {
    const dir = tempDir();
    const evil = join(dir, 'evil.zip');
    await writeZip(evil, { '../evil.csv': 'a,b\n1,2\n' });
    const corrupt = join(dir, 'corrupt.zip');
    writeFileSync(corrupt, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]));
    const { files } = await validatePaths([evil, corrupt], { today: TODAY });
    expect(files[0]!.errors[0]!.message).toMatch(/entry '\.\.\/evil\.csv' would be written outside its folder/);
    expect(files[1]!.errors[0]!.message).toMatch(/not a readable ZIP archive/);
    expect(existsSync(join(dir, 'evil.csv'))).toBe(false);
  });

  it('an XLSX workbook is not expanded as an archive', async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('funding');
    sheet.addRows([['financial_year', 'hn_block_gbp'], ['2025-26', 1000]]);
    await wb.xlsx.writeFile(join(dir, 'inputs.xlsx'));
    // other bytes: a copy would be skipped, as load skips it
    sheet.getCell('B2').value = 2000;
    await wb.xlsx.writeFile(join(dir, 'inputs-renamed.zip'));
    const { files } = await validatePaths([dir], { today: TODAY });
    expect(files.map((f) => [f.path.slice(dir.length + 1), f.reader, f.rows])).toEqual([
      ['inputs-renamed.zip', 'own-tables-xlsx', 1],
      ['inputs.xlsx', 'own-tables-xlsx', 1],
    ]);
  });
});

describe('a ZIP archive inside a ZIP archive', () => {
  // it was refused as 'the file is a ZIP archive, not an Excel workbook', which is not why
  it('is refused as an archive inside an archive, naming the entry; the other entries are read', async () => {
    const dir = tempDir();
    const inner = join(dir, 'inner.zip');
    await writeZip(inner, { 'data/sen2_age_caseload.csv': readFileSync(caseload) });
    const outer = join(dir, 'outer.zip');
    await writeZip(outer, { 'release/inner.zip': readFileSync(inner), 'data/sen2_age_caseload.csv': readFileSync(caseload) });
    const { files } = await validatePaths([outer], { today: TODAY });
    expect(files.map((f) => [f.path.slice(dir.length + 1), f.errors.map((e) => e.message)])).toEqual([
      ['outer.zip!data/sen2_age_caseload.csv', []],
      ['outer.zip!release/inner.zip', [
        "entry 'release/inner.zip' is itself a ZIP archive: an archive inside an archive is not expanded (one level only, so that archives nested in each other cannot expand without end), and nothing of it was read. Extract 'release/inner.zip' and give it, or the CSV files in it",
      ]],
    ]);
    // the archive given itself is still expanded
    expect((await validatePaths([inner], { today: TODAY })).files[0]).toMatchObject({ errors: [], rows: expect.any(Number) });
  });

  it('an XLSX workbook inside an archive is read as a workbook, not refused as an archive', async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('funding').addRows([['financial_year', 'hn_block_gbp'], ['2025-26', 1000]]);
    const outer = join(dir, 'outer.zip');
    await writeZip(outer, { 'inputs.xlsx': Buffer.from(await wb.xlsx.writeBuffer()) });
    const { files } = await validatePaths([outer], { today: TODAY });
    expect(files.map((f) => [f.reader, f.rows, f.errors])).toEqual([['own-tables-xlsx', 1, []]]);
  });

  it('a workbook cut short inside an archive is a damaged workbook; a ZIP cut short there is still an archive inside one', async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('funding').addRows([['financial_year', 'hn_block_gbp'], ['2025-26', 1000]]);
    const whole = Buffer.from(await wb.xlsx.writeBuffer());
    const inner = join(dir, 'inner.zip');
    await writeZip(inner, { 'data/sen2_age_caseload.csv': readFileSync(caseload) });
    const outer = join(dir, 'outer.zip');
    await writeZip(outer, { 'inputs.xlsx': whole.subarray(0, whole.length >> 1), 'inner.zip': readFileSync(inner).subarray(0, 60) });
    const { files } = await validatePaths([outer], { today: TODAY });
    expect(files.map((f) => [f.path.slice(dir.length + 1), f.errors.map((e) => e.message).join(' | ')])).toEqual([
      ['outer.zip!inner.zip', expect.stringMatching(/^entry 'inner\.zip' is itself a ZIP archive/)],
      ['outer.zip!inputs.xlsx', expect.stringMatching(/^the workbook is damaged/)],
    ]);
  });
});

describe('header-only own tables', () => {
  it('the empty templates of highneeds init give a "no rows yet" warning, not an error', async () => {
    const dir = tempDir();
    for (const f of starterFiles()) {
      if (!f.path.startsWith('data/')) continue;
      mkdirSync(join(dir, 'data'), { recursive: true });
      writeFileSync(join(dir, f.path), f.content);
    }
    const { files } = await validatePaths([join(dir, 'data')], { today: TODAY });
    expect(files.map((f) => f.reader).sort()).toEqual(['funding', 'opening-balance', 'other-spend', 'places', 'reserves', 'section-251-outturn', 'unit-costs']);
    for (const f of files) {
      expect(f).toMatchObject({ rows: 0, errors: [] });
      expect(f.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/no rows yet/)]);
    }
    // they load (0 rows) and run's in-memory load accepts them
    const out = await loadPaths([join(dir, 'data')], { warehouse: join(dir, 'wh.duckdb'), today: TODAY });
    expect(out.loaded.map((l) => l.rows)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    const mem = await loadIntoMemory([join(dir, 'data')], { today: TODAY });
    expect(mem.warnings.map((w) => w.message)).toEqual(Array(7).fill(expect.stringMatching(/no rows yet/)));
    mem.warehouse.close();
  });

  it('a header-only sheet of a workbook is a warning too; other header-only files stay errors', async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('unit_costs').addRows([['placement', 'annual_cost_gbp', 'price_year']]);
    wb.addWorksheet('funding').addRows([['financial_year', 'hn_block_gbp'], ['2025-26', 1000]]);
    await wb.xlsx.writeFile(join(dir, 'inputs.xlsx'));
    const { files } = await validatePaths([join(dir, 'inputs.xlsx'), join(fixtures, 'bad/header-only.csv')], { today: TODAY });
    expect(files[0]).toMatchObject({ rows: 1, errors: [] });
    expect(files[0]!.warnings[0]!.message).toMatch(/sheet 'unit_costs' has a header row but no rows yet/);
    expect(files[1]!.errors[0]!.message).toMatch(/no data rows/);
  });
});

describe('EES 2022 files inside the release zip', () => {
  it('sen2_estab_new_plans: flow new_plans by placement; Total rows not stored', async () => {
    const { warehouse: wh } = await loadIntoMemory([join(fixtures, 'layouts/estab-new-plans-2022.csv')], { today: TODAY });
    const rows = await wh.query(`SELECT flow_year, placement, count, missing FROM flow WHERE measure = 'new_plans' ORDER BY placement, count`);
    expect(rows).toEqual([
      { flow_year: 2021, placement: 'ISS', count: null, missing: 'suppressed' },
      { flow_year: 2021, placement: 'MS', count: 10, missing: null },
      { flow_year: 2021, placement: 'MS', count: 25, missing: null },
      { flow_year: 2021, placement: 'RP', count: 5, missing: null },
      { flow_year: 2021, placement: 'SSM', count: 20, missing: null },
    ]);
    wh.close();
  });

  it('sen2_wbp_residential_dmo: own stock measures (statements + EHC plans), never "plans"', async () => {
    const { warehouse: wh, warnings } = await loadIntoMemory([join(fixtures, 'layouts/wbp-residential-2022.csv')], { today: TODAY });
    expect(warnings.map((w) => w.message)).toEqual([expect.stringMatching(/DMO, DCO and DMODCOFunction .* not stored/)]);
    expect(await wh.query(`SELECT count(*) AS n FROM stock WHERE measure = 'plans'`)).toEqual([{ n: 0 }]);
    const total = await wh.query(
      `SELECT measure, census_year, count, missing FROM stock WHERE age_from = 0 AND age_to = 25 AND measure IN ('residential_38_51_weeks', 'work_based_learning') ORDER BY measure, census_year`,
    );
    expect(total).toEqual([
      { measure: 'residential_38_51_weeks', census_year: 2017, count: null, missing: 'not-applicable' },
      { measure: 'residential_38_51_weeks', census_year: 2018, count: 10, missing: null },
      { measure: 'residential_38_51_weeks', census_year: 2022, count: 10, missing: null },
      { measure: 'work_based_learning', census_year: 2017, count: 4, missing: null },
      { measure: 'work_based_learning', census_year: 2018, count: 7, missing: null },
      { measure: 'work_based_learning', census_year: 2022, count: 18, missing: null },
    ]);
    expect(await wh.query(`SELECT age_from, age_to, count FROM stock WHERE measure = 'residential_52_weeks' AND census_year = 2018 ORDER BY age_from`)).toEqual([
      { age_from: 0, age_to: 4, count: 0 },
      { age_from: 0, age_to: 25, count: 3 },
      { age_from: 5, age_to: 10, count: 0 },
      { age_from: 11, age_to: 15, count: 2 },
      { age_from: 16, age_to: 19, count: 1 },
      { age_from: 20, age_to: 25, count: 0 },
    ]);
    wh.close();
  });
});

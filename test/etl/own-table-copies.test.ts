/**
 * A council's own copy of the money tables, saved from its spreadsheet: what it adds around the table (a title above
 * the header, a merged group heading) must not make the tool pass the table over. Before, a title line above an
 * other-spend table's header left the file to `run` as a stray one (a warning on the Data quality sheet) and the run
 * spent £0 on other spend (£7.95m a year on the sample), exit 0; a total row under the lines of other spend was read
 * as one more line and doubled them (£7.95m -> £15.9m); a funding year written '2026' was read as 2026-27 and moved the
 * council's funding a year later.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadIntoMemory } from '../../src/etl/load.ts';
import { validatePaths } from '../../src/etl/validate.ts';
import { tempDir, TODAY } from './helpers.ts';

const OTHER = 'line,financial_year,amount_gbp\nTherapies,2025-26,1380000\nHospital education,2025-26,620000\n';

describe('own tables under a title', () => {
  it.each([
    ['a title line', `Other high needs spend 2025-26,,\n${OTHER}`, 2, /delete the line above it/],
    ['a title and a blank line of commas', `Anyshire County Council,,\n,,\n${OTHER}`, 3, /delete the 2 lines above it/],
    // under 12 lines of notes the file was a stray one to a run: passed over with a warning, £0 of other spend, exit 0
    ['a block of 12 lines of notes', `${Array.from({ length: 12 }, (_, i) => `Note ${i + 1},,`).join('\n')}\n${OTHER}`, 13, /delete the 12 lines above it/],
  ])('a CSV with %s stops the load a run makes, naming the line of the header', async (_what, text, line, above) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'other_spend.csv'), text);
    await expect(loadIntoMemory([dir], { today: TODAY })).rejects.toMatchObject({
      exitCode: 1,
      problems: [{ file: join(dir, 'other_spend.csv'), line, message: expect.stringMatching(new RegExp(`header \\(other-spend layout\\) is on line ${line}, below a title: ${above.source}`)) }],
    });
  });

  it("Excel's 'sep=,' line above the header is named as what it is, not a title", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'other_spend.csv'), `sep=,\r\n${OTHER}`);
    const [f] = (await validatePaths([join(dir, 'other_spend.csv')], { today: TODAY })).files;
    expect(f!.errors).toEqual([{ line: 2, message: "the header (other-spend layout) is on line 2, below 'sep=,', the line Excel writes to name the separator, which is not part of the table: delete that line so that the header is the first line, and save again" }]);
  });

  it('a CSV whose first line is not a header and no later line is one is still a stray file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.csv'), 'Anyshire County Council,,\nsome,thing,else\n1,2,3\n');
    const load = await loadIntoMemory([dir], { today: TODAY });
    try {
      expect(load.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/unknown layout/)]);
    } finally {
      load.warehouse.close();
    }
  });

  it('a workbook sheet with a title and a merged group heading above its header is read', async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    const other = wb.addWorksheet('Other spend');
    other.addRows([['Other high needs spend'], [], ['line', 'financial_year', 'amount_gbp'], ['Therapies', '2025-26', 1_380_000], ['Hospital education', '2025-26', 620_000]]);
    const funding = wb.addWorksheet('Funding');
    funding.addRows([['', 'Income', '', ''], ['financial_year', 'hn_block_gbp', 'other_income_gbp', 'import_export_adjustment_gbp'], ['2025-26', 57_170_000, 420_000, -640_000]]);
    funding.mergeCells('B1:D1');
    await wb.xlsx.writeFile(join(dir, 'tables.xlsx'));
    const [f] = (await validatePaths([join(dir, 'tables.xlsx')], { today: TODAY })).files;
    expect(f).toMatchObject({ reader: 'own-tables-xlsx', rows: 3, errors: [], warnings: [] });
    const load = await loadIntoMemory([dir], { today: TODAY });
    try {
      expect(await load.warehouse.query('SELECT line, amount_gbp, source_line FROM other_spend ORDER BY source_line')).toEqual([
        { line: 'Therapies', amount_gbp: 1_380_000, source_line: 4 },
        { line: 'Hospital education', amount_gbp: 620_000, source_line: 5 },
      ]);
      expect(await load.warehouse.query('SELECT hn_block_gbp, import_export_adjustment_gbp FROM funding')).toEqual([{ hn_block_gbp: 57_170_000, import_export_adjustment_gbp: -640_000 }]);
    } finally {
      load.warehouse.close();
    }
  });

  it.each(['Total', 'Grand total', 'Sub-total', 'TOTAL OTHER SPEND', 'Total:'])("an other-spend row '%s' is a total row: an error at its line, not a line of spend", async (label) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'other_spend.csv'), `${OTHER}${label},2025-26,2000000\n`);
    const [f] = (await validatePaths([join(dir, 'other_spend.csv')], { today: TODAY })).files;
    expect(f!.errors).toEqual([{ line: 4, column: 'line', message: expect.stringMatching(/is a total row: .* would count twice\. Delete the row/) }]);
  });

  it.each(['Grand total 2025-26', 'Sum 2025-26', 'Total for year 2025-26', 'Total High Needs other spend'])("'%s' is a total row too: a year after the word, or the words in another order, made it a line", async (label) => {
    // 'Grand total 2026-27' under a council's lines of 2026-27 was read as one more line: the year's spend doubled
    const dir = tempDir();
    writeFileSync(join(dir, 'other_spend.csv'), `${OTHER}${label},2025-26,1999999\n`);
    const [f] = (await validatePaths([join(dir, 'other_spend.csv')], { today: TODAY })).files;
    expect(f!.errors).toEqual([{ line: 4, column: 'line', message: expect.stringMatching(/is a total row: /) }]);
  });

  it('a row whose amount is the sum of the rows of its year above it is a total row, whatever its label', async () => {
    // a sheet grouped by year, a subtotal under each year and a grand total under them: the sample's other spend of
    // 2025-26 read as £7.95m + £7.95m, exit 0
    const dir = tempDir();
    const text = [
      'line,financial_year,amount_gbp',
      'Therapies,2025-26,1380000', 'Hospital education,2025-26,620000', 'Other spend,2025-26,2000000',
      'Therapies,2026-27,1421000', 'Hospital education,2026-27,639000', 'High needs spend,2026-27,2060000',
      'All other spend,2026-27,2060000',
    ].join('\n');
    writeFileSync(join(dir, 'other_spend.csv'), `${text}\n`);
    const [f] = (await validatePaths([join(dir, 'other_spend.csv')], { today: TODAY })).files;
    expect(f!.errors.map((e) => [e.line, e.column])).toEqual([[4, 'amount_gbp'], [7, 'amount_gbp'], [8, 'amount_gbp']]);
    expect(f!.errors[0]!.message).toBe(
      "'Other spend' (2025-26, £2,000,000) is the sum of the 2 rows of 2025-26 above it (lines 2–3): a total or subtotal row, which read as a line of its own would count them twice. " +
        'Delete it (the tool adds up the lines itself); if it is a line of spend of its own, check its figure, which cannot be all the others together',
    );
    // the same in a workbook, at the sheet's cell
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Other spend').addRows(text.split('\n').map((l, i) => (i === 0 ? l.split(',') : [l.split(',')[0], l.split(',')[1], Number(l.split(',')[2])])));
    await wb.xlsx.writeFile(join(dir, 'money.xlsx'));
    const [x] = (await validatePaths([join(dir, 'money.xlsx')], { today: TODAY })).files;
    expect(x!.errors.map((e) => [e.line, e.column])).toEqual([[4, 'Other spend!amount_gbp'], [7, 'Other spend!amount_gbp'], [8, 'Other spend!amount_gbp']]);
  });

  it('a line equal to one row above it, or to rows of another year, is a line', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'other_spend.csv'), `${OTHER}Direct payments,2025-26,620000\nTherapies,2026-27,2000000\n`);
    const [f] = (await validatePaths([join(dir, 'other_spend.csv')], { today: TODAY })).files;
    expect(f).toMatchObject({ rows: 4, errors: [] });
  });

  it('a line of spend whose name only holds the word total is a line', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'other_spend.csv'), `${OTHER}Total communication service,2025-26,50000\n`);
    const [f] = (await validatePaths([join(dir, 'other_spend.csv')], { today: TODAY })).files;
    expect(f).toMatchObject({ rows: 3, errors: [] });
  });

  it('a merged cell over figures is an error naming the range; a line merged down its years is read for each', async () => {
    // exceljs gives every cell of a merged range its figure: an amount merged over two years was read as both years'
    // (SEN support services of 2026-27 as 2025-26's £3,150,000), exit 0
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Other spend');
    ws.addRows([['line', 'financial_year', 'amount_gbp'], ['SEN support services', '2025-26', 3_150_000], [null, '2026-27', null], ['Therapies', '2025-26', 1_380_000], ['Therapies', '2026-27', 1_421_000]]);
    ws.mergeCells('A2:A3');
    ws.mergeCells('C2:C3');
    await wb.xlsx.writeFile(join(dir, 'money.xlsx'));
    const [f] = (await validatePaths([join(dir, 'money.xlsx')], { today: TODAY })).files;
    expect(f!.errors).toEqual([
      {
        line: 2,
        column: 'Other spend!amount_gbp',
        message: "cells Other spend!C2:C3 are merged over the 'amount_gbp' figures of rows 2–3: the sheet shows one figure ('3150000') where the table has one per row and column, and it is unclear whether it is each one's or theirs together. Unmerge the cells and write each cell's figure",
      },
    ]);
    ws.unMergeCells('C2:C3');
    ws.getCell('C3').value = 3_245_000;
    await wb.xlsx.writeFile(join(dir, 'money.xlsx'));
    const load = await loadIntoMemory([join(dir, 'money.xlsx')], { today: TODAY });
    try {
      expect(await load.warehouse.query('SELECT line, financial_year, amount_gbp FROM other_spend ORDER BY source_line')).toEqual([
        { line: 'SEN support services', financial_year: 2025, amount_gbp: 3_150_000 },
        { line: 'SEN support services', financial_year: 2026, amount_gbp: 3_245_000 },
        { line: 'Therapies', financial_year: 2025, amount_gbp: 1_380_000 },
        { line: 'Therapies', financial_year: 2026, amount_gbp: 1_421_000 },
      ]);
    } finally {
      load.warehouse.close();
    }
  });

  it('a hidden sheet holding a table is not read, with a warning naming it', async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Other spend').addRows([['line', 'financial_year', 'amount_gbp'], ['Therapies', '2025-26', 1_380_000]]);
    wb.addWorksheet('Other spend 2019', { state: 'hidden' }).addRows([['line', 'financial_year', 'amount_gbp'], ['Therapies (old)', '2025-26', 900_000]]);
    wb.addWorksheet('Costs old', { state: 'veryHidden' }).addRows([['placement', 'annual_cost_gbp', 'price_year'], ['ISS', 50_000, '2019-20']]);
    await wb.xlsx.writeFile(join(dir, 'tables.xlsx'));
    const [f] = (await validatePaths([join(dir, 'tables.xlsx')], { today: TODAY })).files;
    expect(f).toMatchObject({ rows: 1, errors: [] });
    expect(f!.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^sheet 'Other spend 2019' holds a table \(other-spend\) but is hidden: not read/),
      expect.stringMatching(/^sheet 'Costs old' holds a table \(unit-costs\) but is hidden: not read/),
    ]);
  });

  it.each([
    ['2025–26', 2025], ['2025 to 2026', 2025], ['FY2025-26', 2025], ['FY 25/26', 2025], ['25-26', 2025], ['2025/26', 2025], ['2025-2026', 2025],
  ])("a financial year written '%s' is read as %i-", async (text, fy) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'funding.csv'), `financial_year,hn_block_gbp\n${text},57170000\n`);
    const load = await loadIntoMemory([dir], { today: TODAY });
    try {
      expect(await load.warehouse.query('SELECT financial_year FROM funding')).toEqual([{ financial_year: fy }]);
    } finally {
      load.warehouse.close();
    }
  });

  it.each(['2026', 'FY2026', '26-28'])("a financial year written '%s' is an error: a year alone could be either of two", async (text) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'funding.csv'), `financial_year,hn_block_gbp\n${text},57170000\n`);
    const [f] = (await validatePaths([join(dir, 'funding.csv')], { today: TODAY })).files;
    expect(f!.errors).toEqual([{ line: 2, column: 'financial_year', message: expect.stringMatching(text === '26-28' ? /expected a financial year like 2024-25/ : /is a year, not a financial year: it could be 2025-26 \(ending March 2026\) or 2026-27/) }]);
  });

  it('a price year typed as a number in a workbook (2024) is an error, not 2024-25', async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Costs').addRows([['placement', 'annual_cost_gbp', 'price_year'], ['ISS', 64_000, 2024]]);
    await wb.xlsx.writeFile(join(dir, 'tables.xlsx'));
    const [f] = (await validatePaths([join(dir, 'tables.xlsx')], { today: TODAY })).files;
    expect(f!.errors.map((e) => `${e.line} ${e.column}: ${e.message}`)).toEqual([expect.stringMatching(/^2 Costs!price_year: '2024' is a year, not a financial year/)]);
  });

  it("a funding table saved from Excel's Accounting format (negatives in brackets, '-' for nil) loads as the numbers shown", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'funding.csv'), 'financial_year,hn_block_gbp,schools_block_transfer_gbp,other_income_gbp,import_export_adjustment_gbp\n2025-26," £57,170,000 ", - ,"420,000","(640,000)"\n');
    const load = await loadIntoMemory([dir], { today: TODAY });
    try {
      expect(await load.warehouse.query('SELECT hn_block_gbp, schools_block_transfer_gbp, other_income_gbp, import_export_adjustment_gbp FROM funding')).toEqual([
        { hn_block_gbp: 57_170_000, schools_block_transfer_gbp: 0, other_income_gbp: 420_000, import_export_adjustment_gbp: -640_000 },
      ]);
    } finally {
      load.warehouse.close();
    }
  });

  it('a workbook sheet with one column of a table misnamed is an error naming the sheet and the column, not a sheet passed over', async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Funding').addRows([['financial_year', 'hn_block_gbp'], ['2025-26', 57_170_000]]);
    wb.addWorksheet('Other spend').addRows([['Other spend'], ['line', 'financial_year', 'amount'], ['Therapies', '2025-26', 1_380_000]]);
    wb.addWorksheet('Notes').addRows([['financial_year', 'what'], ['2025-26', 'budget set']]);
    await wb.xlsx.writeFile(join(dir, 'tables.xlsx'));
    const [f] = (await validatePaths([join(dir, 'tables.xlsx')], { today: TODAY })).files;
    expect(f!.errors.map((e) => `${e.line}: ${e.message}`)).toEqual([
      "2: sheet 'Other spend' has the columns of a table (other-spend) but no 'amount_gbp' (its header has 'amount'): rename the column in the header and save again; the sheet is not read until then",
    ]);
    expect(f!.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^sheet 'Notes' is not a known input table/)]);
  });

  it.each([
    ['unit_costs.csv', 'placement,annual_cost_gbp,price_year\nISS,64000,2024-25\nTotal,64000,2024-25\n', 'placement'],
    ['places.csv', 'placement,financial_year,places,place_rate_gbp\nSSM,2025-26,428,10000\nTotal,2025-26,428,10000\n', 'placement'],
    ['funding.csv', 'financial_year,hn_block_gbp\n2025-26,57170000\nTotal,57170000\n', 'financial_year'],
  ])('a total row in %s is named as one', async (name, text, column) => {
    const dir = tempDir();
    writeFileSync(join(dir, name), text);
    const [f] = (await validatePaths([join(dir, name)], { today: TODAY })).files;
    expect(f!.errors).toEqual([{ line: 3, column, message: expect.stringMatching(/^'Total' is a total row/) }]);
  });

  it("a placement written as its name is read; a council's own wording names the placements it could be", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'unit_costs.csv'), 'placement,annual_cost_gbp,price_year\nIndependent special school,64000,2024-25\nla maintained  SPECIAL school,19500,2024-25\n');
    const load = await loadIntoMemory([dir], { today: TODAY });
    try {
      expect(await load.warehouse.query('SELECT placement, annual_cost_gbp FROM unit_cost ORDER BY source_line')).toEqual([
        { placement: 'ISS', annual_cost_gbp: 64_000 },
        { placement: 'SSM', annual_cost_gbp: 19_500 },
      ]);
    } finally {
      load.warehouse.close();
    }
    writeFileSync(join(dir, 'unit_costs.csv'), 'placement,annual_cost_gbp,price_year\nSpecial school,19500,2024-25\nindependent special,64000,2024-25\n');
    const [f] = (await validatePaths([join(dir, 'unit_costs.csv')], { today: TODAY })).files;
    expect(f!.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/Got: 'Special school' \(it could be SSM, la maintained special school; or SSA, special academy or free school; or ISS, independent special school; or NMSS, non-maintained special school: write the code\)$/),
      expect.stringMatching(/Got: 'independent special' \(it may be ISS, independent special school: write the code\)$/),
    ]);
  });
});

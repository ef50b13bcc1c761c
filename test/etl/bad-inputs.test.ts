import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HighneedsError } from '../../src/errors.ts';
import { loadPaths, warehouseStatus } from '../../src/etl/load.ts';
import { validatePaths } from '../../src/etl/validate.ts';
import { fixtures, tempDir, TODAY } from './helpers.ts';
import { sameBytes, warehouseBytes } from '../warehouse-bytes.ts';

const bad = join(fixtures, 'bad');
const files = readdirSync(bad).sort();
/** The message each bad fixture must produce (a fragment). */
const EXPECTED: Record<string, RegExp> = {
  'age-outside-range.csv': /expected a national curriculum year: N1, N2, R, 1 to 14/,
  'duplicate-column-disagrees.csv': /appears more than once/,
  'duplicate-key.csv': /placement 'SSM', financial year 2025-26 is given twice: here and on line 2/,
  'empty.csv': /empty/,
  // said 'expected a header row and data rows', the words for a table
  'empty-return.xml': /the file is empty: expected an XML document \(an SEN2 return/,
  // line 3 holds one field too many, the last empty (as a comma inside an unquoted value leaves it): read as it
  // stands, its figures would sit one column to the right, every one still a valid number
  'field-too-many-at-line-end.csv': /expected 17 fields as in the header, found 18, the last empty/,
  // a count with a fraction: '5.12' plans, or '6.534' written with a point for thousands, would be read as about
  // 6 plans where 6,534 were meant (the 2022 layout is read in SQL, the 2025 layout row by row: both refuse)
  'fractional-count.csv': /a whole number.*Got: 5\.12/,
  'fractional-count-2025.csv': /a whole number.*Got: 6\.534/,
  'future-date.csv': /not in the future/,
  'header-only.csv': /no data rows/,
  'missing-required-column.csv': /missing required column 'la_name'/,
  // funding.csv with import_export_adjustmnt_gbp: 'unknown column … is ignored (did you mean …)', a warning that run
  // never showed, and the -£640,000 a year of adjustments were left out of income (exit 0)
  'misspelt-money-column.csv': /column 'import_export_adjustmnt_gbp' is not a column of this table, and its column 'import_export_adjustment_gbp' is missing: its figures would be left out/,
  'mixed-years.csv': /mixed academic and calendar/,
  // a caseload of the 2025 layout with 2024 typed for 202425 ('Academic year' kept): read as January 2024, a year
  // early, with exit 0 (Kent's real caseload so rewritten gave its January 2022 plans as January 2021's)
  'year-typed-for-academic.csv': /time_period '2024' is one year but time_identifier says 'Academic year'.*202425 \(September 2024 to August 2025, census January 2025\)/,
  'near-known-layout.csv': /closest known layout: ees-2022-age-caseload \(missing 'total_all'\)/,
  'negative-count.csv': /0 or more/,
  // income kept in the ledger as negative spend: said only 'expected an amount of 0 or more', not where income goes
  'negative-other-spend.csv': /Got: -£500,000\. Income recorded as negative spend .* goes in the funding table's other_income_gbp for 2025-26 \(as 500,000\)/,
  'non-numeric-count.csv': /Got: 'lots'/,
  'not-text.bin': /not text/,
  'percentage-over-100.csv': /between 0 and 100/,
  'school-census-pipe-in-la.csv': /3-digit DfE LA code \(old_la_code\)\. Got: '92\|5'/,
  'school-census-year-2099.csv': /year 2099 is outside the range/,
  // a population row of age '-1' was left out with only a warning: the ages of such a file may be shifted or banded
  'snpp-age-minus-one.csv': /an age from 0 to 89, '90 and over' or 'All ages' \(ONS single years of age\)\. Got: '-1'/,
  'truncated-last-line.csv': /truncated/,
  'unknown-la-code.csv': /3-digit DfE LA code/,
  'unknown-layout.csv': /unknown layout/,
  'unknown-need.csv': /need code/,
  'unknown-placement.csv': /placement code/,
  'unknown-section-251-line.csv': /Section 251 line code .*did you mean 'top_up_independent'/,
  'utf16-text.csv': /UTF-16 text .*CSV UTF-8/,
  'wrong-delimiter.csv': /separated by ';'/,
  // a two-column table saved with semicolons was an 'unknown layout' (the delimiter was told from three fields only)
  'two-columns-semicolon.csv': /the columns are separated by ';'/,
  'year-out-of-range.csv': /outside the range/,
  // a High Needs block of £0 was taken as the figure: a year with no income from the block, with no word said
  // a unit cost and a place rate in £ thousands were used as pounds: the sample's ISS fee of 64 took 2025-26's spend
  // from £70.5m to £57.8m, and SSM places at 10 took £4.3m out of it, exit 0 and no word
  'unit-cost-in-thousands.csv': /the cost of a plan-year in pounds \(£100 or more, or 0 where the block pays nothing\)\. Got: 64, .*\(64,000 for £64,000\)/,
  'place-rate-in-thousands.csv': /a place rate in pounds .*Got: 10, .*\(10,000 for £10,000\)/,
  // an ISS fee of 64,000,000 (for £64,000) was only warned of through the outturn's scale, or not at all without one:
  // the sample's 2025-26 spend came to £12.4bn with exit 0
  'unit-cost-zeros-too-many.csv': /the cost of a plan-year in pounds below £1,000,000\. Got: 64000000, £64,000,000 a year, .*zeros too many/,
  'place-rate-zeros-too-many.csv': /a place rate in pounds below £1,000,000\. Got: 10000000, £10,000,000 a year, .*zeros too many/,
  'zero-hn-block.csv': /High Needs block allocation above £0 for 2026-27\. Got: 0/,
};

describe('bad inputs', () => {
  it('has an expectation for every fixture', () => {
    expect(files.filter((f) => !EXPECTED[f])).toEqual([]);
  });

  it.each(files)('%s: validate reports a located error', async (name) => {
    const { files: [f] } = await validatePaths([join(bad, name)], { today: TODAY });
    expect(f!.errors.length).toBeGreaterThan(0);
    expect(f!.errors.map((e) => e.message).join('\n')).toMatch(EXPECTED[name]!);
    if (!['not-text.bin', 'utf16-text.csv'].includes(name)) expect(f!.errors.some((e) => e.line !== undefined)).toBe(true);
  });

  it('a failed load leaves the warehouse exactly as it was', async () => {
    const wh = join(tempDir(), 'wh.duckdb');
    await loadPaths([join(fixtures, 'good/no-bom-lf.csv')], { warehouse: wh, today: TODAY });
    const before = await warehouseStatus(wh);
    const bytes = warehouseBytes(wh);
    for (const name of files) {
      const err = await loadPaths([join(fixtures, 'good/markers.csv'), join(bad, name)], { warehouse: wh, today: TODAY }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HighneedsError);
      const problems = (err as HighneedsError).problems;
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.every((p) => p.file?.endsWith(name))).toBe(true);
      // the same bytes are the same warehouse; otherwise what status reads must be the same
      if (!sameBytes(wh, bytes)) expect(await warehouseStatus(wh), name).toEqual(before);
    }
  });

  it('a failed first load does not leave a warehouse file behind', async () => {
    const wh = join(tempDir(), 'new.duckdb');
    await expect(loadPaths([join(bad, 'negative-count.csv')], { warehouse: wh, today: TODAY })).rejects.toThrow(/nothing was loaded/);
    await expect(warehouseStatus(wh)).rejects.toThrow(/not a highneeds warehouse/);
  });
});

describe('a cell of a table of your own that holds no figure', () => {
  it('a marker is named as the marker it is, an empty placement as an empty cell (not a code with a suggestion)', async () => {
    const dir = tempDir();
    const costs = join(dir, 'unit_costs.csv');
    writeFileSync(costs, 'placement,annual_cost_gbp,price_year\nISS,x,2024-25\nSSM,c,2024-25\nMS,,2024-25\n');
    const lookup = join(dir, 'establishments.csv');
    writeFileSync(lookup, 'urn,name,type_name,placement\n100001,Good School,Community school,\n');
    const { files: [c, l] } = await validatePaths([costs, lookup], { today: TODAY });
    expect(c!.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [2, 'annual_cost_gbp', "expected a number in 'annual_cost_gbp'. Got: 'x', the published statistics' marker for a figure that is unavailable: a table of your own gives the figure itself, so write it (0 where there is none)"],
      [3, 'annual_cost_gbp', "expected a number in 'annual_cost_gbp'. Got: 'c', the published statistics' marker for a figure that is suppressed: a table of your own gives the figure itself, so write it (0 where there is none)"],
      [4, 'annual_cost_gbp', "expected a figure in 'annual_cost_gbp', found an empty cell: write it (0 where there is none), or delete the row until it is known"],
    ]);
    expect(l!.errors.map((e) => [e.line, e.column, e.message])).toEqual([[2, 'placement', 'expected a placement code (EY, MS, RP, …), found an empty cell']]);
  });
});

describe('an ONS projection row of an age that is not one', () => {
  it('is an error on its line when it is a population row; the same label in another component is not read', async () => {
    const { files: [f] } = await validatePaths([join(bad, 'snpp-age-minus-one.csv')], { today: TODAY });
    // line 2 (Population, -1) only: line 5 is a Births row, which the reader does not use
    expect(f!.errors.map((e) => e.line)).toEqual([2]);
    expect(f!.errors[0]!.column).toBe('age_group');
  });
});

describe('a NUL byte past the head a file is recognised by', () => {
  // the head (8 KB) is where a file is told to be text: a NUL past it in a name was read into the value without a
  // word (the sample's projection with one in AREA_NAME at line 139: exit 0), and in a figure echoed raw to the terminal
  const withNul = (file: string, line: number, field: number): string => {
    const lines = readFileSync(join('data-samples', file), 'utf8').split('\n');
    const fields = lines[line - 1]!.split(',');
    fields[field] = `${fields[field]}\0`;
    lines[line - 1] = fields.join(',');
    const p = join(tempDir(), file);
    writeFileSync(p, lines.join('\n'));
    return p;
  };

  it.each([
    ['snpp_2022based_E99999999.csv', 139, 1], // read row by row
    ['sen2_estab_caseload.csv', 300, 9], // the 2022 layout, staged in DuckDB
  ])('%s: an error at its line, nothing read', async (file, line, field) => {
    const p = withNul(file, line, field);
    const { files: [f] } = await validatePaths([p], { today: TODAY });
    expect(f!.rows).toBe(0);
    expect(f!.errors).toEqual([expect.objectContaining({ line, message: expect.stringMatching(new RegExp(`^line ${line} holds a NUL byte \\(0x00\\), which no text file has: the file is damaged there`)) })]);
  });
});

describe('a cell of megabytes', () => {
  // a damaged or hostile file's cell was quoted whole in 'Got: …': two such cells put 10 MB on stderr (and as many
  // bytes in every error kept), for a table of your own, a published table staged in DuckDB or a column's name
  it('is quoted by its start and its length, in a message of bounded size', async () => {
    const dir = tempDir();
    const spend = join(dir, 'other_spend.csv');
    writeFileSync(spend, `line,financial_year,amount_gbp\nA,2025-26,${'9'.repeat(1_000_000)}\nB,${'Y'.repeat(1_000_000)},5\n`);
    const lines = readFileSync(join('data-samples', 'sen2_estab_caseload.csv'), 'utf8').split('\n');
    const at = lines[0]!.split(',').indexOf('Total_all');
    const fields = lines[5]!.split(',');
    fields[at] = 'Z'.repeat(1_000_000);
    lines[5] = fields.join(',');
    const published = join(dir, 'sen2_estab_caseload.csv');
    writeFileSync(published, lines.join('\n'));
    const costs = join(dir, 'unit_costs.csv');
    writeFileSync(costs, `placement,annual_cost_gbp,price_year,${'z'.repeat(60_000)}\nISS,50000,2024-25,1\n`);
    const { files } = await validatePaths([spend, published, costs], { today: TODAY });
    const problems = files.flatMap((f) => [...f.errors, ...f.warnings]);
    expect(problems.map((p) => p.line)).toEqual([2, 3, 6, 1]);
    for (const p of problems) expect(p.message.length).toBeLessThan(400);
    expect(problems[0]!.message).toMatch(/Got: '9{79}… \(1,000,00\d characters without a space\)$/);
    expect(problems[2]!.message).toMatch(/Got: 'Z{79}… \(1,000,00\d characters without a space\)$/);
    expect(problems[3]!.message).toMatch(/unknown column 'z+… \(60,00\d characters without a space\) is ignored/);
  });
});

describe('a name of 40,000 characters in a table of your own', () => {
  // was written into the workbook's cells, which hold at most 32,767 characters: Excel repaired the workbook to open it
  it('is an error at its line and column; 200 characters is a name', async () => {
    const dir = tempDir();
    const spend = join(dir, 'other_spend.csv');
    writeFileSync(spend, `line,financial_year,amount_gbp\n${'X'.repeat(40_000)},2025-26,100\n${'Y'.repeat(200)},2025-26,100\n`);
    const { files: [f] } = await validatePaths([spend], { today: TODAY });
    expect(f!.errors.map((e) => [e.line, e.column])).toEqual([[2, 'line']]);
    expect(f!.errors[0]!.message).toMatch(/^expected a name of at most 200 characters .*found 40,000: 'X{60}…'/);
    expect(f!.rows).toBe(2);
  });
});

describe('a population projection none of whose columns is a year', () => {
  // '2022.0' … as another program re-saves them: no figure was read, only 'unknown column' warnings, exit 0, and a
  // run held the population flat from 2022 naming no cause
  it('is an error at line 1 naming what was found', async () => {
    const lines = readFileSync(join('data-samples', 'snpp_2022based_E99999999.csv'), 'utf8').split('\n');
    lines[0] = lines[0]!.split(',').map((c) => (/^\d{4}$/.test(c) ? `${c}.0` : c)).join(',');
    const p = join(tempDir(), 'snpp.csv');
    writeFileSync(p, lines.join('\n'));
    const { files: [f] } = await validatePaths([p], { today: TODAY });
    expect(f!.errors.map((e) => [e.line, e.message])).toEqual([
      [1, "no column of the projection is a year (2022, 2023, …): found '2022.0', '2023.0', '2024.0', so no figure can be read: name each year's column by its 4-digit year, as ONS publishes it"],
    ]);
  });
});

describe("an LA's name of 40,000 characters in a published table", () => {
  // went into the workbook's cells (at most 32,767 characters), the report and a note on stderr
  it.each([true, false])('is an error at its line and column (set-based: %s)', async (setBased) => {
    const lines = readFileSync(join('data-samples', 'sen2_estab_caseload.csv'), 'utf8').split('\n');
    lines[5] = lines[5]!.replace(',Anyshire,', `,${'X'.repeat(40_000)},`);
    const p = join(tempDir(), 'sen2_estab_caseload.csv');
    writeFileSync(p, lines.join('\n'));
    const { files: [f] } = await validatePaths([p], { today: TODAY, setBased });
    expect(f!.errors.map((e) => [e.line, e.column])).toEqual([[6, 'la_name']]);
    expect(f!.errors[0]!.message).toMatch(/^expected a name of at most 200 characters .*found 40,000/);
  });
});

describe('a name holding a control character', () => {
  // 'Any<BEL>shire<ESC>[31m' as the LA's name in the published tables ran with exit 0: the characters went raw into the
  // workbook's chart titles (drawing XML that XML forbids them in: Excel repaired the file, dropping its charts), the
  // report, every CSV and stderr
  it.each([true, false])("in a published table's la_name is an error at its line and column (set-based: %s)", async (setBased) => {
    const lines = readFileSync(join('data-samples', 'sen2_estab_caseload.csv'), 'utf8').split('\n');
    lines[5] = lines[5]!.replace(',Anyshire,', ',Any\u0007shire\u001b[31m,');
    const p = join(tempDir(), 'sen2_estab_caseload.csv');
    writeFileSync(p, lines.join('\n'));
    const { files: [f] } = await validatePaths([p], { today: TODAY, setBased });
    expect(f!.errors.map((e) => [e.line, e.column])).toEqual([[6, 'la_name']]);
    expect(f!.errors[0]!.message).toBe(
      "expected a name without control characters ('\\x07' at character 4 is one: invisible on screen, and a workbook holding one is damaged, Excel repairing it and dropping its charts): remove it",
    );
  });

  it('in a table of your own is an error at its line and column; other characters are a name', async () => {
    const spend = join(tempDir(), 'other_spend.csv');
    writeFileSync(spend, 'line,financial_year,amount_gbp\nTher\u001b[2Japies,2025-26,100\nThérapies – outreach,2025-26,100\n');
    const { files: [f] } = await validatePaths([spend], { today: TODAY });
    expect(f!.errors.map((e) => [e.line, e.column, e.message.slice(0, 60)])).toEqual([[2, 'line', "expected a name without control characters ('\\x1b' at charac"]]);
  });
});

/**
 * A money table headed by another calendar's year (academic_year, year) is refused saying what was found, that the
 * money tables are by financial year (April to March) and what to write: it read "missing 'financial_year'" alone.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { otherYearColumn } from '../../src/domain/years.ts';
import { validatePaths } from '../../src/etl/validate.ts';
import { runCli } from '../cli/helpers.ts';
import { tempDir, TODAY } from './helpers.ts';

describe('a money table by another year than the financial year', () => {
  it.each([
    ['funding.csv', 'academic_year,hn_block_gbp\n2025/26,57170000\n', 'funding'],
    ['other_spend.csv', 'line,academic_year,amount_gbp\nTherapies,2025/26,1380000\n', 'other-spend'],
    ['places.csv', 'placement,Academic Year,places,place_rate_gbp\nSSM,2025/26,428,10000\n', 'places'],
  ])('%s headed academic_year says it found it, that money is by financial year, and what to write', async (name, text, table) => {
    const dir = tempDir();
    writeFileSync(join(dir, name), text);
    const [f] = (await validatePaths([join(dir, name)], { today: TODAY })).files;
    expect(f!.errors).toHaveLength(1);
    const m = f!.errors[0]!.message;
    expect(m).toMatch(new RegExp(`closest known layout: ${table} \\(missing 'financial_year'; found 'academic[ _]year' where 'financial_year' is expected`));
    expect(m).toContain('by financial year (April to March, written 2025-26)');
    expect(m).toContain('not by academic year (September to August)');
    expect(m).toContain('name the column financial_year');
  });

  it('a bare year column is named too, without the academic year’s months; a header with financial_year is not', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'reserves.csv'), 'year,usable_reserves_gbp\n2025,21000000\n');
    const [f] = (await validatePaths([join(dir, 'reserves.csv')], { today: TODAY })).files;
    expect(f!.errors[0]!.message).toMatch(/reserves \(missing 'financial_year'; found 'year' where 'financial_year' is expected: .*if they are for another kind of year/);
    expect(f!.errors[0]!.message).not.toContain('September');
    expect(otherYearColumn(['financial_year', 'hn_block_gbp'])).toBeUndefined();
    expect(otherYearColumn(['price_year', 'annual_cost_gbp'])).toBeUndefined();
  });

  it('a workbook sheet headed academic_year is not told to rename the column alone', async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Other spend').addRows([['line', 'academic_year', 'amount_gbp'], ['Therapies', '2025/26', 1_380_000]]);
    await wb.xlsx.writeFile(join(dir, 'tables.xlsx'));
    const [f] = (await validatePaths([join(dir, 'tables.xlsx')], { today: TODAY })).files;
    expect(f!.errors.map((e) => e.message)).toContainEqual(
      expect.stringMatching(/^sheet 'Other spend' has the columns of a table \(other-spend\) but no 'financial_year': found 'academic_year' where .*not by academic year \(September to August\)\. If the figures are for financial years, name the column financial_year; .*; the sheet is not read until then$/),
    );
  });

  it('validate prints it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'funding.csv'), 'academic_year,hn_block_gbp\n2025/26,57170000\n');
    const r = await runCli('validate', join(dir, 'funding.csv'));
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/funding \(missing 'financial_year'; found 'academic_year' where 'financial_year' is expected: the money tables are by financial year \(April to March/);
  });
});

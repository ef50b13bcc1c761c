/**
 * One of the council's money tables with a column misnamed (`amount` for `amount_gbp`, `outturn` for `outturn_gbp`)
 * is read by no reader. A run passed it over: £0 of other spend with a note calling the table empty, and an outturn
 * left unreconciled with no note at all (the sample's 2025-26 balance -£29.5m became -£31.0m, exit 0). A run asked
 * for a budget now stops, naming the file and the column; a stray file sharing one column with a table does not.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyBudgetTables } from '../../src/budget/tables.ts';
import { loadIntoMemory } from '../../src/etl/load.ts';
import { checkMoneyTables, unreadFiles } from '../../src/pipeline/gates.ts';
import { tempDir } from '../temp.ts';

const TODAY = new Date('2026-03-01T00:00:00Z');
const TABLES = { ...emptyBudgetTables(), unitCosts: [{ placement: 'ISS' as const, annualCostGbp: 64_000, priceYear: 2024 }], funding: [{ fy: 2025, hnBlockGbp: 57e6 }], openingBalances: [{ fy: 2024, balanceGbp: -18.4e6 }], places: [{ placement: 'SSM' as const, fy: 2025, places: 428, placeRateGbp: 10_000 }], otherSpend: [{ line: 'Therapies', fy: 2025, amountGbp: 1_380_000 }] };

async function check(files: Record<string, string | Buffer>): Promise<() => void> {
  const dir = tempDir('money-misnamed-');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const load = await loadIntoMemory([dir], { today: TODAY });
  load.warehouse.close();
  return () => checkMoneyTables(TABLES, load.loaded, dir, unreadFiles(load.skipped, load.warnings));
}

describe('a money table with a column misnamed', () => {
  it.each([
    ['other_spend.csv', 'line,financial_year,amount\nTherapies,2025-26,1380000\n', /other_spend\.csv: unknown layout: .*closest known layout: other-spend \(missing 'amount_gbp'\)/],
    ['section_251_outturn.csv', 'section_251_line,financial_year,outturn\ntherapies,2025-26,1380000\n', /closest known layout: section-251-outturn \(missing 'outturn_gbp'\)/],
    ['places.csv', 'placement,financial_year,places,rate_gbp\nSSM,2025-26,428,10000\n', /closest known layout: places \(missing 'place_rate_gbp'\)/],
    // two-column tables, told from a stray file by a word of theirs in the other column's name or the file's: the
    // opening balance passed over started the cumulative balance from £0, moving every year by the council's deficit
    ['balances.csv', 'financial_year,dsg_balance_gbp\n2024-25,-18400000\n', /opening-balance \(missing 'dsg_cumulative_balance_gbp'\)/],
    ['opening_balance.csv', 'financial_year,value_gbp\n2024-25,-18400000\n', /opening-balance \(missing 'dsg_cumulative_balance_gbp'\)/],
    ['reserves.csv', 'financial_year,reserves_gbp\n2024-25,30000000\n', /reserves \(missing 'usable_reserves_gbp'\)/],
  ])('%s stops a run asked for a budget, naming the file and the column', async (name, text, column) => {
    const fail = await check({ [name]: text });
    expect(fail).toThrow(/^No budget can be modelled from .*: a money table was not read \(why is below\)/);
    expect(fail).toThrow(column);
  });

  it('a stray file sharing one column with a table is passed over, as before', async () => {
    const pass = await check({ 'budget.csv': 'financial_year,budget_gbp\n2025-26,100\n', 'notes.csv': 'what,when\nchecked,today\n' });
    expect(pass).not.toThrow();
  });

  // A table no reader could read at all was passed over in the same way: the sample's other spend saved with
  // semicolons (as Excel saves "CSV" where the comma is the decimal point) ran with exit 0, £0 of other spend and
  // its 2028-29 balance -£71.2m instead of -£104.5m; its opening balance saved as UTF-16 started from £0 (-£86.1m)
  const utf16 = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  it.each([
    ['other_spend.csv', 'line;financial_year;amount_gbp\nTherapies;2025-26;1380000\n', /other_spend\.csv: the columns are separated by ';'/],
    ['places.csv', 'placement\tfinancial_year\tplaces\tplace_rate_gbp\nSSM\t2025-26\t428\t10000\n', /places\.csv: the columns are separated by tabs/],
    ['opening_balance.csv', utf16('financial_year,dsg_cumulative_balance_gbp\r\n2024-25,-18400000\r\n'), /opening_balance\.csv: .*UTF-16/],
    ['balances.csv', 'financial_year|dsg_cumulative_balance_gbp\n2024-25|-18400000\n', /balances\.csv: the columns are separated by '\|'/],
    // bytes that are no table at all: the table its name says
    ['other_spend.csv', 'line,financial_year,amount_gbp\nTherapies,2025-26,1380000\n\0', /other_spend\.csv: the file is not text/],
    ['Section_251_Outturn.CSV', Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), /Section_251_Outturn\.CSV: .*gzip/],
    ['reserves.csv', '', /reserves\.csv: the file is empty/],
    // a damaged workbook of any name: only money tables are read from workbooks (an empty or truncated one was passed
    // over with no word on stderr, and the tables it held were empty in the run)
    ['Anyshire money.xlsx', '', /Anyshire money\.xlsx: /],
    ['tables.xlsm', Buffer.from('PK\u0003\u0004 cut short'), /tables\.xlsm: the workbook is damaged/],
  ])('%s that no reader could read stops a run asked for a budget, saying why', async (name, bytes, why) => {
    const fail = await check({ [name]: bytes });
    expect(fail).toThrow(/^No budget can be modelled from .*: a money table was not read \(why is below\)/);
    expect(fail).toThrow(why);
  });

  it('a stray file of no table, in any delimiter or none, is passed over', async () => {
    // nor is the lock file Excel keeps beside a workbook it has open (165 bytes, no workbook)
    const pass = await check({ 'notes.csv': 'a;b;c\n1;2;3\n', 'picture.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'empty.csv': '', '~$money.xlsx': Buffer.alloc(165, 0x20) });
    expect(pass).not.toThrow();
  });
});

describe('the refusal of goal-seek', () => {
  it('does not offer --demand-only, which goal-seek has not (typed, it is "unknown option")', async () => {
    const dir = tempDir('money-misnamed-');
    writeFileSync(join(dir, 'other_spend.csv'), 'line,financial_year,amount\nTherapies,2025-26,1380000\n');
    const load = await loadIntoMemory([dir], { today: TODAY });
    load.warehouse.close();
    const unread = unreadFiles(load.skipped, load.warnings);
    expect(() => checkMoneyTables(TABLES, load.loaded, dir, unread)).toThrow(/or run with --demand-only/);
    expect(() => checkMoneyTables(TABLES, load.loaded, dir, unread, 'goal-seek')).toThrow(/goal-seek seeks a money target: it has no --demand-only\)\.$/);
    expect(() => checkMoneyTables(TABLES, load.loaded, dir, unread, 'goal-seek')).not.toThrow(/or run with --demand-only/);
  });
});

/**
 * Overlapping data is recognised by content: a copy of a file with other bytes (CRLF) counts once with a note;
 * two files of one release that disagree, and duplicate keys in the own tables, are errors naming both places.
 */
import { describe, expect, it } from 'vitest';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HighneedsError } from '../../src/errors.ts';
import { loadIntoMemory, loadPaths } from '../../src/etl/load.ts';
import { validatePaths } from '../../src/etl/validate.ts';
import { withTempDir } from '../temp.ts';
import { TODAY } from './helpers.ts';

const BASE_TOTAL = `SELECT sum(count) AS n FROM stock WHERE geographic_level = 'Local authority' AND census_year = 2022
  AND age_from = 0 AND age_to = 25 AND need = 'ALL' AND placement = 'ALL' AND measure = 'plans'`;

async function failure(p: Promise<unknown>): Promise<HighneedsError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(HighneedsError);
  return e as HighneedsError;
}

function allText(e: HighneedsError): string {
  return [e.message, ...e.problems.map((p) => `${p.file ?? ''}:${p.line ?? ''} ${p.message}`)].join('\n');
}

describe('published figures from two files', () => {
  it('a CRLF copy of sen2_age_caseload.csv does not double the plans, and says so once', async () => {
    await withTempDir(async (d) => {
      await copyFile('data-samples/sen2_age_caseload.csv', join(d, 'sen2_age_caseload.csv'));
      const text = await readFile('data-samples/sen2_age_caseload.csv', 'utf8');
      await writeFile(join(d, 'copy.csv'), text.replace(/\r?\n/g, '\r\n'));
      const one = await loadIntoMemory(['data-samples/sen2_age_caseload.csv'], { today: TODAY });
      const [{ n: expected }] = await one.warehouse.query<{ n: number }>(BASE_TOTAL);
      one.warehouse.close();
      const two = await loadIntoMemory([d], { today: TODAY });
      try {
        const [{ n }] = await two.warehouse.query<{ n: number }>(BASE_TOTAL);
        expect(n).toBe(expected);
        const notes = two.warnings.filter((w) => /counted once/.test(w.message));
        expect(notes).toHaveLength(1);
        expect(notes[0]!.message).toContain('copy.csv');
      } finally {
        two.warehouse.close();
      }
    });
  });

  it('a copy loaded into a warehouse later is counted once too', async () => {
    await withTempDir(async (d) => {
      const wh = join(d, 'w.duckdb');
      await loadPaths(['data-samples/sen2_age_caseload.csv'], { warehouse: wh, today: TODAY });
      const text = await readFile('data-samples/sen2_age_caseload.csv', 'utf8');
      await writeFile(join(d, 'copy.csv'), text.replace(/\r?\n/g, '\r\n'));
      const r = await loadPaths([join(d, 'copy.csv')], { warehouse: wh, today: TODAY });
      expect(r.loaded).toHaveLength(1);
    });
  });

  it('two files of one release with different figures for one LA and year: exit 1 naming both files and lines', async () => {
    await withTempDir(async (d) => {
      const text = await readFile('data-samples/sen2_age_caseload.csv', 'utf8');
      await writeFile(join(d, 'a.csv'), text);
      // change one figure of the copy: the 2022 total of plans
      expect(text).toContain('Anyshire,Total,z,z,2164,100,2164,100');
      await writeFile(join(d, 'b.csv'), text.replace('Anyshire,Total,z,z,2164,100,2164,100', 'Anyshire,Total,z,z,2164,100,2160,100'));
      const e = await failure(loadIntoMemory([d], { today: TODAY }));
      expect(e.exitCode).toBe(1);
      const t = allText(e);
      expect(t).toMatch(/a\.csv line \d+/);
      expect(t).toMatch(/b\.csv line \d+/);
      expect(t).toMatch(/different figures/);
    });
  });
});

describe('two versions of one release whose flow files differ in one file only', () => {
  it('the error is on the file that differs, not on another file of the table that repeats its figures', async () => {
    await withTempDir(async (d) => {
      const lead = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name';
      const row = '2024,Calendar year,Local authority,E92000001,England,E12000004,East Midlands,E10000019,925,Lincolnshire';
      for (const [v, ceased] of [['a', 90], ['b', 91]] as const) {
        await mkdir(join(d, v));
        // the same figure, other bytes (b's saved with CRLF): not skipped as a copy of a's, but compared
        await writeFile(join(d, v, 'assessments.csv'), `${lead},assess_issued\n${row},200\n`.replace(/\n/g, v === 'b' ? '\r\n' : '\n'));
        await writeFile(join(d, v, 'ceased_plans.csv'), `${lead},total_ceased\n${row},${ceased}\n`);
      }
      const e = await failure(loadIntoMemory([d], { today: TODAY }));
      expect(e.problems.map((p) => p.file)).toEqual([join(d, 'b', 'ceased_plans.csv')]);
    });
  });
});

describe('own tables', () => {
  it('a funding table giving a year twice, and two opening balances, are errors naming both lines', async () => {
    await withTempDir(async (d) => {
      await writeFile(join(d, 'funding.csv'), 'financial_year,hn_block_gbp\n2025-26,56650000\n2026-27,58630000\n2025-26,43350000\n');
      await writeFile(join(d, 'opening.csv'), 'financial_year,dsg_cumulative_balance_gbp\n2024-25,-18400000\n2023-24,-12000000\n');
      const { files } = await validatePaths([d], { today: TODAY });
      const funding = files.find((f) => f.path.endsWith('funding.csv'))!;
      expect(funding.errors).toHaveLength(1);
      expect(funding.errors[0]!.line).toBe(4);
      expect(funding.errors[0]!.message).toMatch(/financial year 2025-26 is given twice: here and on line 2/);
      const opening = files.find((f) => f.path.endsWith('opening.csv'))!;
      expect(opening.errors[0]!.line).toBe(3);
      expect(opening.errors[0]!.message).toMatch(/an opening balance is given twice: here and on line 2/);
    });
  });

  it('two funding files: identical rows count once; different rows for one year are an error naming both files', async () => {
    await withTempDir(async (d) => {
      await copyFile('data-samples/funding.csv', join(d, 'funding.csv'));
      const text = await readFile('data-samples/funding.csv', 'utf8');
      await writeFile(join(d, 'funding-copy.csv'), text.replace(/\r?\n/g, '\r\n'));
      const m = await loadIntoMemory([d], { today: TODAY });
      try {
        const rows = await m.warehouse.query<{ n: number }>('SELECT count(*) AS n FROM funding');
        expect(rows[0]!.n).toBe(text.trim().split('\n').length - 1);
      } finally {
        m.warehouse.close();
      }
      await writeFile(join(d, 'funding-copy.csv'), text.replace('57170000', '43350000'));
      const e = await failure(loadIntoMemory([d], { today: TODAY }));
      expect(e.exitCode).toBe(1);
      expect(allText(e)).toMatch(/funding table gives financial year 2025-26 in two files with different values: .*funding-copy\.csv.*funding\.csv|funding\.csv.*funding-copy\.csv/);
    });
  });

  it('names both files and lines for a key two own-table files give differently; identical rows are counted once and said once', async () => {
    await withTempDir(async (d) => {
      await writeFile(join(d, 'opening.csv'), 'financial_year,dsg_cumulative_balance_gbp\n2024-25,-18400000\n');
      await writeFile(join(d, 'opening-v2.csv'), 'financial_year,dsg_cumulative_balance_gbp\n2024-25,"-£17,900,000"\n');
      await writeFile(join(d, 'costs.csv'), 'placement,annual_cost_gbp,price_year\nISS,60000,2024-25\nSSM,24000,2024-25\n');
      await writeFile(join(d, 'costs-copy.csv'), 'placement,annual_cost_gbp,price_year\r\nSSM,"£24,000",2024-25\r\nISS,60000,2024-25\r\n');
      const e = await failure(loadIntoMemory([d], { today: TODAY }));
      expect(e.exitCode).toBe(1);
      const t = allText(e);
      expect(t).toMatch(/opening-balance table gives an opening balance in two files with different values: \S*opening(-v2)?\.csv line 2 and \S*opening(-v2)?\.csv line 2/);
      expect(t).toContain('opening.csv line 2');
      expect(t).toContain('opening-v2.csv line 2');
      // the unit costs agree (the same figures, other bytes): no error for them
      expect(t).not.toMatch(/unit-costs table/);

      await writeFile(join(d, 'opening-v2.csv'), 'financial_year,dsg_cumulative_balance_gbp\n2024-25,-£18,400,000\n'.replace('-£18,400,000', '"-£18,400,000"'));
      const m = await loadIntoMemory([d], { today: TODAY });
      try {
        const [{ n }] = await m.warehouse.query<{ n: number }>('SELECT count(*) AS n FROM unit_cost');
        expect(Number(n)).toBe(2);
        const [{ b }] = await m.warehouse.query<{ b: number }>('SELECT count(*) AS b FROM opening_balance');
        expect(Number(b)).toBe(1);
        // said once per pair of files, not once per row
        const notes = m.warnings.filter((w) => /counted once/.test(w.message));
        expect(notes.filter((w) => w.message.includes('costs'))).toHaveLength(1);
        expect(notes.filter((w) => w.message.includes('opening'))).toHaveLength(1);
      } finally {
        m.warehouse.close();
      }
    });
  });

  it('years and amounts outside their range are refused', async () => {
    await withTempDir(async (d) => {
      await writeFile(join(d, 'funding.csv'), 'financial_year,hn_block_gbp\n2099-00,1\n2025-26,1e308\n');
      const { files } = await validatePaths([d], { today: TODAY });
      const msgs = files[0]!.errors.map((e) => `${e.line}: ${e.message}`).join('\n');
      expect(msgs).toMatch(/^2: .*2099/m);
      expect(msgs).toMatch(/^3: .*at most 1e12/m);
    });
  });
});

describe('duplicate rows within one EES file', () => {
  const sample = 'data-samples/sen2_age_caseload.csv';
  const lines = async () => (await readFile(sample, 'utf8')).replace(/\r?\n$/, '').split(/\r?\n/);

  it('a line repeated exactly is counted once and said once', async () => {
    await withTempDir(async (d) => {
      const l = await lines();
      await writeFile(join(d, 'sen2_age_caseload.csv'), [...l, l[1], l[2], l[1]].join('\n') + '\n');
      const one = await loadIntoMemory([sample], { today: TODAY });
      const [{ n: expected }] = await one.warehouse.query<{ n: number }>(BASE_TOTAL);
      one.warehouse.close();
      const two = await loadIntoMemory([d], { today: TODAY });
      try {
        const [{ n }] = await two.warehouse.query<{ n: number }>(BASE_TOTAL);
        expect(n).toBe(expected);
        const notes = two.warnings.filter((w) => /repeats line/.test(w.message));
        expect(notes).toHaveLength(1);
        expect(notes[0]!.message).toBe(`line ${l.length + 1} repeats line 2 (the same LA, year, breakdown and figures); 3 lines in all repeat earlier lines: counted once`);
      } finally {
        two.warehouse.close();
      }
    });
  });

  it('a line giving the same LA, year and age as another with a different figure is exit 1 naming both lines', async () => {
    await withTempDir(async (d) => {
      const l = await lines();
      const changed = l[1]!.replace(/,2164,100,2164,100$/, ',2164,100,2200,100');
      expect(changed).not.toBe(l[1]);
      const p = join(d, 'sen2_age_caseload.csv');
      await writeFile(p, [...l, changed].join('\n') + '\n');
      const e = await failure(loadPaths([p], { warehouse: join(d, 'w.duckdb'), today: TODAY }));
      expect(e.exitCode).toBe(1);
      expect(allText(e)).toContain(`${p}:${l.length + 1} this line gives the same LA, year and breakdown as line 2 but a different total_all`);
      const { files } = await validatePaths([p], { today: TODAY });
      expect(files[0]!.errors[0]).toMatchObject({ line: l.length + 1, message: expect.stringMatching(/as line 2 but a different total_all/) });
    });
  });
});


describe('population from two files, or twice in one', () => {
  const POPULATION = `SELECT sum(count) AS n FROM population WHERE age BETWEEN 0 AND 25`;

  it('a copy of a mid-year estimate file under another name adds no children, and says so once', async () => {
    await withTempDir(async (d) => {
      await copyFile('data-samples/ons_mye_2019.csv', join(d, 'ons_mye_2019.csv'));
      // other bytes (CRLF), the same figures: a byte-for-byte copy is skipped before it is read
      const text = await readFile('data-samples/ons_mye_2019.csv', 'utf8');
      await writeFile(join(d, 'ons_mye_2019 (1).csv'), text.replace(/\r?\n/g, '\r\n'));
      const one = await loadIntoMemory(['data-samples/ons_mye_2019.csv'], { today: TODAY });
      const [{ n: expected }] = await one.warehouse.query<{ n: number }>(POPULATION);
      one.warehouse.close();
      const two = await loadIntoMemory([d], { today: TODAY });
      try {
        const [{ n }] = await two.warehouse.query<{ n: number }>(POPULATION);
        expect(n).toBe(expected);
        expect(two.warnings.filter((w) => /counted once/.test(w.message))).toHaveLength(1);
      } finally {
        two.warehouse.close();
      }
    });
  });

  it('two projection files with different figures for one area (two vintages): exit 1 naming both files', async () => {
    await withTempDir(async (d) => {
      const text = await readFile('data-samples/snpp_2022based_E99999999.csv', 'utf8');
      await writeFile(join(d, 'snpp_2022based.csv'), text);
      // an older vintage: every figure 2% lower
      await writeFile(join(d, 'snpp_2018based.csv'), text.replace(/\d+\.\d+/g, (v) => (Number(v) * 0.98).toFixed(3)));
      const e = await failure(loadIntoMemory([d], { today: TODAY }));
      expect(allText(e)).toMatch(/two population files of one kind[^\n]*snpp_2018based\.csv[^\n]*snpp_2022based\.csv|two population files of one kind[^\n]*snpp_2022based\.csv[^\n]*snpp_2018based\.csv/);
    });
  });

  it('a projection row or an estimate area given twice in one file is an error naming both lines', async () => {
    await withTempDir(async (d) => {
      const snpp = (await readFile('data-samples/snpp_2022based_E99999999.csv', 'utf8')).split(/\r?\n/).filter(Boolean);
      await writeFile(join(d, 'snpp.csv'), [...snpp, snpp[3]!.replace(/\d+\.\d+/, '1.000')].join('\n') + '\n');
      const mye = (await readFile('data-samples/ons_mye_2019.csv', 'utf8')).split(/\r?\n/).filter(Boolean);
      await writeFile(join(d, 'ons_mye_2019.csv'), [...mye, mye[1]!].join('\n') + '\n');
      const { files: [s, m] } = await validatePaths([join(d, 'snpp.csv'), join(d, 'ons_mye_2019.csv')], { today: TODAY });
      expect(s!.errors[0]).toMatchObject({ line: snpp.length + 1, message: expect.stringMatching(/age '2' is given twice: here and on line 4/) });
      expect(m!.errors[0]).toMatchObject({ line: mye.length + 1, message: expect.stringMatching(/area E99999999 in 2019 is given twice: here and on line 2/) });
    });
  });

  it("a projection row under another label of the same sex ('male' beside 'males') is given twice; an unknown SEX is refused", async () => {
    await withTempDir(async (d) => {
      const snpp = (await readFile('data-samples/snpp_2022based_E99999999.csv', 'utf8')).split(/\r?\n/).filter(Boolean);
      const male5 = snpp.findIndex((l) => /,males,5,/.test(l));
      expect(male5).toBeGreaterThan(0);
      // without a persons row for age 5, 'male' and 'males' were both added to the females: twice the boys of age 5
      const twice = snpp.filter((l) => !/,persons,5,/.test(l)).concat(snpp[male5]!.replace(',males,', ',male,'));
      await writeFile(join(d, 'twice.csv'), twice.join('\n') + '\n');
      await writeFile(join(d, 'other.csv'), snpp.map((l, i) => (i === male5 ? l.replace(',males,', ',boys,') : l)).join('\n') + '\n');
      const { files: [t, o] } = await validatePaths([join(d, 'twice.csv'), join(d, 'other.csv')], { today: TODAY });
      expect(t!.errors[0]).toMatchObject({ line: twice.length, message: expect.stringMatching(/sex 'male', age '5' is given twice: here and on line /) });
      expect(o!.errors[0]).toMatchObject({ line: male5 + 1, column: 'sex', message: expect.stringMatching(/expected SEX persons, males or females\. Got: 'boys'/) });
    });
  });
});

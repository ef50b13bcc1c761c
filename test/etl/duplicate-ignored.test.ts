/**
 * A line that repeats another's LA, year, breakdown and figures and differs only in a column no reader reads (an
 * extra `notes` column): the same row, counted once with the warning of an exact repeat, which names the column.
 * With other figures it is an error naming both lines and the column. Before, the ignored column made the two lines
 * two rows: with `notes` a and b, Anyshire's (999) January 2022 Total of data-samples/sen2_age_caseload.csv repeated
 * gave 7 stock rows summing to 6,492 instead of 6 summing to 4,328, validate saying only 'unknown column'. Row reader,
 * set-based reader, and a file padded past the set-based threshold (read as `load` reads it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withInputFiles } from '../../src/etl/inputs.ts';
import { loadFilesInto } from '../../src/etl/load-files.ts';
import { SET_BASED_MIN_BYTES } from '../../src/etl/scratch-read.ts';
import { validatePaths } from '../../src/etl/validate.ts';
import { Warehouse } from '../../src/etl/warehouse.ts';
import { repoRoot, tempDir, TODAY } from './helpers.ts';

const SAMPLE = readFileSync(join(repoRoot, 'data-samples/sen2_age_caseload.csv'), 'utf8').trimEnd().split(/\r?\n/);

/**
 * The sample with column `extra` (header `name`, each row's value from `value`, undefined: no column), line 2 repeated
 * as line 3 (its figure `total_all` changed by `delta`, its extra value `copyValue`).
 */
function sample(extra: { name: string; value: (line: number) => string; copyValue: string } | undefined, delta = 0): string {
  const [head, ...rows] = SAMPLE;
  const withExtra = (l: string, v: string) => (extra ? `${l},${v}` : l);
  const first = rows[0]!;
  const f = first.split(',');
  f[15] = String(Number(f[15]) + delta); // Total_all
  const out = [withExtra(head!, extra?.name ?? ''), withExtra(first, extra?.value(2) ?? ''), withExtra(f.join(','), extra?.copyValue ?? '')];
  rows.slice(1).forEach((r, i) => out.push(withExtra(r, extra?.value(i + 4) ?? '')));
  return `${out.join('\n')}\n`;
}

async function load(text: string, setBased: boolean | undefined) {
  const dir = tempDir();
  writeFileSync(join(dir, 'sen2_age_caseload.csv'), text);
  const wh = await Warehouse.open(':memory:');
  try {
    const out = await withInputFiles([dir], (files) => loadFilesInto(wh, files, { unrecognised: 'error', today: TODAY, ...(setBased === undefined ? {} : { setBased }) }));
    const [stock] = await wh.query<{ n: number; total: number }>(
      "SELECT count(*)::DOUBLE AS n, sum(count)::DOUBLE AS total FROM stock WHERE old_la_code = '999' AND census_year = 2022 AND measure = 'plans'",
    );
    return { ...stock!, warnings: out.warnings.map((w) => w.message) };
  } finally {
    wh.close();
  }
}

const notes = { name: 'notes', value: () => 'a', copyValue: 'b' };
/** Notes of 6,000 characters a line: the file is past the set-based threshold. */
const long = { name: 'notes', value: (line: number) => `${line}`.padEnd(6000, 'x'), copyValue: 'b'.repeat(6000) };

describe('a line repeating another but for a column not read', () => {
  it('the padded file is past the set-based threshold', () => {
    expect(Buffer.byteLength(sample(long))).toBeGreaterThan(SET_BASED_MIN_BYTES);
    expect(Buffer.byteLength(sample(notes))).toBeLessThan(SET_BASED_MIN_BYTES);
  });

  it('the file as published: 6 rows of January 2022, 4,328 plans', async () => {
    const r = await load(sample(undefined).split('\n').filter((_, i) => i !== 2).join('\n'), false);
    expect([r.n, r.total]).toEqual([6, 4328]);
  });

  for (const [what, text, setBased] of [
    ['row reader', sample(notes), false],
    ['set-based', sample(notes), true],
    ['past 256 kB, as load reads it', sample(long), undefined],
    ['past 256 kB, row reader', sample(long), false],
  ] as const) {
    it(`is counted once, the warning naming the column (${what})`, async () => {
      const r = await load(text, setBased);
      expect([r.n, r.total]).toEqual([6, 4328]);
      expect(r.warnings.join('\n')).toMatch(/line 3 repeats line 2 \(the same LA, year, breakdown and figures; they differ only in column 'notes', which is not read\): counted once/);
    });
  }

  for (const [what, extra, setBased] of [
    ['row reader', notes, false],
    ['set-based', notes, true],
    ['past 256 kB', long, undefined],
    ['no extra column, set-based', undefined, true],
  ] as const) {
    it(`with another figure is an error naming both lines and the column (${what})`, async () => {
      await expect(load(sample(extra, 1), setBased)).rejects.toMatchObject({
        problems: [{ line: 3, column: 'total_all', message: expect.stringMatching(/same LA, year and breakdown as line 2 but a different total_all/) }],
      });
    });
  }

  it('an exact repeat says nothing of other columns', async () => {
    const r = await load(sample(undefined), false);
    expect([r.n, r.total]).toEqual([6, 4328]);
    expect(r.warnings.join('\n')).toMatch(/line 3 repeats line 2 \(the same LA, year, breakdown and figures\): counted once/);
  });

  // a column whose name is a known one's once trimmed and lower-cased (case, spaces, a byte-order mark) is the same
  // column given twice: read once where its copies agree, refused where they differ; never a second figure
  for (const name of ['TOTAL_ALL', ' Total_all ', '\ufeffTotal_all']) {
    for (const setBased of [false, true]) {
      const reader = setBased ? 'set-based' : 'row reader';
      it(`${JSON.stringify(name)} beside Total_all, equal on every line: read once (${reader})`, async () => {
        const r = await load(sample({ name, value: (line) => (line === 2 ? '2164' : SAMPLE[line - 2]!.split(',')[15]!), copyValue: '2164' }), setBased);
        expect([r.n, r.total]).toEqual([6, 4328]);
        expect(r.warnings.join('\n')).toMatch(/line 3 repeats line 2 \(the same LA, year, breakdown and figures\): counted once/);
        expect(r.warnings.join('\n')).toMatch(/column 'total_all' appears 2 times/);
      });
      it(`${JSON.stringify(name)} beside Total_all, another figure on the repeat: refused (${reader})`, async () => {
        await expect(load(sample({ name, value: (line) => (line === 2 ? '2164' : SAMPLE[line - 2]!.split(',')[15]!), copyValue: '9999' }), setBased)).rejects.toMatchObject({
          problems: [{ line: 3, column: 'total_all', message: expect.stringMatching(/appears more than once and the copies disagree/) }],
        });
      });
    }
  }

  it('a trailing column with no name: empty, read once; a value in it on the repeat, refused (both readers)', async () => {
    for (const setBased of [false, true]) {
      const r = await load(sample({ name: '', value: () => '', copyValue: '' }), setBased);
      expect([r.n, r.total]).toEqual([6, 4328]);
      await expect(load(sample({ name: '', value: () => '', copyValue: 'b' }), setBased)).rejects.toMatchObject({ problems: [{ line: 3 }] });
    }
  });

  // sen2_mi.csv's reader accepts every column and reads ten: a line differing from another only in one of the others
  // (Mtosi) had its requests added to the LA's (Kent's 2021 requests 3,000 read as 6,000)
  for (const setBased of [false, true]) {
    it(`sen2_mi.csv: a line differing only in a measure not read is counted once (${setBased ? 'set-based' : 'row reader'})`, async () => {
      const dir = tempDir();
      const lead = '2021,Calendar year,Local authority,E92000001,England,E12000008,South East,886,E10000016,Kent';
      writeFileSync(join(dir, 'sen2_mi.csv'), [
        'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,NewallEHC,InreqEHC,Mtosi',
        `${lead},2000,3000,5`, `${lead},2000,3000,6`, '',
      ].join('\n'));
      const wh = await Warehouse.open(':memory:');
      try {
        const out = await withInputFiles([dir], (files) => loadFilesInto(wh, files, { unrecognised: 'error', today: TODAY, setBased }));
        const rows = await wh.query<{ count: number }>("SELECT count FROM flow WHERE measure = 'requests'");
        expect(rows.map((x) => x.count)).toEqual([3000]);
        expect(out.warnings.map((w) => w.message).join('\n')).toMatch(/line 3 repeats line 2 .*column 'mtosi', which is not read\): counted once/);
      } finally {
        wh.close();
      }
    });
  }

  it('validate says so too', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sen2_age_caseload.csv'), sample(notes));
    const { files } = await validatePaths([dir], { today: TODAY });
    expect(files[0]!.warnings.map((w) => w.message).join('\n')).toMatch(/line 3 repeats line 2 .*'notes'.*counted once/);
  });
});

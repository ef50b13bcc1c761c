/**
 * Bad paths and impossible requests through the command line: each is exit 1 (input) or 2 (command line) with a
 * message naming the path, never exit 70, never exit 0 with nothing done.
 */
import { describe, expect, it } from 'vitest';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withTempDir } from '../temp.ts';
import { runCli } from './helpers.ts';

describe('warehouse paths', () => {
  it('load and status refuse a file that is not a DuckDB warehouse and leave it untouched', async () => {
    await withTempDir(async (d) => {
      const csv = join(d, 'some.csv');
      await writeFile(csv, 'a,b\n1,2\n');
      const l = await runCli('load', 'data-samples/funding.csv', '--warehouse', csv);
      expect(l.code).toBe(1);
      expect(l.stderr).toContain(csv);
      expect(l.stderr).toMatch(/not a highneeds warehouse/);
      const s = await runCli('status', '--warehouse', csv);
      expect(s.code).toBe(1);
      expect(await readFile(csv, 'utf8')).toBe('a,b\n1,2\n');
    });
  });

  it('a folder, a truncated database and a missing warehouse for status are refused with the path', async () => {
    await withTempDir(async (d) => {
      const good = join(d, 'w.duckdb');
      expect((await runCli('load', 'data-samples/funding.csv', '--warehouse', good, '--quiet')).code).toBe(0);
      const trunc = join(d, 'trunc.duckdb');
      await writeFile(trunc, (await readFile(good)).subarray(0, 5000));
      const t = await runCli('status', '--warehouse', trunc);
      expect(t.code).toBe(1);
      expect(t.stderr).toContain(trunc);
      const dir = await runCli('load', 'data-samples/funding.csv', '--warehouse', d);
      expect(dir.code).toBe(2);
      expect(dir.stderr).toMatch(/found a folder/);
      const missing = await runCli('status', '--warehouse', join(d, 'none.duckdb'));
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('none.duckdb');
    });
  });
});

describe('output and input paths', () => {
  it('run --out naming a file, an empty --out and --out under /proc are usage errors before any work', async () => {
    await withTempDir(async (d) => {
      const f = join(d, 'f.csv');
      await writeFile(f, 'x\n');
      for (const out of [f, '', '/proc/highneeds-test']) {
        const r = await runCli('run', '--draws', '0', '--out', out, '--quiet');
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr).not.toMatch(/internal error/);
      }
    });
  });

  // the outputs of a run into its data folder were read by the next run: its workbook stopped it ('no sheet of this
  // workbook is a known input table'), and the first had put its report and charts among the council's files
  it('run --out the data folder, or a folder inside it (also through a link or ..), is a usage error before any work', async () => {
    await withTempDir(async (d) => {
      const data = join(d, 'data');
      await mkdir(data);
      await symlink(data, join(d, 'link'));
      for (const [dataArg, out] of [[data, data], [data, `${data}/`], [data, join(data, 'reports', 'baseline')], [data, join(data, '..', 'data', 'r')], [join(d, 'link'), join(data, 'r')]] as const) {
        const r = await runCli('run', '--draws', '0', '--data', dataArg, '--out', out, '--quiet');
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr).toMatch(/the outputs would be written into the data folder .*: choose a folder outside it with --out/);
        expect(r.stderr).not.toMatch(/internal error/);
      }
      expect(await readdir(data)).toEqual([]);
    });
  });

  it('run --data missing, a single non-archive file, or an empty folder: exit 1 naming it', async () => {
    await withTempDir(async (d) => {
      const f = join(d, 'f.csv');
      await writeFile(f, 'x\n');
      await mkdir(join(d, 'empty'));
      for (const data of [join(d, 'missing'), f, join(d, 'empty')]) {
        const r = await runCli('run', '--draws', '0', '--data', data, '--out', join(d, 'o'), '--quiet');
        expect(r.code, r.stderr).toBe(1);
        expect(r.stderr).toContain(data);
      }
    });
  });

  it('init on an existing file or under /proc is a usage error', async () => {
    await withTempDir(async (d) => {
      const f = join(d, 'f.csv');
      await writeFile(f, 'x\n');
      expect((await runCli('init', f)).code).toBe(2);
      expect((await runCli('init', '/proc/highneeds-test')).code).toBe(2);
    });
  });

  it('validate and load of an empty folder (or one of dot-files only): exit 1 naming it, no warehouse written', async () => {
    await withTempDir(async (d) => {
      const empty = join(d, 'empty');
      await mkdir(empty);
      await writeFile(join(empty, '.DS_Store'), 'x');
      const wh = join(d, 'w.duckdb');
      for (const args of [['validate', empty, '--json'], ['load', 'data-samples/funding.csv', empty, '--warehouse', wh, '--json']]) {
        const r = await runCli(...args);
        expect(r.code, r.stderr).toBe(1);
        expect(r.stderr).toContain(`${empty}: the folder holds no input files`);
      }
      await expect(readFile(wh)).rejects.toThrow();
    });
  });

  it('validate of a missing path is exit 1 naming it', async () => {
    const r = await runCli('validate', 'no/such/file.csv');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no/such/file.csv');
  });
});

describe('requests that cannot be met', () => {
  it('forecast --base-year beyond the data: exit 1 and no file written', async () => {
    await withTempDir(async (d) => {
      const out = join(d, 'f.csv');
      const r = await runCli('forecast', '--ees', 'data-samples/sen2_age_caseload.csv', '--all', '--base-year', '2100', '--out', out);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/nothing was forecast for base year 2100/);
      await expect(readFile(out)).rejects.toThrow();
      // before every year of the files: it said 'no LA in the files', which has 1 LA
      const early = await runCli('forecast', '--ees', 'data-samples/sen2_age_caseload.csv', '--all', '--base-year', '2010', '--out', out);
      expect(early.code, early.stderr).toBe(1);
      expect(early.stderr).toMatch(/nothing was forecast for base year 2010 from .*sen2_age_caseload\.csv: every row of the files is for a year after January 2010 \(48 rows ignored\)/);
      await expect(readFile(out)).rejects.toThrow();
      const dir = await runCli('forecast', '--ees', 'data-samples/sen2_age_caseload.csv', '--all', '--base-year', '2020', '--out', d);
      expect(dir.code).toBe(2);
    });
  });

  it('backtest with origins after the data: exit 1 saying there is nothing to score', async () => {
    const r = await runCli('backtest', '--ees', 'data-samples/sen2_age_caseload.csv', '--all', '--origins', '2090');
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/nothing to score/);
  });
});

describe('a file name holding terminal escape sequences', () => {
  // was printed raw in every message naming it: ESC[2J cleared the screen, ESC[31m recoloured what followed
  it('is printed with each control character as \\u00HH, on stdout and stderr, and JSON stays JSON (DEL too)', async () => {
    await withTempDir(async (d) => {
      const name = 'costs\x1b[2J\x1b[31m\x07\x7f.csv';
      await writeFile(join(d, name), 'x,y\n1,2\n');
      const r = await runCli('validate', d);
      expect(r.code).toBe(1);
      const all = r.stdout + r.stderr;
      expect(all).toContain('costs\\u001b[2J\\u001b[31m\\u0007\\u007f.csv');
      // eslint-disable-next-line no-control-regex -- control characters are what is looked for
      expect(all).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
      const j = await runCli('validate', d, '--json');
      expect(JSON.parse(j.stdout).files[0].path).toBe(join(d, name));
    });
  });
});

describe('a file name holding a line break', () => {
  // split every message naming it in two, its second half reading as a line of the tool's own:
  // 'INVALID …/bad' then 'ok      fake.csv (funding, 2 rows)'
  it('is refused (exit 1) naming it on one line, nothing read', async () => {
    await withTempDir(async (d) => {
      await writeFile(join(d, 'bad\nok      fake.csv (funding, 2 rows)'), 'x,y\n1,2\n');
      const r = await runCli('validate', d);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/bad\\nok {6}fake\.csv \(funding, 2 rows\)": the name holds a line break, which would split every message naming it: rename it without one\n/);
      // it is that file's problem (validate reports per file), said on lines of its own
      expect(r.stderr.split('\n').filter((l) => /fake\.csv/.test(l)).every((l) => l.includes('bad\\nok'))).toBe(true);
      expect(r.stderr.split('\n').filter((l) => l.startsWith('ok'))).toEqual([]);
    });
  });
});

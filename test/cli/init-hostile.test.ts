/**
 * `highneeds init --from` checks what it copies as `validate` does: a release with NaN, a year 99999, a negative count
 * or text in a count in the LA's rows was copied into data/ with exit 0, and the folder's first run refused it.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers.ts';
import { withTempDir } from '../temp.ts';

const HEADER = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehcplans';
const row = (period: string, level: string, la: string, plans: string): string => {
  const [code, old, name] = la === 'Kent' ? ['E10000016', '886', 'Kent'] : la === 'Hampshire' ? ['E10000014', '850', 'Hampshire'] : ['', '', ''];
  const region = level === 'National' ? ',' : 'E12000008,South East';
  return `${period},Academic year,${level},E92000001,England,${region},${code},${old},${name},All EHC plans,All EHC plans,${plans}`;
};
/** Lines 2–4: England, the South East and Hampshire, good. */
const GOOD = [row('202122', 'National', '', '473255'), row('202122', 'Regional', '', '70000'), row('202122', 'Local authority', 'Hampshire', '12000')];

describe('init --from refuses what validate refuses in the rows it would copy', () => {
  it("names the file given, the line of it and the problem of each hostile value in the LA's rows; nothing written", async () => {
    await withTempDir(async (dir) => {
      const release = join(dir, 'caseload.csv');
      const kent = [
        row('202122', 'Local authority', 'Kent', '17733'),
        row('202021', 'Local authority', 'Kent', 'NaN'), // line 6
        row('99999', 'Local authority', 'Kent', '16000'), // line 7
        row('201920', 'Local authority', 'Kent', '-5'), // line 8
        row('201819', 'Local authority', 'Kent', 'abc'), // line 9
      ];
      writeFileSync(release, [HEADER, ...GOOD, ...kent].join('\n') + '\n');
      const r = await runCli('init', join(dir, 'la'), '--la', '886', '--from', release, '--json');
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain(`init --from: ${release} holds rows that validate refuses (below); nothing was written.`);
      // the lines are those of the file given (the copy leaves out Hampshire's row: its lines are one fewer)
      expect(r.stderr).toMatch(new RegExp(`caseload\\.csv:6 column 'ehcplans': .*Got: 'NaN'`));
      expect(r.stderr).toMatch(/caseload\.csv:7 column 'time_period': .*Got: '99999'/);
      expect(r.stderr).toMatch(/caseload\.csv:8 column 'ehcplans': expected a count of 0 or more\. Got: -5/);
      expect(r.stderr).toMatch(/caseload\.csv:9 column 'ehcplans': .*Got: 'abc'/);
      const doc = JSON.parse(r.stdout) as { error: { exit: number; file: string; problems: Array<{ file: string; line: number }> } };
      expect(doc.error.exit).toBe(1);
      expect(doc.error.file).toBe(release);
      expect(doc.error.problems.map((p) => p.line)).toEqual([6, 7, 8, 9]);
      expect(existsSync(join(dir, 'la'))).toBe(false);
      // an existing folder is left as it was
      const mine = join(dir, 'mine');
      mkdirSync(mine);
      writeFileSync(join(mine, 'notes.txt'), 'mine\n');
      expect((await runCli('init', mine, '--la', '886', '--from', release)).code).toBe(1);
      expect(readdirSync(mine, { recursive: true })).toEqual(['notes.txt']);
      // no temporary copy is left behind
      expect(readdirSync(tmpdir()).filter((n) => n.startsWith(`highneeds-init-${process.pid}-`))).toEqual([]);
    });
  });

  it("a hostile value in another LA's row, which is not copied, does not stop the folder", async () => {
    await withTempDir(async (dir) => {
      const release = join(dir, 'caseload.csv');
      writeFileSync(release, [HEADER, ...GOOD, row('202122', 'Local authority', 'Kent', '17733'), row('202021', 'Local authority', 'Hampshire', 'NaN')].join('\n') + '\n');
      const r = await runCli('init', join(dir, 'la'), '--la', '886', '--from', release);
      expect(r.code, r.stderr).toBe(0);
      expect(existsSync(join(dir, 'la', 'data', 'caseload.csv'))).toBe(true);
    });
  });
});

describe('init into a folder that is there leaves it as it was when it cannot write', () => {
  it("a file named scenarios, or a link to nowhere named data, is exit 1 and the folder's own files only (README.md was left, exit 70)", async () => {
    await withTempDir(async (dir) => {
      const cases: Array<[string, (d: string) => void, RegExp]> = [
        ['file-scenarios', (d) => writeFileSync(join(d, 'scenarios'), 'mine\n'), /scenarios is a file where init puts a folder; init never overwrites files/],
        ['dangling-data', (d) => symlinkSync(join(dir, 'nowhere'), join(d, 'data')), /could not write .*data\/\w+\.csv \(ENOENT\); the files init had written there were removed, the folder is as it was/],
      ];
      for (const [name, make, said] of cases) {
        const d = join(dir, name);
        mkdirSync(d);
        make(d);
        const before = readdirSync(d).sort();
        const r = await runCli('init', d, '--la', '886');
        expect(r.code, `${name}: ${r.stderr}`).toBe(1);
        expect(r.stderr).toMatch(said);
        expect(r.stderr).not.toMatch(/internal error/);
        expect(readdirSync(d).sort(), name).toEqual(before);
      }
    });
  });
});

describe('init --from a path no command reads', () => {
  it('a named pipe, /dev/zero, a loop of links or a dangling link: exit 1 saying what it is, nothing written (a pipe was waited on for ever)', async () => {
    await withTempDir(async (dir) => {
      const fifo = join(dir, 'caseload.csv');
      execFileSync('mkfifo', [fifo]);
      symlinkSync('loop-b', join(dir, 'loop-a'));
      symlinkSync('loop-a', join(dir, 'loop-b'));
      symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'));
      const cases: Array<[string, RegExp]> = [
        ['/dev/zero', /\/dev\/zero: a system path/],
        [join(dir, 'loop-a'), /loop-a: a loop of symbolic links/],
        [join(dir, 'dangling'), /dangling: a symbolic link to .*nowhere', which does not exist/],
        // last: before, it was opened and waited on for ever
        [fifo, /caseload\.csv: a named pipe \(FIFO\), not a regular file/],
      ];
      for (const [from, said] of cases) {
        const r = await runCli('init', join(dir, 'la'), '--la', '999', '--from', from);
        expect(r.code, `${from}: ${r.stderr}`).toBe(1);
        expect(r.stderr).toMatch(said);
        expect(existsSync(join(dir, 'la'))).toBe(false);
      }
    });
  }, 30_000);
});

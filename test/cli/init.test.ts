/** `highneeds init`: a starter folder whose README works as written, pre-filled from a release the user gives. */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './helpers.ts';
import { withTempDir } from '../temp.ts';

const HEADER = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehcplans';
const ROWS = [
  '202122,Academic year,National,E92000001,England,,,,,,All EHC plans,All EHC plans,473255',
  '202122,Academic year,Regional,E92000001,England,E12000008,South East,,,,All EHC plans,All EHC plans,70000',
  '202122,Academic year,Local authority,E92000001,England,E12000008,South East,E10000016,886,Kent,All EHC plans,All EHC plans,17733',
  '202122,Academic year,Local authority,E92000001,England,E12000008,South East,E10000014,850,Hampshire,All EHC plans,All EHC plans,12000',
];

describe('highneeds init', () => {
  it('writes a README with the command that runs from here, --la and an output folder of its own', async () => {
    await withTempDir(async (dir) => {
      const r = await runCli('init', join(dir, 'la'), '--la', '886');
      expect(r.code, r.stderr).toBe(0);
      const readme = readFileSync(join(dir, 'la', 'README.md'), 'utf8');
      expect(readme).toMatch(/node \S+bin\/highneeds\.js run scenarios\/baseline\.yaml --data data --la 886 --out reports\/baseline/);
      expect(readme).not.toMatch(/npx highneeds/);
    });
  });

  it("pre-fills data/ with the LA's, England's and the regions' rows of a release", async () => {
    await withTempDir(async (dir) => {
      const release = join(dir, 'caseload.csv');
      writeFileSync(release, [HEADER, ...ROWS].join('\n') + '\n');
      const r = await runCli('init', join(dir, 'la'), '--la', 'E10000016', '--from', release);
      expect(r.code, r.stderr).toBe(0);
      const copied = readFileSync(join(dir, 'la', 'data', 'caseload.csv'), 'utf8').trim().split('\n');
      expect(copied).toHaveLength(4);
      expect(copied.join('\n')).toMatch(/Kent/);
      expect(copied.join('\n')).not.toMatch(/Hampshire/);
    });
  });

  it('pre-fills the other councils of a reorganisation, so that a successor\'s history is joined as forecast joins it', async () => {
    await withTempDir(async (dir) => {
      // synthetic: Cumbria (909) to January 2023, Cumberland (942) and Westmorland and Furness (943) from January 2024
      const rows = [
        ...ROWS,
        '202223,Academic year,Local authority,E92000001,England,E12000002,North West,E10000006,909,Cumbria,All EHC plans,All EHC plans,4800',
        '202324,Academic year,Local authority,E92000001,England,E12000002,North West,E06000063,942,Cumberland,All EHC plans,All EHC plans,3000',
        '202324,Academic year,Local authority,E92000001,England,E12000002,North West,E06000064,943,Westmorland and Furness,All EHC plans,All EHC plans,2400',
      ];
      const release = join(dir, 'caseload.csv');
      writeFileSync(release, [HEADER, ...rows].join('\n') + '\n');
      for (const la of ['E06000063', '909']) {
        const r = await runCli('init', join(dir, la), '--la', la, '--from', release);
        expect(r.code, r.stderr).toBe(0);
        const copied = readFileSync(join(dir, la, 'data', 'caseload.csv'), 'utf8');
        // before: Cumberland's folder held its own row only (no history before 2024, no word of Cumbria)
        for (const name of ['Cumbria', 'Cumberland', 'Westmorland and Furness']) expect(copied, `${la}: ${name}`).toContain(`,${name},`);
        expect(copied).not.toMatch(/Kent|Hampshire/);
      }
      // the README's forecast starts from the latest January of the LA's rows (it said --base-year 2022 of any release)
      expect(readFileSync(join(dir, 'E06000063', 'README.md'), 'utf8')).toMatch(/forecast --ees data --la E06000063 --base-year 2024 --out forecast\.csv/);
      expect(readFileSync(join(dir, '909', 'README.md'), 'utf8')).toMatch(/--la 909 --base-year 2023 /);
    });
  });

  it("takes a release's data folder: its EES files pre-filled, the others skipped and said", async () => {
    await withTempDir(async (dir) => {
      const release = join(dir, 'release', 'data');
      mkdirSync(release, { recursive: true });
      writeFileSync(join(release, 'caseload.csv'), [HEADER, ...ROWS].join('\n') + '\n');
      writeFileSync(join(release, 'national_only.csv'), [HEADER, ROWS[0]].join('\n') + '\n');
      writeFileSync(join(release, 'lookup.csv'), 'code,name\n1,a\n');
      writeFileSync(join(release, 'data-guidance.txt'), 'about the files\n');
      const r = await runCli('init', join(dir, 'la'), '--la', '886', '--from', release);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(join(dir, 'la', 'data', 'caseload.csv'), 'utf8')).toMatch(/Kent/);
      expect(existsSync(join(dir, 'la', 'data', 'national_only.csv'))).toBe(false);
      expect(r.stderr).toMatch(/skipped .*national_only\.csv: no row for LA 886/);
      expect(r.stderr).toMatch(/skipped .*lookup\.csv: not a published EES file/);
      expect(readFileSync(join(dir, 'la', 'README.md'), 'utf8')).toMatch(/`caseload\.csv`: your LA's rows/);
      // a folder with nothing of the LA is an error, and nothing is written
      const none = await runCli('init', join(dir, 'none'), '--la', '999', '--from', release);
      expect(none.code).toBe(1);
      expect(none.stderr).toMatch(/holds rows for LA 999/);
      expect(existsSync(join(dir, 'none'))).toBe(false);
    });
  });

  it('refuses an --la that is no LA code (exit 2, nothing written): it went into the README commands as it stood', async () => {
    await withTempDir(async (dir) => {
      for (const [la, re] of [['$(rm -rf ~)', /expected your LA's 3-digit DfE code/], ['0999', /\(did you mean 999\?\); nothing was written$/m], ['Kent', /expected your LA's/]] as const) {
        const r = await runCli('init', join(dir, 'la'), '--la', la);
        expect(r.code, la).toBe(2);
        expect(r.stderr).toMatch(re);
        expect(existsSync(join(dir, 'la'))).toBe(false);
      }
    });
  });

  it('--from a ZIP or a PNG says what the file is (not a NUL byte of a damaged copy), nothing written', async () => {
    await withTempDir(async (dir) => {
      const cases: Array<[string, Buffer, RegExp]> = [
        ['release.zip', Buffer.from('504b0304140000000000', 'hex'), /a ZIP archive: extract the release and give its data folder/],
        ['chart.png', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), /the file is not text/],
      ];
      for (const [name, bytes, re] of cases) {
        const p = join(dir, name);
        writeFileSync(p, Buffer.concat([bytes, Buffer.alloc(64)]));
        const r = await runCli('init', join(dir, 'la'), '--la', '886', '--from', p);
        expect(r.code, name).toBe(1);
        expect(r.stderr).toMatch(re);
        expect(r.stderr).not.toMatch(/NUL byte/);
        expect(existsSync(join(dir, 'la'))).toBe(false);
      }
    });
  });

  it('a --from folder with no CSV file names the folder, what it holds and what to give; nothing written', async () => {
    await withTempDir(async (dir) => {
      const cases: Array<[string, Record<string, Buffer | string>, string]> = [
        ['downloads', { 'release.zip': Buffer.from('504b0304140000000000', 'hex'), 'README.md': '# release\n' }, 'it holds release.zip, a ZIP archive: extract the release and give its data folder (or its CSV files) to --from'],
        ['notes', { 'README.md': '# release\n', '.hidden.csv': 'a\n' }, "(it holds README.md); give --from the release's data folder (the one holding caseload.csv or sen2_age_caseload.csv) or its CSV files"],
        ['empty', {}, '(it holds no file); give --from'],
      ];
      for (const [name, files, words] of cases) {
        const folder = join(dir, name);
        mkdirSync(folder);
        for (const [f, content] of Object.entries(files)) writeFileSync(join(folder, f), content);
        const r = await runCli('init', join(dir, 'la'), '--la', '886', '--from', folder);
        expect(r.code, r.stderr).toBe(1);
        expect(r.stderr).toContain(`${folder}: no CSV file in this folder or its subfolders`);
        expect(r.stderr).toContain(words);
        expect(r.stderr).toContain('Nothing was written.');
        expect(existsSync(join(dir, 'la'))).toBe(false);
      }
    });
  });

  it('a --from path that does not exist is an input error naming it, with the folder put last said (it was an internal error)', async () => {
    await withTempDir(async (dir) => {
      const release = join(dir, 'caseload.csv');
      writeFileSync(release, [HEADER, ...ROWS].join('\n') + '\n');
      // the folder to create, put after --from, is taken as one more release path
      const r = await runCli('init', '--la', '886', '--from', release, join(dir, 'la'));
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).not.toMatch(/internal error|ENOENT/);
      expect(r.stderr).toContain(`${join(dir, 'la')}: no such file or folder; --from takes every word after it`);
      expect(r.stderr).toContain(`highneeds init ${join(dir, 'la')} --la CODE --from`);
      const alone = await runCli('init', join(dir, 'b'), '--la', '886', '--from', join(dir, 'missing.csv'));
      expect(alone.code).toBe(1);
      expect(alone.stderr).toMatch(/missing\.csv: no such file or folder; give the release's data folder/);
      expect(existsSync(join(dir, 'la')) || existsSync(join(dir, 'b')) || existsSync('highneeds-la')).toBe(false);
    });
  });

  it('refuses --from without --la, and an LA the release does not hold', async () => {
    await withTempDir(async (dir) => {
      const release = join(dir, 'caseload.csv');
      writeFileSync(release, [HEADER, ...ROWS].join('\n') + '\n');
      expect((await runCli('init', join(dir, 'a'), '--from', release)).code).toBe(1);
      const r = await runCli('init', join(dir, 'b'), '--la', '999', '--from', release);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/no row for LA 999/);
      expect(existsSync(join(dir, 'b'))).toBe(false);
    });
  });
});

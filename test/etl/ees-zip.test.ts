/**
 * A release ZIP as downloaded, given to forecast and backtest (`--ees release.zip`): its entries are read as files of
 * their own, as validate, load and run read them. Before, the archive was passed over without a word: `forecast
 * --ees release.zip` said "no LA in the files", and `--ees old-release.zip new-folder/` forecast from the folder alone.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { datasetsFromEesFiles } from '../../src/etl/ees-datasets.ts';
import { runCli } from '../cli/helpers.ts';
import { tempDir, TODAY } from './helpers.ts';

const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown';
const LINCS = 'Local authority,E92000001,England,E12000004,East Midlands,E10000019,925,Lincolnshire';

async function release(caseloadRows: string[]): Promise<string> {
  const zip = new JSZip();
  zip.file('data/caseload.csv', `\ufeff${[`${LEAD},ehcplans`, ...caseloadRows].join('\r\n')}\r\n`);
  zip.file('data-guidance/data-guidance.txt', 'Filename: caseload.csv\n');
  const path = join(tempDir(), 'education-health-and-care-plans_2025.zip');
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return path;
}

const years = [2023, 2024, 2025].map((y, i) => `${y - 1}${String(y).slice(2)},Academic year,${LINCS},All EHC plans,All EHC plans,${1000 + 100 * i}`);

describe('a release ZIP given to forecast', () => {
  it("reads the archive's entries", async () => {
    const r = await datasetsFromEesFiles([await release(years)], { today: TODAY });
    expect(r.datasets.find((d) => d.la.oldCode === '925')?.stockTotal).toEqual({ 2023: 1000, 2024: 1100, 2025: 1200 });
  });

  it("names an entry's problems by the archive's path", async () => {
    const zip = await release([...years, `202526,Academic year,${LINCS},All EHC plans,All EHC plans,-5`]);
    await expect(datasetsFromEesFiles([zip], { today: TODAY })).rejects.toMatchObject({
      exitCode: 1,
      problems: [{ file: `${zip}!data/caseload.csv`, line: 5 }],
    });
  });

  it('names an entry no reader takes by the archive\'s path, not by its deleted temporary copy', async () => {
    const zip = new JSZip();
    zip.file('data/caseload.csv', Buffer.from(`\ufeff${LEAD},ehcplans\r\n`, 'utf16le'));
    const path = join(tempDir(), 'release.zip');
    writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));
    const e = await datasetsFromEesFiles([path], { today: TODAY }).catch((x: unknown) => x);
    // it was named /tmp/…/highneeds-zip-…/data/caseload.csv, a copy removed before the message was read
    expect(e).toMatchObject({ exitCode: 1, problems: [{ file: `${path}!data/caseload.csv`, message: expect.stringMatching(/UTF-16/) }] });
    expect(JSON.stringify(e)).not.toMatch(/highneeds-zip-/);
  });

  it('refuses a .zip that is empty or no archive, naming it (it was passed over: "no LA in the files")', async () => {
    const dir = tempDir();
    for (const [name, bytes] of [['empty.zip', Buffer.alloc(0)], ['text.zip', Buffer.from('not an archive\n')]] as const) {
      writeFileSync(join(dir, name), bytes);
      const r = await runCli('forecast', '--ees', join(dir, name), '--all', '--base-year', '2025', '--draws', '0', '--out', join(dir, 'f.csv'));
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain(`${join(dir, name)}`);
      expect(r.stderr).not.toMatch(/no LA in the files/);
    }
  });

  it('`forecast --ees release.zip` exits 0', async () => {
    const zip = await release(years);
    const out = join(tempDir(), 'f.csv');
    const r = await runCli('forecast', '--ees', zip, '--all', '--base-year', '2025', '--draws', '0', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/wrote 3 rows for 1 LA/);
  });
});

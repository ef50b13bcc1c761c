/**
 * A file of a run's data folder that no reader recognises is left out of the run: an empty or damaged
 * ons_mye_2020.csv (validate and load refuse it) ran with exit 0 and the file was named on the Data quality sheet
 * only, nothing on stderr. The run now says on stderr which files it left out and why, and names them when it cannot
 * start for want of what they held.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copySampleTables, runCli } from './helpers.ts';
import { tempDir } from '../temp.ts';

describe('files of the data folder no reader recognises', () => {
  it('are named on stderr with the reason, the run going on without them', async () => {
    const root = tempDir('hn-unread-');
    const data = join(root, 'data');
    copySampleTables(data);
    writeFileSync(join(data, 'ons_mye_2020.csv'), '');
    writeFileSync(join(data, 'README.md'), '# notes\n');
    const r = await runCli('run', '--data', data, '--draws', '0', '--out', join(root, 'out'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`Not read: a file of the data folder that no reader recognises, left out of the run: ${join(data, 'ons_mye_2020.csv')} (the file is empty`);
    // documentation is passed over quietly, as before
    expect(r.stderr).not.toContain('README.md');
  });

  it('are named when the run cannot start for want of what they held', async () => {
    // an empty sen2_age_caseload.csv: 'Anyshire (999) cannot be projected: the data hold no stock of plans. Files read:
    // …' listed the files read and not the one passed over
    const root = tempDir('hn-unread-');
    const data = join(root, 'data');
    copySampleTables(data);
    writeFileSync(join(data, 'sen2_age_caseload.csv'), '');
    const r = await runCli('run', '--data', data, '--draws', '0', '--out', join(root, 'out'));
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/cannot be projected: the data hold no stock of plans\. Files read: .*\. Not read: .*sen2_age_caseload\.csv \(the file is empty/);
  });
});

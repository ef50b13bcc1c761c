/**
 * Population files loaded, but none for the LA's area code (a file of districts, or of another LA's codes): the run
 * projected its new plans as a number a year and skipped the check of plans against the number of children without
 * a word (the sample with its ONS rows under E99999998 ran with exit 0 and no note). It now says so on stderr and the
 * Data quality sheet.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySampleTables, runCli, sampleTables } from '../cli/helpers.ts';
import { tempDir } from '../temp.ts';

describe('population files with no rows for the LA', () => {
  it('run says so on stderr, naming the LA and its area code', async () => {
    const dir = tempDir('hn-pop-not-la-');
    const data = join(dir, 'data');
    copySampleTables(data);
    for (const f of readdirSync(data).filter((n) => /^(ons_mye|snpp)/.test(n))) {
      writeFileSync(join(data, f), readFileSync(join(data, f), 'utf8').replaceAll('E99999999', 'E99999998'));
    }
    const r = await runCli('run', '--data', data, '--demand-only', '--draws', '0', '--out', join(dir, 'out'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Population: the population files hold no rows for Anyshire (area code E99999999): its new plans are projected as a number a year');
  });

  it('says nothing of the kind when the LA has its population', async () => {
    const dir = tempDir('hn-pop-la-');
    const r = await runCli('run', '--data', sampleTables(), '--demand-only', '--draws', '0', '--out', join(dir, 'out'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('population files hold no rows');
  });
});

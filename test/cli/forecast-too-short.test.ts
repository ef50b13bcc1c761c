/**
 * `forecast --base-year 2019` on the 2025 release's layout to January 2022 (whose first January is 2019) skipped every
 * LA as "too short: needs stock at every census 2018–2019" and then advised "choose a --base-year for which the files
 * hold a published stock of plans", which 2019 is. When the LAs were skipped as too short the advice now names what a
 * base year needs: its January and the one before.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runCli, sampleCaseloadOf } from './helpers.ts';
import { lacksYearBefore } from '../../src/model/forecast/select.ts';

let file = '';
let dir = '';
// the sample's Januaries 2019–2022 only: four Januaries, as the 2025 layout to January 2022
beforeAll(() => {
  file = sampleCaseloadOf(2019, 2022);
  dir = dirname(file);
});

describe('forecast from the first January of the files', () => {
  it('says a base year needs the January before it too, and the next one works', async () => {
    const r = await runCli('forecast', '--ees', file, '--all', '--base-year', '2019', '--out', join(dir, 'f.csv'));
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/too short/);
    expect(r.stderr).toMatch(/choose a --base-year whose January and the January before it both have a published stock of plans/);
    expect(r.stderr).not.toMatch(/choose a --base-year for which the files hold a published stock/);
    const next = await runCli('forecast', '--ees', file, '--all', '--base-year', '2020', '--out', join(dir, 'f.csv'));
    expect(next.code, next.stderr).toBe(0);
  });
});

describe('which skips get the advice about the January before', () => {
  it('only the missing census before the base year, not the trend window\'s "too short"', () => {
    expect(lacksYearBefore('too short: needs stock at every census 2018–2019')).toBe(true);
    expect(lacksYearBefore('too short: no growth of plans in the 5 years to 2020')).toBe(false);
    expect(lacksYearBefore('no stock of plans at census 2019')).toBe(false);
    expect(lacksYearBefore(undefined)).toBe(false);
  });
});

describe('an LA every LA of the files was skipped for', () => {
  it('is named, and a total of 0 is said to be one (it was "1 LA(s) skipped (too short …)")', async () => {
    const zero = join(dir, 'zero.csv');
    // the sample's "All EHC plans" total of January 2022 written as -0 (read as 0)
    const text = readFileSync(file, 'utf8');
    const edited = text.replace(/^(2022,.*,Total,z,z,\d+,100,)\d+(,100)\r?$/m, '$1-0$2');
    expect(edited).not.toBe(text);
    writeFileSync(zero, edited);
    const r = await runCli('forecast', '--ees', zero, '--all', '--base-year', '2022', '--out', join(dir, 'f0.csv'));
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/nothing was forecast for base year 2022 from .*zero\.csv: Anyshire \(999\) was skipped \(its "All EHC plans" total at census 2022 is 0: no trend can be read/);
    expect(r.stderr).not.toMatch(/too short|LA\(s\)/);
  });
});

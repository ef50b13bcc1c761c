/**
 * backtest --data scored other starting years than the track record of a run of the same folder: 'every origin with
 * five years of history before it' took Kent's 2015 and 2016 on the real 2022 release (in the conversion of statements
 * to EHC plans, which the track record leaves out), and said 3.35% / 9.07% / 15.87% one to three years ahead with 5 of
 * 7, 3 of 6 and 2 of 5 outcomes in range, where the run's report said 2.6% / 5.3% / 7.6% and 4 of 5, 2 of 3 over
 * 2017–2021. Its default origins are now the track record's (the latest five with five Januaries up to them).
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.ts';
import { trackRecordOrigins } from '../../src/pipeline/track-record.ts';
import { tempDir } from '../temp.ts';

describe('backtest --data with no --origins', () => {
  it("scores the starting years the run's track record scores", async () => {
    // the sample LA's published plans alone, January 2015–2022: the track record starts from 2019 (five Januaries)
    const dir = tempDir('hn-bt-data-origins-');
    copyFileSync(join('data-samples', 'sen2_age_caseload.csv'), join(dir, 'sen2_age_caseload.csv'));
    const r = await runCli('backtest', '--data', dir, '--la', '999', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).origins).toEqual([2019, 2020, 2021]);
  });

  it('takes the latest five of them, as the track record does', () => {
    const years = Object.fromEntries(Array.from({ length: 13 }, (_, i) => [2010 + i, 1000]));
    expect(trackRecordOrigins(years, 2022)).toEqual([2017, 2018, 2019, 2020, 2021]);
    expect(trackRecordOrigins(years, 2019)).toEqual([2014, 2015, 2016, 2017, 2018]);
  });
});

/**
 * A run's saved data step (run-data-cache.ts) was keyed by the files, the code and the shipped England series, but not
 * by reference/batch-statistics.csv, which the forecast of a folder of too few LAs reads its spreads and its ranges'
 * calibration from: a table made again from a later release (scripts/make-reference.ts), with the code unchanged,
 * left a repeat run of the same folder reading the totals and ranges the old table gave. The key now covers every
 * shipped reference file the forecast reads.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceFingerprint } from '../../src/etl/cache-key.ts';
import { referenceFile } from '../../src/etl/reference.ts';
import { REFERENCE_FILES, runDataKey, runDataKeyOf } from '../../src/pipeline/run-data-cache.ts';

describe("the key of a run's saved data", () => {
  it('covers the shipped batch statistics as well as the England series', async () => {
    expect(REFERENCE_FILES).toEqual(['england-ehcp-series.csv', 'batch-statistics.csv']);
    const params = { la: '999', baseYears: [2025], horizon: 10 };
    const code = (await sourceFingerprint())!;
    const [series, statistics] = REFERENCE_FILES.map((f) => readFileSync(referenceFile(f)));
    const shipped = runDataKeyOf('load-key', params, code, [series!, statistics!]);
    expect(await runDataKey('load-key', params)).toBe(shipped);
    // another table of statistics (a later release's), the same code and series: another key
    const later = Buffer.from(String(statistics).replace(/^(2022,2010,stockTau2,)/m, '$19'));
    expect(later.equals(statistics!)).toBe(false);
    expect(runDataKeyOf('load-key', params, code, [series!, later])).not.toBe(shipped);
    // the files' bytes where one ends and the next begins count: not the same key for the same bytes cut elsewhere
    const joined = Buffer.concat([series!, statistics!]);
    expect(runDataKeyOf('load-key', params, code, [joined.subarray(0, series!.length + 1), joined.subarray(series!.length + 1)])).not.toBe(shipped);
  });
});

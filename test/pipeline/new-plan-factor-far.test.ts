/**
 * City of London on the real 2022 release: the new-plan rates worked out from its data give 0.3 new plans in the
 * year to January 2023 (its one request of 2021 × a conversion of 0.339), the total-plans forecast needs 1.2, so the
 * solved new-plan factors on the Assumptions sheet ran from 3.77 to 12.55 ('trend.path … new-plan factor by year
 * ahead (solved)') with no word: a reader could take new plans to grow twelvefold. The run now says what the factor
 * is (stderr, Data quality sheet, Assumptions sheet) where the first year's is outside 0.5–2; Kent's (1.05) is not
 * said. Needs the real files (test/real-data.ts); the run reads England's, the regions' and the LA's rows only.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEW_PLAN_FACTOR_SAID_OUTSIDE } from '../../src/model/constrain.ts';
import { runCli } from '../cli/helpers.ts';
import { HAVE_REAL, REAL_EES_FILES, realRowsOf } from '../model/real-files.ts';
import { tempDir } from '../temp.ts';

/** The run's stderr, its Data quality notes and its solved trend path (first projected year first). */
async function runOf(la: string): Promise<{ stderr: string; notes: string; path: number[]; assumptions: string }> {
  const dir = tempDir('hn-factor-');
  const data = join(dir, 'data');
  mkdirSync(data);
  const release = REAL_EES_FILES.filter((f) => f.includes('ees-ehcp-2022'));
  // with the requests of sen2_mi.csv, which lead the new-plan rates (requests × conversion)
  realRowsOf([...release, join(dirname(release[0]!), 'sen2_mi.csv')], [la], data);
  const out = join(dir, 'out');
  const r = await runCli('run', '--data', data, '--la', la, '--demand-only', '--draws', '0', '--csv', '--out', out);
  expect(r.code).toBe(0);
  const notes = readFileSync(join(out, 'csv', 'data_quality_notes.csv'), 'utf8');
  const assumptions = readFileSync(join(out, 'csv', 'assumptions_parameters.csv'), 'utf8');
  const line = assumptions.split('\n').find((l) => l.startsWith('trend.path,'))!;
  const path = line.match(/"([^"]+)"/)![1]!.split(', ').map(Number);
  return { stderr: r.stderr, notes, path, assumptions };
}

describe.skipIf(!HAVE_REAL)('a first new-plan factor far from 1', () => {
  it('is said for City of London, and not for Kent', async () => {
    const [lo, hi] = NEW_PLAN_FACTOR_SAID_OUTSIDE;
    const col = await runOf('201');
    expect(col.path[0]).toBeGreaterThan(hi);
    const said = /New-plan factor far from 1 for City of London: the total-plans forecast needs \d\.\d new plans in the year to January 2023 where the new-plan rates worked out from the data give 0\.\d+, so the new-plan factor \(trend\.path on the Assumptions sheet\) is \d+\.\d\d in 2023 and \d+\.\d\d in 2032\. It measures how far those rates are from the forecast, not how fast new plans grow/;
    expect(col.stderr).toMatch(said);
    expect(col.notes).toMatch(said);
    expect(col.assumptions).toMatch(said);
    // the factors it names are those of the Assumptions sheet
    expect(col.notes).toContain(`is ${col.path[0]!.toFixed(2)} in 2023 and ${col.path.at(-1)!.toFixed(2)} in 2032`);
    const kent = await runOf('886');
    expect(kent.path[0]).toBeGreaterThanOrEqual(lo);
    expect(kent.path[0]).toBeLessThanOrEqual(hi);
    expect(kent.stderr + kent.notes).not.toMatch(/New-plan factor far from 1/);
  }, 180_000);
});

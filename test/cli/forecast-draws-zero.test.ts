/**
 * `--draws 0` is a deterministic run (cli.md): P10 = P50 = P90. `forecast --draws 0` wrote the calibrated 80% range
 * all the same (Kent, 2022 release from January 2022: 19,496 / 20,201 / 20,932 for 2023), while `run --draws 0` of
 * that LA on the same files gave 20,201 three times, so the two commands the contract says give the same total plans
 * with the same draws did not. A forecast with no draws now has no range; with draws it is the range as before.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './helpers.ts';
import { tempDir } from '../temp.ts';

const EES = [join('data-samples', 'sen2_age_caseload.csv')];

function rows(file: string): string[][] {
  return readFileSync(file, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
}

describe('forecast --draws 0', () => {
  it('writes P10 = P50 = P90 = the central path, the P50 of the same forecast with draws', async () => {
    const dir = tempDir('hn-fc-draws0-');
    // four years ahead: the sample's one LA takes the 2022 release's calibration, scored three years ahead
    const zero = await runCli('forecast', '--ees', ...EES, '--la', '999', '--base-year', '2022', '--horizon', '4', '--draws', '0', '--out', join(dir, 'zero.csv'));
    expect(zero.code, zero.stderr).toBe(0);
    // the notes on years further ahead than any past forecast was scored, and on where the ranges' scale comes
    // from, speak of no range where none is written
    expect(zero.stderr).toMatch(/Forecasts for January 2026: no past forecast in the files was scored that far ahead/);
    expect(zero.stderr).not.toMatch(/range/);
    const some = await runCli('forecast', '--ees', ...EES, '--la', '999', '--base-year', '2022', '--horizon', '4', '--draws', '20', '--out', join(dir, 'some.csv'));
    expect(some.code, some.stderr).toBe(0);
    expect(some.stderr).toMatch(/Forecasts for January 2026: the ranges were calibrated on past forecasts scored at most 3 years ahead/);
    expect(some.stderr).toMatch(/the ranges take the scale of every LA's of the published release/);
    const z = rows(join(dir, 'zero.csv'));
    const s = rows(join(dir, 'some.csv'));
    expect(z.map((r) => r[3])).toEqual(['2023', '2024', '2025', '2026']);
    for (const [i, r] of z.entries()) {
      const [p10, p50, p90] = r.slice(4, 7).map(Number);
      expect(p10, `${r[3]}`).toBe(p50);
      expect(p90, `${r[3]}`).toBe(p50);
      expect(p50).toBe(Number(s[i]![5]));
      // the forecast with draws keeps its range
      expect(Number(s[i]![4])).toBeLessThan(p50!);
      expect(Number(s[i]![6])).toBeGreaterThan(p50!);
    }
  });
});

/**
 * Files too short for the default origins. The 2025 release's layout cut to January 2022 holds the Januaries 2019–2022:
 * `backtest --all` said "nothing to score: no series has a stock at origin(s) 2017, 2018, 2019 … choose --origins at
 * least 3 year(s) before the last census year in the files", and `--origins 2019`, which is that, gave the same
 * message again (an origin also needs the January before it). It now gives the Januaries the files hold and the
 * origins and horizon that would score, and following it works.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, sampleCaseloadOf } from './helpers.ts';

let file = '';
// the sample's Januaries 2019–2022 only: four Januaries, as the 2025 layout to January 2022
beforeAll(() => {
  file = sampleCaseloadOf(2019, 2022);
});

describe('backtest on files too short for its origins', () => {
  it('names the Januaries held and the origins and horizon that would score', async () => {
    const r = await runCli('backtest', '--ees', file, '--all');
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/nothing to score/);
    expect(r.stderr).toMatch(/Januaries 2019–2022/);
    expect(r.stderr).toMatch(/--horizon 2 or less with --origins 2020/);
    const exact = await runCli('backtest', '--ees', file, '--all', '--origins', '2019');
    expect(exact.code).toBe(1);
    expect(exact.stderr).toMatch(/--horizon 2 or less with --origins 2020/);
    const h1 = await runCli('backtest', '--ees', file, '--all', '--origins', '2019', '--horizon', '1');
    expect(h1.stderr).toMatch(/choose --origins from 2020 to 2021/);
  });

  it('the advice scores', async () => {
    const r = await runCli('backtest', '--ees', file, '--all', '--origins', '2020', '--horizon', '2', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).horizons['2'].model.mape).toBeGreaterThanOrEqual(0);
  });
});

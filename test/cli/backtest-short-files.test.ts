/**
 * Files too short for the default origins. The 2025 release's layout cut to January 2022 holds the Januaries 2019–2022:
 * `backtest --all` said "nothing to score: no series has a stock at origin(s) 2017, 2018, 2019 … choose --origins at
 * least 3 year(s) before the last census year in the files", and `--origins 2019`, which is that, gave the same
 * message again (an origin also needs the January before it). It now gives the Januaries the files hold and the
 * origins and horizon that would score, and following it works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers.ts';

let dir = '';
let file = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hn-bt-short-'));
  file = join(dir, 'sen2_age_caseload.csv');
  // the sample's Januaries 2019–2022 only: four Januaries, as the 2025 layout to January 2022
  const lines = readFileSync('data-samples/sen2_age_caseload.csv', 'utf8').split('\n');
  writeFileSync(file, [lines[0], ...lines.slice(1).filter((l) => /^20(19|2[0-2]),/.test(l))].join('\n') + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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

/**
 * Files too short for the default origins. The 2025 release's layout cut to January 2022 holds the Januaries 2019–2022:
 * `backtest --all` said "nothing to score: no series has a stock at origin(s) 2017, 2018, 2019 … choose --origins at
 * least 3 year(s) before the last census year in the files", and `--origins 2019`, which is that, gave the same
 * message again (an origin also needs the January before it). It now gives the Januaries the files hold and the
 * origins and horizon that would score, and following it works.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copySampleTables, runCli, sampleCaseloadOf } from './helpers.ts';
import { tempDir } from '../temp.ts';

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

// backtest --data of a folder whose caseload holds no January (empty), or one or two: it said 'nothing to score: no
// series has a stock at origins  and an outcome up to 3 years later in the data; choose --origins at least 3 years
// before the last census year in the files', naming no file and no origin, where run names the empty file
describe('backtest --data of a folder with too few Januaries', () => {
  it('no stock at all: names the file not read, as run does; one or two Januaries: names them, no empty list', async () => {
    const root = tempDir('hn-backtest-short-');
    const caseload = readFileSync('data-samples/sen2_age_caseload.csv', 'utf8').trimEnd().split('\n');
    const cases: Array<[string, string, RegExp]> = [
      ['', 'empty', /Anyshire \(999\) cannot be backtested: the data hold no stock of plans[^\n]* Not read: [^\n]*sen2_age_caseload\.csv \(the file is empty/],
      [[caseload[0], ...caseload.filter((l) => l.startsWith('2022,'))].join('\n'), 'one', /no January of the data has the January before it and an outcome up to 3 years later: the files hold January 2022 only/],
      [[caseload[0], ...caseload.filter((l) => /^202[12],/.test(l))].join('\n'), 'two', /the files hold the Januaries 2021–2022[^\n]*files holding at least three Januaries are needed/],
    ];
    for (const [text, what, said] of cases) {
      const data = join(root, what);
      copySampleTables(data);
      writeFileSync(join(data, 'sen2_age_caseload.csv'), text);
      const r = await runCli('backtest', '--data', data);
      expect(r.code, `${what}: ${r.stderr}`).toBe(1);
      expect(r.stderr, what).toMatch(said);
      expect(r.stderr, what).not.toMatch(/origins {2}and|choose --origins at least/);
    }
  }, 60_000);
});

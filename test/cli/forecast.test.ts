import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HAVE_REAL, REAL_EES_FILES } from '../model/real-files.ts';
import { runCli } from './helpers.ts';
import { tempDir } from '../temp.ts';

describe.skipIf(!HAVE_REAL)('highneeds forecast on the real files (the cli.md contract)', () => {
  it('writes the fixed CSV columns, says how many later rows it ignored, and forecasts a reorganised LA from its joined history', async () => {
    const out = join(tempDir('hn-fc-'), 'f.csv');
    const r = await runCli('forecast', '--ees', ...REAL_EES_FILES, '--la', '925', 'E10000019', '838', '--base-year', '2021', '--horizon', '2', '--draws', '50', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/\d+ row\(s\) later than what was known by January 2021 were ignored/);
    expect(r.stderr).not.toMatch(/skipped 838/);
    // cli.md: a successor's history is joined from its predecessors "with a note", for the LAs forecast only
    expect(r.stderr).toMatch(/Dorset: history before January 2020 joined from Dorset \(835\) \+ Poole \(836\) \+ Bournemouth \(837\), \d+\.\d% of their summed figures/);
    expect(r.stderr).not.toMatch(/Bournemouth, Christchurch and Poole: history/);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('old_la_code,new_la_code,la_name,census_year,ehcp_p10,ehcp_p50,ehcp_p90');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 4).join(','))).toEqual([
      '838,E06000059,Dorset,2022',
      '838,E06000059,Dorset,2023',
      '925,E10000019,Lincolnshire,2022',
      '925,E10000019,Lincolnshire,2023',
    ]);
  });
});

describe('highneeds backtest (the cli.md contract)', () => {
  it('with no --ees, backtests the default data folder and prints origins, horizons of every method and n_series', async () => {
    const r = await runCli('backtest', '--json');
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc).sort()).toEqual(['horizons', 'n_series', 'origins']);
    expect(Object.keys(doc.horizons)).toEqual(['1', '2', '3']);
    for (const h of Object.values(doc.horizons) as Array<Record<string, Record<string, unknown>>>) {
      expect(Object.keys(h).sort()).toEqual(['drift3', 'drift5', 'growth3', 'growth5', 'model', 'naive_last']);
      expect(Object.keys(h.model!).sort()).toEqual(['bias', 'coverage80', 'mape', 'mdape', 'wape']);
    }
    expect(doc.n_series).toBe(1);
  });

  it('with --ees, backtests those files from the default origins (the real release in test/model/backtest-real.test.ts)', async () => {
    const r = await runCli('backtest', '--ees', 'data-samples/sen2_age_caseload.csv', '--horizon', '1', '--json');
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.origins).toEqual([2017, 2018, 2019]);
    expect(Object.keys(doc.horizons)).toEqual(['1']);
    expect(doc.n_series).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HAVE_REAL, REAL_EES_FILES, realRowsOf } from '../model/real-files.ts';
import { runCli } from './helpers.ts';
import { tempDir } from '../temp.ts';

describe.skipIf(!HAVE_REAL)('highneeds forecast on the real files (the cli.md contract)', () => {
  it('writes the fixed CSV columns, says how many later rows it ignored, and forecasts a reorganised LA from its joined history', async () => {
    const dir = tempDir('hn-fc-');
    const out = join(dir, 'f.csv');
    // the files' rows of England, the regions, Lincolnshire, and Dorset's and Bournemouth, Christchurch and Poole's
    // councils before and after 2019: what the test reads is theirs, and the forecast of every LA of the files worked
    // out the past forecasts of 150 LAs (2.5 s of the suite)
    const files = realRowsOf(REAL_EES_FILES, ['925', '835', '836', '837', '838', '839'], dir);
    const r = await runCli('forecast', '--ees', ...files, '--la', '925', 'E10000019', '838', '--base-year', '2021', '--horizon', '2', '--draws', '50', '--out', out);
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

describe('highneeds forecast --ees on a whole data folder', () => {
  it('leaves out the files that are not published statistics, with a note, and forecasts as from the published files alone', async () => {
    const dir = tempDir('hn-fc-folder-');
    const whole = await runCli('forecast', '--ees', 'data-samples', '--all', '--base-year', '2022', '--draws', '20', '--out', join(dir, 'whole.csv'));
    expect(whole.code, whole.stderr).toBe(0);
    expect(whole.stderr).toMatch(/left out \d+ files that are not published EHC plan statistics: .*data-samples\/funding\.csv \(funding\)/);
    const ees = ['sen2_age_caseload.csv', 'sen2_age_new_plans.csv', 'sen2_estab_caseload.csv'].map((f) => join('data-samples', f));
    const alone = await runCli('forecast', '--ees', ...ees, '--all', '--base-year', '2022', '--draws', '20', '--out', join(dir, 'alone.csv'));
    expect(alone.code, alone.stderr).toBe(0);
    expect(alone.stderr).not.toMatch(/left out/);
    expect(readFileSync(join(dir, 'whole.csv'), 'utf8')).toBe(readFileSync(join(dir, 'alone.csv'), 'utf8'));
  });
});

describe('highneeds backtest (the cli.md contract)', () => {
  it('with no --ees, backtests the default data folder and prints origins, horizons of every method and n_series', async () => {
    const r = await runCli('backtest', '--json');
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    // cli.md's three fields, then which LAs each origin left out and why (added, never in their place)
    expect(Object.keys(doc)).toEqual(['origins', 'horizons', 'n_series', 'left_out']);
    expect(Object.keys(doc.left_out)).toEqual(doc.origins.map(String));
    expect(Object.keys(doc.horizons)).toEqual(['1', '2', '3']);
    for (const h of Object.values(doc.horizons) as Array<Record<string, Record<string, unknown>>>) {
      expect(Object.keys(h).sort()).toEqual(['drift3', 'drift5', 'growth3', 'growth5', 'model', 'naive_last']);
      expect(Object.keys(h.model!).sort()).toEqual(['bias', 'coverage80', 'forecasts', 'mape', 'mdape', 'wape']);
    }
    expect(doc.n_series).toBe(1);
    // in text, one series has no size thirds to show (they were cut at its own size, two of them empty)
    const text = await runCli('backtest');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout + text.stderr).toMatch(/model 80% interval coverage: 1y /);
    expect(text.stdout + text.stderr).not.toMatch(/by LA size/);
  });

  it('with --ees and no --origins, takes the three origins whose three years ahead the files hold (a release to January 2025: 2020–2022)', async () => {
    const dir = tempDir('hn-bt-');
    const lead = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehcplans';
    const las: Array<[string, string, string, number, number]> = [['E10000016', '886', 'Kent', 12000, 0.1], ['E10000019', '925', 'Lincolnshire', 4500, 0.09], ['E10000020', '926', 'Norfolk', 6000, 0.11], ['E08000025', '330', 'Birmingham', 8000, 0.08]];
    const lines = [lead];
    for (let y = 2019; y <= 2025; y++)
      for (const [code, old, name, n, g] of las) lines.push(`${y - 1}${String(y).slice(2)},Academic year,Local authority,E92000001,England,E12000008,South East,${code},${old},${name},All EHC plans,All EHC plans,${Math.round(n * Math.pow(1 + g, y - 2019))}`);
    writeFileSync(join(dir, 'caseload.csv'), `\ufeff${lines.join('\r\n')}\r\n`);
    const r = await runCli('backtest', '--ees', dir, '--all', '--json');
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.origins).toEqual([2020, 2021, 2022]);
    expect(doc.n_series).toBe(4);
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

/**
 * A backtest of one LA scores a handful of forecasts: Kent on the 2022 release (origins 2017–2019) printed 'model 80%
 * interval coverage: 1y 1.00, 2y 0.67, 3y 0.67' of three forecasts each, and on the 2025 layout (origins 2020, 2021,
 * horizon 1) '1y 0.50' of two, as if measured rates. A coverage of fewer than ten forecasts is now their count ('3 of
 * 3'), the table gives the forecasts scored at each horizon, --json gives them beside each score, and a warning says
 * what so few can show. Many LAs' scores (ten forecasts or more) read as before.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.ts';
import { coverageShown } from '../../src/messages/backtest.ts';
import { tempDir } from '../temp.ts';

const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehcplans';

/** One LA's plans, January 2014–2020, growing 8% a year with a wobble: origins 2017–2019 score three forecasts a year ahead. */
let file = '';
beforeAll(() => {
  const lines = [LEAD];
  for (let y = 2014; y <= 2020; y++) {
    const n = Math.round(2000 * 1.08 ** (y - 2014) * (y % 2 ? 1.02 : 0.98));
    lines.push(`${y - 1}${String(y % 100).padStart(2, '0')},Academic year,Local authority,E92000001,England,E12000008,South East,E10000016,886,Kent,All EHC plans,All EHC plans,${n}`);
  }
  file = join(tempDir('hn-bt-few-'), 'caseload.csv');
  writeFileSync(file, lines.join('\r\n') + '\r\n');
});

describe('backtest scored on few forecasts', () => {
  it('gives the coverage of fewer than ten forecasts as a count, and says so', async () => {
    const r = await runCli('backtest', '--ees', file, '--horizon', '1');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/model 80% interval coverage: 1y [0-3] of 3\n/);
    expect(r.stderr).not.toMatch(/coverage: 1y \d\.\d\d/);
    expect(r.stderr).toMatch(/horizon {2}forecasts/);
    expect(r.stderr).toMatch(/\n {6}1 {10}3 /);
    expect(r.stderr).toMatch(/warning: Few forecasts scored: 3 at 1 year ahead\. .*fewer than 10 forecasts/);
    const j = await runCli('backtest', '--ees', file, '--horizon', '1', '--json');
    expect(j.code, j.stderr).toBe(0);
    const model = JSON.parse(j.stdout).horizons['1'].model;
    expect(model.forecasts).toBe(3);
    expect(Math.round(model.coverage80 * 3)).toBe(Number(/1y (\d) of 3/.exec(r.stderr)![1]));
    expect(j.stderr).toMatch(/Few forecasts scored/);
  });

  it('gives a share from ten forecasts on', () => {
    expect(coverageShown(2 / 3, 3)).toBe('2 of 3');
    expect(coverageShown(0.5, 2)).toBe('1 of 2');
    expect(coverageShown(8 / 9, 9)).toBe('8 of 9');
    expect(coverageShown(0.8, 10)).toBe('0.80');
    expect(coverageShown(0.857, 453)).toBe('0.86');
    expect(coverageShown(null, 3)).toBe('n/a');
    expect(coverageShown(NaN, 0)).toBe('n/a');
  });
});

/**
 * A backtest asked for more years ahead than its origins reach: the default origins (the three whose three years
 * ahead the files hold) of a release holding January 2015–2026 at --horizon 10 scored nothing from 6 years ahead,
 * and the table said only 'n/a: not enough history to score', though origin 2016 has an outcome 10 years ahead (and
 * `run` sends its reader to `backtest --horizon` for years no past forecast was scored). It now says which horizons
 * no origin reached and which origins would. Synthetic figures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backtestFromEes } from '../../src/pipeline/forecast.ts';
import { tempDir } from '../temp.ts';

const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehcplans';
const NW = 'Local authority,E92000001,England,E12000002,North West';
const row = (y: number, la: string, n: number): string => `${y - 1}${String(y % 100).padStart(2, '0')},Academic year,${NW},${la},All EHC plans,All EHC plans,${Math.round(n)}`;

function release(): string {
  const dir = tempDir('hn-bt-reach-');
  const lines = [LEAD];
  for (let y = 2015; y <= 2026; y++) lines.push(row(y, 'E10000017,888,Lancashire', 6000 * 1.07 ** (y - 2015)), row(y, 'E08000001,350,Bolton', 1500 * 1.09 ** (y - 2015)));
  writeFileSync(join(dir, 'caseload.csv'), lines.join('\r\n') + '\r\n');
  return dir;
}

describe('a backtest whose origins do not reach its horizon', () => {
  it('says which horizons have no score and which origins score them', async () => {
    const dir = release();
    const cacheDir = tempDir('hn-bt-reach-cache-');
    const r = await backtestFromEes({ files: [dir], all: true, horizon: 10, cacheDir });
    expect(r.result.origins).toEqual([2021, 2022, 2023]);
    expect(r.result.horizons['5']!.model.forecasts).toBe(2);
    expect(r.result.horizons['6']!.model.forecasts).toBe(0);
    expect(r.warnings).toContain(
      "Horizons 6 to 10 years ahead have no score (n/a in the table): none of this backtest's origins (2021, 2022, 2023) has an outcome that far ahead in the files, which hold Januaries 2015–2026; origins 2016 to 2020 score 6 years ahead, and origin 2016 up to 10 (--origins 2016,2017,2018,2019,2020)",
    );
    // followed, every horizon is scored and nothing is said
    const followed = await backtestFromEes({ files: [dir], all: true, horizon: 10, origins: [2016, 2017, 2018, 2019, 2020], cacheDir });
    expect(followed.result.horizons['10']!.model.forecasts).toBe(2);
    expect(followed.warnings.some((w) => w.includes('no score'))).toBe(false);
    // origins that together reach every horizon: nothing to say
    const both = await backtestFromEes({ files: [dir], all: true, horizon: 10, origins: [2016, 2020], cacheDir });
    expect(both.warnings.some((w) => w.includes('no score'))).toBe(false);
    const short = await backtestFromEes({ files: [dir], all: true, horizon: 3, origins: [2024], cacheDir });
    expect(short.warnings).toContain(
      "Horizon 3 years ahead has no score (n/a in the table): this backtest's origin (2024) has no outcome that far ahead in the files, which hold Januaries 2015–2026; origins 2016 to 2023 score 3 years ahead (--origins 2016,2017,2018,2019,2020,2021,2022,2023)",
    );
  });

  it('says no origin can when the files do not reach that far', async () => {
    const dir = tempDir('hn-bt-reach-');
    const lines = [LEAD];
    for (let y = 2019; y <= 2026; y++) lines.push(row(y, 'E10000017,888,Lancashire', 6000 * 1.07 ** (y - 2019)));
    writeFileSync(join(dir, 'caseload.csv'), lines.join('\r\n') + '\r\n');
    const r = await backtestFromEes({ files: [dir], all: true, horizon: 10, origins: [2020], cacheDir: tempDir('hn-bt-reach-cache-') });
    expect(r.result.horizons['6']!.model.forecasts).toBe(1);
    expect(r.warnings).toContain(
      "Horizons 7 to 10 years ahead have no score (n/a in the table): this backtest's origin (2020) has no outcome that far ahead in the files, which hold Januaries 2019–2026, and no origin can: the earliest a forecast starts from is January 2020, 6 years before the last",
    );
    // one origin that scores, one year before the last: said in the singular ('origins 2024 score', '1 years before')
    const few = tempDir('hn-bt-reach-');
    writeFileSync(join(few, 'caseload.csv'), [LEAD, ...[2023, 2024, 2025, 2026].map((y) => row(y, 'E10000017,888,Lancashire', 6000 * 1.07 ** (y - 2023)))].join('\r\n') + '\r\n');
    const one = await backtestFromEes({ files: [few], all: true, horizon: 3, origins: [2025], cacheDir: tempDir('hn-bt-reach-cache-') });
    expect(one.warnings.filter((w) => w.includes('no score'))).toEqual([
      "Horizons 2 to 3 years ahead have no score (n/a in the table): this backtest's origin (2025) has no outcome that far ahead in the files, which hold Januaries 2023–2026; origin 2024 scores 2 years ahead (--origins 2024)",
    ]);
    const three = tempDir('hn-bt-reach-');
    writeFileSync(join(three, 'caseload.csv'), [LEAD, ...[2024, 2025, 2026].map((y) => row(y, 'E10000017,888,Lancashire', 6000 * 1.07 ** (y - 2024)))].join('\r\n') + '\r\n');
    const none = await backtestFromEes({ files: [three], all: true, horizon: 2, origins: [2025], cacheDir: tempDir('hn-bt-reach-cache-') });
    expect(none.warnings.filter((w) => w.includes('no score'))).toEqual([
      "Horizon 2 years ahead has no score (n/a in the table): this backtest's origin (2025) has no outcome that far ahead in the files, which hold Januaries 2024–2026, and no origin can: the earliest a forecast starts from is January 2025, 1 year before the last",
    ]);
  });
});

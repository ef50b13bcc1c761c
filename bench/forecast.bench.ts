/**
 * Forecast and backtest speed on the real EES files (skipped when they are absent: test/real-data.ts): `forecast --all` with
 * 1,000 draws from 2022, and the 2017–2019 rolling-origin backtest.
 */
import { backtestFromEes } from '../src/pipeline/forecast.ts';
import { forecastFromEes } from '../src/pipeline/forecast.ts';
import { HAVE_REAL, REAL_EES_FILES as FILES } from '../test/model/real-files.ts';
import type { Figure } from './figure.ts';

export async function bench(): Promise<Figure[]> {
  if (!HAVE_REAL) return [];
  let t = performance.now();
  const f = await forecastFromEes({ files: FILES, all: true, baseYear: 2022, horizon: 3, draws: 1000, seed: 1 });
  const forecastS = (performance.now() - t) / 1000;
  t = performance.now();
  const b = (await backtestFromEes({ files: FILES, all: true, origins: [2017, 2018, 2019], horizon: 3 })).result;
  const backtestS = (performance.now() - t) / 1000;
  return [
    { name: 'forecast --all, 1,000 draws, base 2022', value: Number(forecastS.toFixed(1)), unit: 's', target: '< 60 s', ok: forecastS < 60 },
    { name: 'LAs forecast', value: new Set(f.rows.map((r) => r.old_la_code)).size, unit: 'LAs' },
    { name: 'backtest --all, origins 2017–2019', value: Number(backtestS.toFixed(1)), unit: 's' },
    { name: 'backtest model MAPE h=1', value: b.horizons['1']!.model.mape, unit: '%', target: `< ${b.horizons['1']!.drift3.mape} (drift3)`, ok: b.horizons['1']!.model.mape < b.horizons['1']!.drift3.mape },
    { name: 'backtest model MAPE h=3', value: b.horizons['3']!.model.mape, unit: '%', target: `< ${b.horizons['3']!.drift3.mape} (drift3)`, ok: b.horizons['3']!.model.mape < b.horizons['3']!.drift3.mape },
  ];
}

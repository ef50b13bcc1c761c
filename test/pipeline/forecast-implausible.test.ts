/**
 * `forecast` leaves out an LA whose central forecast a run's gate would refuse (pipeline/plausible.ts): a step from the
 * published base, or from one forecast year to the next, beyond ×0.7–×1.5 a year. Before, a copy of a release with
 * made-up age rows under City of London's real total printed 23 → 8 plans a year ahead, exit 0, where `run` refuses.
 */
import { describe, expect, it } from 'vitest';
import { emptyDataset } from '../../src/model/dataset.ts';
import type { ForecastRow } from '../../src/model/forecast/forecast.ts';
import { implausibleForecasts } from '../../src/pipeline/forecast.ts';

function la(code: string, name: string, base: number) {
  const ds = emptyDataset({ oldCode: code, newCode: `E0900${code}`, name });
  ds.stockTotal = { 2021: base, 2022: base };
  return ds;
}

function rows(code: string, name: string, p50s: number[]): ForecastRow[] {
  return p50s.map((p50, i) => ({ old_la_code: code, new_la_code: `E0900${code}`, la_name: name, census_year: 2023 + i, ehcp_p10: p50 * 0.9, ehcp_p50: p50, ehcp_p90: p50 * 1.1 }));
}

describe('forecast: an implausible step is left out with its reason', () => {
  const batch = { datasets: [la('201', 'City of London', 23), la('886', 'Kent', 17733)], regions: [] };

  it('a fall from the published base to a third', () => {
    const out = implausibleForecasts([...rows('201', 'City of London', [8, 9, 10]), ...rows('886', 'Kent', [20144, 22882, 25993])], batch, 2022);
    expect([...out.keys()]).toEqual(['201']);
    expect(out.get('201')!.reason).toMatch(/January 2023 is 8 plans against 23 a year earlier \(a step of ×0\.35, outside ×0\.7–×1\.5\)/);
    expect(out.get('201')!.la_name).toBe('City of London');
  });

  it('a jump between two forecast years, named at the later one', () => {
    const out = implausibleForecasts(rows('201', 'City of London', [24, 25, 40]), batch, 2022);
    expect(out.get('201')!.reason).toMatch(/January 2025 is 40 plans against 25/);
  });

  it('keeps forecasts that move within ×0.7–×1.5 a year', () => {
    expect(implausibleForecasts([...rows('201', 'City of London', [30, 40, 55]), ...rows('886', 'Kent', [13000, 9200, 6500])], batch, 2022).size).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { csvText, forecastCsv } from '../../src/model/forecast/csv.ts';
import { forecastFromEes } from '../../src/pipeline/forecast.ts';
import { writeFixture } from './forecast-fixture.ts';

describe('forecastFromEes', () => {
  it('gives identical output whether or not the files hold later years', async () => {
    const opts = { all: true, baseYear: 2022, horizon: 2, draws: 20, seed: 7, workers: 1 };
    const full = await forecastFromEes({ ...opts, files: writeFixture(2024) });
    const cut = await forecastFromEes({ ...opts, files: writeFixture(2022) });
    expect(full.rows.length).toBeGreaterThan(0);
    expect(forecastCsv(full.rows)).toBe(forecastCsv(cut.rows));
    expect(full.skipped).toEqual(cut.skipped);
    expect(full.ignoredRows).toBeGreaterThan(0);
    expect(cut.ignoredRows).toBe(0);
  });

  it('lists reorganised LAs as skipped with the reason, and forecasts the rest', async () => {
    const r = await forecastFromEes({ files: writeFixture(2024), all: true, baseYear: 2022, horizon: 3, draws: 0, seed: 1 });
    const skipped = new Map(r.skipped.map((s) => [s.old_la_code, s.reason]));
    expect(skipped.get('940')).toMatch(/reorganisation/);
    expect(skipped.get('928')).toMatch(/ended|reorganisation/i);
    const codes = new Set(r.rows.map((x) => x.old_la_code));
    expect([...codes].sort()).toEqual(['925', '926', '938']);
    for (const row of r.rows) {
      expect(row.ehcp_p10).toBeLessThanOrEqual(row.ehcp_p50);
      expect(row.ehcp_p50).toBeLessThanOrEqual(row.ehcp_p90);
    }
    expect(r.rows.filter((x) => x.old_la_code === '925').map((x) => x.census_year)).toEqual([2023, 2024, 2025]);
  });

  it('takes DfE or ONS codes for --la', async () => {
    const files = writeFixture(2022);
    const a = await forecastFromEes({ files, las: ['925'], baseYear: 2022, draws: 0, seed: 1 });
    const b = await forecastFromEes({ files, las: ['E10000019'], baseYear: 2022, draws: 0, seed: 1 });
    expect(a.rows).toEqual(b.rows);
    expect(new Set(a.rows.map((r) => r.old_la_code))).toEqual(new Set(['925']));
    await expect(forecastFromEes({ files, las: ['999'], baseYear: 2022, draws: 0, seed: 1 })).rejects.toThrow(/999/);
  });
});

describe('forecastCsv', () => {
  it('writes the contract header, whole numbers and safe text', () => {
    const csv = forecastCsv([
      { old_la_code: '938', new_la_code: 'E10000032', la_name: '=West Sussex, County', census_year: 2023, ehcp_p10: 99.6, ehcp_p50: 120.4, ehcp_p90: 140.5 },
    ]);
    const [head, line] = csv.trim().split('\n');
    expect(head).toBe('old_la_code,new_la_code,la_name,census_year,ehcp_p10,ehcp_p50,ehcp_p90');
    expect(line).toBe(`938,E10000032,"'=West Sussex, County",2023,100,120,141`);
    expect(csvText('-1')).toBe("'-1");
    expect(csvText('@x')).toBe("'@x");
  });
});

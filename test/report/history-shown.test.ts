/**
 * With --suppress-small-counts the past Januaries of a small LA were shown in three ways, none of them right: the
 * report's fan and placement charts (also in the workbook) drew its small totals exactly (Isles of Scilly on the real
 * 2022 release at 10: 4 plans in January 2010, on a grid line); the report's first paragraph gave one back through its
 * growth ('up from fewer than 10 in January 2010: growth of 12.2% a year on average over 12 years', from 16: 4); and
 * the explorer page left the small years out of its chart's axis, so 2014 and 2017 stood side by side as if one year
 * apart. All three now show the unbroken run of Januaries up to the base year, back to the last small total
 * (suppress.ts pastYearsShown): Isles of Scilly from 2017.
 */
import { describe, expect, it } from 'vitest';
import { payloadSource } from '../explorer/payload-source.ts';
import { explorerPayload } from '../../src/explorer/payload.ts';
import { fanTotalPlansChart } from '../../src/report/charts/fan-total-plans.ts';
import { plansByPlacementChart } from '../../src/report/charts/plans-by-placement.ts';
import { dataParagraphs } from '../../src/report/html/narrative.ts';
import type { RunReport } from '../../src/report/run-report.ts';
import { pastYearsShown } from '../../src/report/suppress.ts';
import { fixtureInitial, fixturePopulation, fixtureRates } from '../model/fixtures.ts';
import { buildRunReport } from './fixtures/run-report.ts';

/** Isles of Scilly's totals, January 2010–2021, before its base year 2022 (16 plans). */
const SCILLY: Record<number, number> = { 2010: 4, 2011: 4, 2012: 6, 2013: 6, 2014: 10, 2015: 7, 2016: 9, 2017: 10, 2018: 11, 2019: 11, 2020: 11, 2021: 12 };

/** The fixture report with a small LA's past totals before its base year 2025 (placements scaled to them). */
function smallLa(): RunReport {
  const r = buildRunReport({ horizon: 3 });
  const ds = structuredClone(r.dataset);
  for (const y of Object.keys(ds.stockTotal).map(Number))
    if (y < r.baseYear) {
      delete ds.stockTotal[y];
      delete ds.stockByPlacement[y];
    }
  for (const [y, n] of Object.entries(SCILLY)) {
    const year = Number(y) + 3; // 2013–2024
    ds.stockTotal[year] = n;
    ds.stockByPlacement[year] = { MS: n - 1, SSM: 1 };
  }
  return { ...r, dataset: ds };
}

describe('past Januaries shown with small counts suppressed', () => {
  it('pastYearsShown: the unbroken run up to the base year, back to the last small total', () => {
    expect(pastYearsShown(SCILLY, 2022, 10)).toEqual([2017, 2018, 2019, 2020, 2021]);
    expect(pastYearsShown(SCILLY, 2022)).toEqual(Object.keys(SCILLY).map(Number));
    expect(pastYearsShown(SCILLY, 2022, 13)).toEqual([]);
    // with suppression a year the data have no total for ends the run too: on an axis its neighbours would stand one
    // year apart; without, every year with a total is shown (cut at the gap, the years before it were hidden unsaid)
    expect(pastYearsShown({ 2014: 10, 2016: 12, 2017: 14 }, 2018, 5)).toEqual([2016, 2017]);
    expect(pastYearsShown({ 2014: 10, 2016: 12, 2017: 14 }, 2018)).toEqual([2014, 2016, 2017]);
  });

  it('the report: charts and words start after the last small total', () => {
    const r = smallLa();
    const fan = fanTotalPlansChart(r, 10);
    expect(fan.config.data.labels!.slice(0, 6)).toEqual(['2020', '2021', '2022', '2023', '2024', '2025']);
    const actual = fan.config.data.datasets.find((d) => d.label === 'Actual')!.data as Array<number | null>;
    expect(actual.filter((v): v is number => v !== null).every((v) => v >= 10)).toBe(true);
    expect(plansByPlacementChart(r, 10).config.data.labels![0]).toBe('2020');
    // without suppression every past January is drawn
    expect(fanTotalPlansChart(r).config.data.labels![0]).toBe('2013');
    const words = dataParagraphs(r, 10).join(' ');
    expect(words).toMatch(/up from 10 in January 2020: growth of [\d.]+% a year on average over 5 years/);
    expect(words).not.toMatch(/January 201[3-9]/);
    expect(dataParagraphs(r).join(' ')).toMatch(/up from 4 in January 2013/);
  });

  it('the explorer page: no small year left out inside its axis', () => {
    const source = payloadSource({
      la: { oldCode: '420', newCode: 'E06000053', name: 'Isles of Scilly' },
      input: { rates: fixtureRates(), initial: fixtureInitial(), population: fixturePopulation(), baseYear: 2022, horizon: 5 },
      stockTotal: { ...SCILLY, 2022: 16 },
    });
    expect(explorerPayload({ ...source, suppressSmallCounts: 10 }).history.map((h) => h.year)).toEqual([2017, 2018, 2019, 2020, 2021]);
    expect(explorerPayload(source).history).toHaveLength(12);
  });
});

/**
 * The report's words for how plans moved follow the figures: a stock that fell is "down from" its earlier level, not
 * "up from" it with "growth of -3.0%" (the published series fall for some LAs and years: Westminster 2014–2015,
 * Northamptonshire 2015–2016, so a run based there would have said so).
 */
import { describe, expect, it } from 'vitest';
import { countDirection } from '../../src/report/format.ts';
import { dataParagraphs } from '../../src/report/html/narrative.ts';
import { fanTotalPlansChart } from '../../src/report/charts/fan-total-plans.ts';
import { plansByPlacementChart } from '../../src/report/charts/plans-by-placement.ts';
import type { RunReport } from '../../src/report/run-report.ts';
import { buildRunReport } from './fixtures/run-report.ts';

/** The fixture with its history scaled so that the first year holds `first` times the base year's plans. */
function withHistory(r: RunReport, first: number): RunReport {
  const base = r.projection.totalQuantiles[0]!.p50;
  const years = Object.keys(r.dataset.stockTotal).map(Number).filter((y) => y < r.baseYear).sort((a, b) => a - b);
  const stockTotal = { ...r.dataset.stockTotal };
  years.forEach((y, i) => (stockTotal[y] = base * (first + ((1 - first) * i) / years.length)));
  return { ...r, dataset: { ...r.dataset, stockTotal } };
}

describe('words for a change in plans', () => {
  it('countDirection compares the figures as shown', () => {
    expect(countDirection(1_582, 1_519)).toBe('down');
    expect(countDirection(11, 16)).toBe('up');
    expect(countDirection(16.2, 15.8)).toBe('same');
  });

  it('a stock that fell reads "down from" and "fell", one that rose "up from" and "rose"', () => {
    const r = buildRunReport({ horizon: 3 });
    const fell = withHistory(r, 1.2);
    const text = dataParagraphs(fell).join(' ');
    expect(text).toMatch(/EHC plans, down from [\d,]+ in January \d{4}: a fall of \d+\.\d% a year on average/);
    expect(text).not.toMatch(/up from|growth of -/);
    expect(fanTotalPlansChart(fell).alt).toMatch(/Actual plans fell from [\d,]+ in January \d{4} to [\d,]+ in January/);

    const rose = withHistory(r, 0.8);
    expect(dataParagraphs(rose).join(' ')).toMatch(/EHC plans, up from [\d,]+ in January \d{4}: growth of \d+\.\d% a year/);
    expect(fanTotalPlansChart(rose).alt).toMatch(/Actual plans rose from/);

    const flat = withHistory(r, 1);
    expect(dataParagraphs(flat).join(' ')).toMatch(/EHC plans, as many as in January \d{4}\./);
  });

  it('the placement chart says whether state special schools rise or fall', () => {
    const alt = plansByPlacementChart(buildRunReport({ horizon: 3 })).alt;
    expect(alt).toMatch(/state special schools ([\d,]+ (rising|falling) to [\d,]+|[\d,]+ in both years)\.$/);
  });
});

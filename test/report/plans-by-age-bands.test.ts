/**
 * Plans by age from banded data: the sheet says its single ages are the model's apportionment of the data's bands,
 * not published figures (before, a run on the 2022 release headed them "Jan 2022 actual" with no word).
 */
import { describe, expect, it } from 'vitest';
import { buildWorkbookModel } from '../../src/report/workbook/build-workbook.ts';
import { buildRunReport } from './fixtures/run-report.ts';

function introOf(r: ReturnType<typeof buildRunReport>): string {
  return buildWorkbookModel(r).sheets.find((s) => s.name === 'Plans by age')!.intro!.join(' ');
}

describe('Plans by age sheet', () => {
  it('says the single ages are apportioned when the base year has age bands only', () => {
    const r = buildRunReport();
    delete r.dataset.stockCube[r.baseYear];
    expect(introOf(r)).toMatch(/plans by age band only \(0–4, 5–10, 11–15, 16–19, 20–25\) for January \d{4}: single ages here.*are the model's apportionment/);
  });

  it('says nothing of bands when the base year has a person-level return or single ages', () => {
    const r = buildRunReport();
    expect(introOf(r)).not.toMatch(/age band only/);
    delete r.dataset.stockCube[r.baseYear];
    for (let a = 0; a <= 25; a++) r.dataset.stockByAge.push({ year: r.baseYear, from: a, to: a, count: 10 });
    expect(introOf(r)).not.toMatch(/age band only/);
  });
});

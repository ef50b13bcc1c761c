/**
 * Plan counts as the run writes them (JSON document, workbook cells, the workbook's CSVs): float noise from summing
 * fractional cells (19.000000000000004 for a published stock of 19) never reaches an output; projected fractions are
 * kept to a millionth of a plan. Money is written to the penny with its identities exact (budget/published-money.ts).
 */
import { describe, expect, it } from 'vitest';
import { projectionJson, runDocument } from '../../src/pipeline/run-json.ts';
import { newCube } from '../../src/model/cube.ts';
import { workbookCsvs } from '../../src/report/csv.ts';
import { buildWorkbookModel } from '../../src/report/workbook/build-workbook.ts';
import { cellNumber } from '../../src/report/workbook/model.ts';
import { buildRunReport } from '../report/fixtures/run-report.ts';
import { expectMoneyIdentities, withMoneyNoise, type MoneyDoc } from '../budget/money-identities.ts';

/** Decimals of a number as JavaScript writes it (JSON, CSV). */
const decimals = (n: number): number => (String(n).split('.')[1] ?? '').length;

/** A report whose base year sums to a published 19 with float noise: 6.4 + 9.8 + 2.8 over fractional cells. */
/** Checks every numeric cell of the given kinds is written to at most six decimals; returns how many were seen. */
function expectCellsToAMillionth(model: ReturnType<typeof buildWorkbookModel>, kinds: readonly string[]): number {
  let seen = 0;
  for (const s of model.sheets)
    for (const t of s.tables)
      t.rows.forEach((row) =>
        row.forEach((c, j) => {
          const kind = c !== null && typeof c === 'object' ? c.kind : t.columns[j]!.kind;
          const n = cellNumber(c);
          if (n === undefined || !kinds.includes(kind)) return;
          seen++;
          expect(decimals(n), `${s.name} ${t.name} ${n}`).toBeLessThanOrEqual(6);
        }),
      );
  return seen;
}

function noisyReport() {
  const r = buildRunReport({ horizon: 3 });
  const base = newCube();
  const cells = [6.4, 9.8, 2.8]; // 19.000000000000004 when added in floats
  cells.forEach((x, i) => (base[i] = x));
  const total = cells.reduce((a, b) => a + b, 0);
  expect(total).not.toBe(19); // the noise this test is about
  const p = r.projection;
  p.central[0] = base;
  p.totalQuantiles[0] = { p10: total, p50: total, p90: total };
  p.totalQuantiles[1] = { p10: 19.437211433571093, p50: 20.42882876986918, p90: 21.253896862514775 };
  return r;
}

describe('plan counts written by a run', () => {
  it('the JSON document gives a published 19 as 19, and projections to six decimals', () => {
    const j = projectionJson(noisyReport().projection);
    const base = Object.values(j.ehcp_total)[0]!;
    expect(base).toEqual({ p10: 19, p50: 19, p90: 19 });
    expect(Object.values(j.ehcp_total)[1]).toEqual({ p10: 19.437211, p50: 20.428829, p90: 21.253897 });
    const byPlacement = Object.values(j.ehcp_by_placement).flatMap((y) => Object.values(y));
    for (const n of [...byPlacement, ...Object.values(j.ehcp_total).flatMap((q) => Object.values(q))]) expect(decimals(n), String(n)).toBeLessThanOrEqual(6);
    expect(Object.values(Object.values(j.ehcp_by_placement)[0]!).reduce((a, b) => a + b, 0)).toBeCloseTo(19, 9);
  });

  it('count cells of the workbook, and so its CSVs, carry no float noise', () => {
    const model = buildWorkbookModel(noisyReport());
    expect(expectCellsToAMillionth(model, ['count', 'number'])).toBeGreaterThan(100);
    const csv = workbookCsvs(model).map((f) => f.text).join('\n');
    expect(csv).not.toContain('19.000000000000004');
  });
});

describe('money written by a run', () => {
  it('the JSON document gives money to the penny, its identities exact in pennies, each figure less than a penny from the model', () => {
    const r = buildRunReport({ horizon: 10 });
    const b = withMoneyNoise(r.budget!);
    const d = runDocument(r, { workbook: 'w.xlsx', charts: [], report: 'r.html' }) as unknown as MoneyDoc & Record<string, unknown>;
    const money = Object.entries(d).filter(([k]) => k.endsWith('_gbp'));
    expect(money.length).toBeGreaterThan(4);
    const numbers = (v: unknown): number[] => (typeof v === 'number' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(numbers) : []);
    for (const [k, v] of money) for (const n of numbers(v)) expect(decimals(n), `${k} ${n}`).toBeLessThanOrEqual(2);
    // the fixture's later years have hand-made ranges that do not tie the in-year range to the expenditure range
    expectMoneyIdentities(d, false);
    const fy0 = Object.keys(d.expenditure_gbp)[0]!;
    expect(d.in_year_balance_gbp[fy0]!.p10).toBe(d.income_gbp![fy0]! - d.expenditure_gbp[fy0]!.p90);
    b.lines.forEach((l, i) => {
      const fy = Object.keys(d.expenditure_gbp)[i]!;
      expect(Math.abs(d.expenditure_gbp[fy]!.p50 - l.expenditure), fy).toBeLessThan(0.01);
      expect(Math.abs(d.cumulative_balance_gbp[fy]!.p50 - l.cumulativeBalance), fy).toBeLessThanOrEqual(0.005 + 1e-6);
    });
  });
});

describe('money written by the workbook', () => {
  it('money cells, and so the CSVs, carry no float noise: to a millionth of a pound', () => {
    const r = buildRunReport({ horizon: 10, mitigated: true });
    withMoneyNoise(r.budget!);
    const model = buildWorkbookModel(r);
    expect(expectCellsToAMillionth(model, ['money'])).toBeGreaterThan(100);
  });
});

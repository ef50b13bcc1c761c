/**
 * With --suppress-small-counts the placement chart's text alternative (in the report and on the workbook's chart) gave
 * a small count's share of the total the report states: Isles of Scilly on the real 2022 release at 10 read
 * 'Independent and non-maintained special schools hold 12.5% of plans in January 2022 and 7.4% by January 2032' beside
 * 'Isles of Scilly has 16 EHC plans' and '41 by January 2032': 2 and 3 plans. A small count's share now reads [c].
 */
import { describe, expect, it } from 'vitest';
import { plansByPlacementChart } from '../../src/report/charts/plans-by-placement.ts';
import { buildRunReport } from './fixtures/run-report.ts';

describe('placement chart alt text with small counts suppressed', () => {
  const r = buildRunReport({ horizon: 3 });

  it('gives no share of a small count', () => {
    const alt = plansByPlacementChart(r, 1_000_000).alt;
    expect(alt).toMatch(/Independent and non-maintained special schools hold \[c\] plans in January 2025 and \[c\] plans by January 2028/);
    expect(alt).not.toMatch(/\d%/);
  });

  it('gives the share where the count is not small, and without suppression', () => {
    expect(plansByPlacementChart(r, 5).alt).toMatch(/hold [\d.]+% of plans in January 2025 and [\d.]+% by January 2028/);
    expect(plansByPlacementChart(r).alt).toMatch(/hold [\d.]+% of plans in January 2025/);
  });
});

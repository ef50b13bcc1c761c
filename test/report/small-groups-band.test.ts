/**
 * With --suppress-small-counts the report's and workbook's chart of plans by placement drew each group at its exact
 * height, so a group below N could be read off the axis (Isles of Scilly on the real 2022 release at 10: mainstream 9
 * in January 2019 on a grid line). A group with a small count in any year shown is now drawn in one grey band with
 * the others (report/suppress.ts smallGroupsBanded), as the explorer page's chart draws them, and the band never holds
 * a small count alone.
 */
import { describe, expect, it } from 'vitest';
import { PLACEMENT_GROUPS } from '../../src/domain/index.ts';
import { plansByPlacementChart } from '../../src/report/charts/plans-by-placement.ts';
import { isSmallCount, smallGroupsBanded } from '../../src/report/suppress.ts';
import { buildRunReport } from './fixtures/run-report.ts';

describe('plans by placement with small counts suppressed', () => {
  it('bands the small groups so that no drawn height is a small count of one group', () => {
    const s = [
      { label: 'A', values: [9, 12, 15] },
      { label: 'B', values: [20, 30, 40] },
      { label: 'C', values: [40, 50, 60] },
      { label: 'D', values: [0, 0, 0] },
    ];
    // A is small in the first year and alone in the band there: B, the smallest other group of that year, joins it
    expect(smallGroupsBanded(s, 10)).toEqual([s[2], s[3], { label: 'Groups with fewer than 10 plans in a year', values: [29, 42, 55], members: ['A', 'B'] }]);
    // two small groups of one year share the band when together they are not small (4 + 8); together small (3 + 4 = 7,
    // a count of 7 children drawn on the axis), the smallest other group joins them
    const two = [{ label: 'A', values: [4, 20] }, { label: 'B', values: [8, 20] }, { label: 'C', values: [50, 50] }];
    expect(smallGroupsBanded(two, 10).map((x) => x.label)).toEqual(['C', 'Groups with fewer than 10 plans in a year']);
    const twoSmall = [{ label: 'A', values: [3, 20] }, { label: 'B', values: [4, 20] }, { label: 'C', values: [50, 50] }, { label: 'D', values: [30, 60] }];
    expect(smallGroupsBanded(twoSmall, 10)).toEqual([twoSmall[2], { label: 'Groups with fewer than 10 plans in a year', values: [37, 100], members: ['A', 'B', 'D'] }]);
    // no threshold, or none small, changes nothing
    expect(smallGroupsBanded(s, undefined)).toEqual(s);
    expect(smallGroupsBanded(s, 5)).toEqual(s);
  });

  it('draws no small count of one group on the chart, and its small print and alt text say so', () => {
    const r = buildRunReport({ mitigated: false });
    const plain = plansByPlacementChart(r);
    const heights = plain.config.data.datasets.map((d) => d.data as number[]);
    // a threshold above the sample's smallest group with plans, below its largest
    const positive = heights.flat().filter((v) => v > 0);
    const t = Math.ceil(Math.min(...heights.filter((h) => h.some((v) => v > 0)).map((h) => Math.max(...h)))) + 1;
    expect(positive.some((v) => isSmallCount(v, t))).toBe(true);
    const spec = plansByPlacementChart(r, t);
    const sets = spec.config.data.datasets;
    expect(sets.length).toBeLessThan(PLACEMENT_GROUPS.length);
    const band = sets.find((d) => d.label === `Groups with fewer than ${t} plans in a year`)!;
    expect(band).toBeDefined();
    for (const d of sets.filter((x) => x !== band)) for (const v of d.data as number[]) expect(isSmallCount(v, t), `${d.label} ${v}`).toBe(false);
    // the stack's top is the total, as before
    const top = (xs: typeof sets) => (xs[0]!.data as number[]).map((_, i) => xs.reduce((s, d) => s + (d.data as number[])[i]!, 0));
    top(sets).forEach((v, i) => expect(v).toBeCloseTo(top(plain.config.data.datasets)[i]!, 0));
    expect(spec.alt).toContain('Grey band:');
    expect(JSON.stringify(spec.config.options)).toContain('Grey band:');
    expect(plain.alt).not.toContain('Grey band');
  });
});

/**
 * The explorer page written with --suppress-small-counts drew each placement group at its height from the merged
 * groups (its note said a small one was not exact) while the report drew the run's exact counts. Its chart of plans by
 * placement group now draws the groups with a small count in one grey band, as the report's chart does.
 */
import { describe, expect, it } from 'vitest';
import type { VariantOutcome } from '../../src/explorer/compute.ts';
import { groupsDrawn, plansByGroup } from '../../src/explorer/view-model.ts';
import { projectionJson } from '../../src/pipeline/run-json.ts';
import { isSmallCount } from '../../src/report/suppress.ts';
import { buildRunReport } from '../report/fixtures/run-report.ts';

describe('explorer page with small counts suppressed: plans by placement group', () => {
  const r = buildRunReport({ horizon: 10 });
  const o = { scenario: r.scenario, projection: r.projection, budget: r.budget, result: projectionJson(r.projection) } as unknown as VariantOutcome;

  it('the chart of plans by placement group draws no small count of one group', () => {
    const all = plansByGroup(o);
    const t = Math.ceil(Math.min(...all.map((g) => Math.max(...g.values)))) + 1;
    expect(all.some((g) => g.values.some((v) => isSmallCount(v, t)))).toBe(true);
    const drawn = groupsDrawn(o, t);
    const band = drawn.find((g) => g.members);
    expect(band?.label).toBe(`Groups with fewer than ${t} plans in a year`);
    for (const g of drawn.filter((x) => x !== band)) for (const v of g.values) expect(isSmallCount(v, t), `${g.label} ${v}`).toBe(false);
    expect(groupsDrawn(o)).toEqual(all);
  });
});

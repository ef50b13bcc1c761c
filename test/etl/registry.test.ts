/** The "closest known layout" hint of an unrecognised file names what is missing, or says that nothing is. */
import { describe, expect, it } from 'vitest';
import { closestLayout } from '../../src/etl/registry.ts';

describe('closestLayout', () => {
  it('names the missing identifying columns', () => {
    expect(closestLayout(['code', 'name', 'geography'])).toBe("ons-mye (missing 'all ages')");
  });

  it('says the columns are all there when none is missing (never "missing )")', () => {
    const hint = closestLayout(['code', 'name', 'geography', 'all ages', 'infinity', '1']);
    expect(hint).toMatch(/^ons-mye \(its columns are all there/);
    expect(hint).not.toMatch(/missing \)/);
  });

  it('names every layout that shares as many columns, not the first alone', () => {
    // a new-plans file with its figure's column renamed: as close to the caseload layout as to its own
    const hint = closestLayout(['time_period', 'geographic_level', 'old_la_code', 'breakdown_topic', 'breakdown', 'new_plans']);
    expect(hint).toContain("ees-2025-caseload (missing 'ehcplans')");
    expect(hint).toContain(" or ees-2025-newplans (missing 'new_ehc_plans')");
  });

  it('gives nothing for a header like no layout', () => {
    expect(closestLayout(['a', 'b'])).toBeUndefined();
  });
});

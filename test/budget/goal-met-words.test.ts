/**
 * goal-seek's answer says what its effect is in plans: 'new_plans: effect 47.12% meets …' alone read as a finding of
 * City of London's new plans (real 2022 release, the sample's money tables scaled to it), a handful a year, where
 * the effect is 2.8 fewer new plans over four years. Counts under 10 have one decimal, larger ones none.
 */
import { describe, expect, it } from 'vitest';
import { goalMet } from '../../src/messages/budget.ts';

describe('goal-seek answer in plans', () => {
  it('gives the new plans not made beside the effect, a handful to one decimal', () => {
    expect(goalMet('new_plans', 0.47118, 'in-year-balance=-200000@2025-26', -200000, { to_census_year: 2026, avoided: 2.84, new_plans: 4.27 }, true)).toBe(
      'new_plans: effect 47.12% meets in-year-balance=-200000@2025-26 (achieved -£200,000 on the deterministic path): 2.8 fewer new plans in the years to January 2026 (4.3 made instead of 7.1).',
    );
    expect(goalMet('new_plans', 0.4862, 'in-year-balance=-200000000@2025-26', -200000000, { to_census_year: 2026, avoided: 4959.25, new_plans: 8079.875 }, true)).toMatch(
      /: 4,959 fewer new plans in the years to January 2026 \(8,080 made instead of 13,039\)\.$/,
    );
  });
  it('gives the plans a named mitigation avoids', () => {
    expect(goalMet('Early intervention', 0.3, 'cumulative-balance=0@2030-31', 0, { to_census_year: 2031, avoided: 120.4, new_plans: 900 }, false)).toMatch(
      /: 120 plans avoided in the years to January 2031 \(900 new plans made\)\.$/,
    );
  });
});

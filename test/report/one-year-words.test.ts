/**
 * A one-year horizon (horizon_years: 1, which the schema allows) read "It projects 1 years", "over 1 years" and, on the
 * explorer page, "· 1 years ·": counts of years now take their noun in the right number (util/plural.ts counted).
 */
import { describe, expect, it } from 'vitest';
import { scenarioParagraphs } from '../../src/report/html/narrative.ts';
import { scenarioDifferences } from '../../src/report/html/scenario-differences.ts';
import { buildRunReport } from './fixtures/run-report.ts';

describe('a count of one year', () => {
  it('the report says "1 year", and "3 years" still for three', () => {
    const one = scenarioParagraphs(buildRunReport({ horizon: 1, mitigated: false })).join(' ');
    expect(one).toMatch(/It projects 1 year from January 2025/);
    expect(one).not.toMatch(/\b1 years\b/);
    expect(scenarioParagraphs(buildRunReport({ horizon: 3 })).join(' ')).toMatch(/It projects 3 years from January 2025/);
  });

  it('the differences between scenarios say "1 year ahead"', () => {
    const a = buildRunReport({ horizon: 3, mitigated: true }).scenario;
    const b = { ...a, horizon_years: 1, mitigations: a.mitigations.map((m) => ({ ...m, ramp_years: 1 })) };
    const text = scenarioDifferences(a, b).join(' ');
    expect(text).toMatch(/Projects 1 year ahead instead of 3/);
    expect(text).not.toMatch(/\b1 years\b/);
  });
});

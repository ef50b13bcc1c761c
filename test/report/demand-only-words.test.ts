/**
 * A demand-only run (`run --demand-only`) leaves every money section out (cli.md), but its report's "What the scenario
 * assumes" still read "Unit costs rise with inflation of 3.0% a year and the High Needs block grows by 3.0% a year
 * after the years in the funding table" (every real LA of the published releases, swept with --demand-only), and a
 * mitigation's delivery cost in pounds: money a run without costs or funding never used.
 */
import { describe, expect, it } from 'vitest';
import { scenarioParagraphs } from '../../src/report/html/narrative.ts';
import { buildRunReport } from './fixtures/run-report.ts';

describe('the scenario paragraphs of a demand-only run', () => {
  it('name no unit costs, inflation, High Needs block or pounds', () => {
    const budgeted = buildRunReport({ mitigated: true });
    expect(scenarioParagraphs(budgeted).join(' ')).toMatch(/Unit costs rise with inflation/);
    const demandOnly = { ...budgeted, budget: undefined };
    const text = scenarioParagraphs(demandOnly).join(' ');
    expect(text).toMatch(/It projects 10 years from January 2025/);
    expect(text).toMatch(/It assumes \d+ mitigations/);
    expect(text).not.toMatch(/unit cost|inflation|High Needs block|funding|£/i);
  });
});

/**
 * A demand-only run (`run --demand-only`) leaves every money section out (cli.md), but its report's "What the scenario
 * assumes" still read "Unit costs rise with inflation of 3.0% a year and the High Needs block grows by 3.0% a year
 * after the years in the funding table" (every real LA of the published releases, swept with --demand-only), and a
 * mitigation's delivery cost in pounds: money a run without costs or funding never used.
 */
import { describe, expect, it } from 'vitest';
import { scenarioParagraphs } from '../../src/report/html/narrative.ts';
import { buildRunReport } from './fixtures/run-report.ts';
import { NEEDED_MONEY_FILES } from '../../src/pipeline/gates.ts';
import { reportMsg } from '../../src/messages/index.ts';

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

describe('the demand-only note of the workbook and report', () => {
  it('names every money table a run without --demand-only refuses when empty', () => {
    // it said 'Fill in the unit-cost and funding tables' after places, other spend and the opening balance were needed too
    for (const file of NEEDED_MONEY_FILES) expect(reportMsg.demandOnlyNote()).toContain(file);
    expect(NEEDED_MONEY_FILES).toHaveLength(5);
  });
});

/**
 * The levers' net saving in words: a net cost is said as a cost (the shipped mitigated scenario read "save £72.3m …,
 * of which -£401k by 31 March 2028"), and 31 March 2028 is named apart only when the run goes past it.
 */
import { describe, expect, it } from 'vitest';
import { leverParagraphs } from '../../src/report/html/narrative.ts';
import type { BudgetedReport } from '../../src/report/run-report.ts';
import { buildRunReport } from './fixtures/run-report.ts';

describe('what the levers save, in words', () => {
  it('names a saving, and 31 March 2028 apart, in a run past it', () => {
    const text = leverParagraphs(buildRunReport({ horizon: 10 }) as BudgetedReport)[0]!;
    expect(text).toMatch(/^Together the levers (save £[\d.,]+[mk]? net of their delivery costs|cost £[\d.,]+[mk]? more than they save) by 31 March 2035; by 31 March 2028 they /);
    expect(text).not.toMatch(/-£|save -/);
  });

  it('does not name 31 March 2028 twice in a run that ends then', () => {
    const text = leverParagraphs(buildRunReport({ horizon: 3 }) as BudgetedReport)[0]!;
    expect(text).toMatch(/^Together the levers .* by 31 March 2028\./);
    expect(text).not.toMatch(/; by 31 March 2028 they/);
  });
});

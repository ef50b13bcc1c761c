/**
 * A run on a release with totals only (the 2025 layout) spreads an LA's plans and new plans over ages like a
 * reference series: the report's age sentence says its figures are estimates (Kent's under-5s read "from 676 to
 * 3,171" with nothing beside them; from its own ages, 661 to 1,330).
 */
import { describe, expect, it } from 'vitest';
import { transitionParagraphs } from '../../src/report/html/narrative.ts';
import { buildRunReport } from './fixtures/run-report.ts';

describe('the age sentence of the report', () => {
  it('says the ages are estimates when the data hold none for the LA', () => {
    const r = buildRunReport({ horizon: 3, personLevel: false });
    const own = transitionParagraphs(r).join(' ');
    expect(own).toMatch(/plans for children under 5 from/);
    expect(own).not.toMatch(/estimates/);
    const none = { ...r, dataset: { ...r.dataset, stockByAge: [], stockCube: {} } };
    expect(transitionParagraphs(none).join(' ')).toMatch(/plans for children under 5 from [\d,]+ to [\d,]+\. These are estimates: the data hold no ages of Anyshire's plans/);
  });
});

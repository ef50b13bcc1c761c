/**
 * A deterministic run (`--draws 0`) has no range, yet the report said 'From 0 simulated futures, plans in January 2030
 * lie between 5,257 and 5,257 in 8 cases out of 10', 'In 8 out of 10 outcomes it lies between a deficit of £53.2m and a
 * deficit of £53.2m' and '(range 5,257–5,257)'. It now says the run is one path and how to get the range.
 */
import { describe, expect, it } from 'vitest';
import { dsgBalanceChart } from '../../src/report/charts/dsg-balance.ts';
import { fanTotalPlansChart } from '../../src/report/charts/fan-total-plans.ts';
import type { ChartSpec } from '../../src/report/charts/chart-spec.ts';
import { march2028Paragraphs, uncertaintyParagraphs } from '../../src/report/html/narrative.ts';
import { hasBudget } from '../../src/report/run-report.ts';
import { buildRunReport } from './fixtures/run-report.ts';

describe('a run without simulated futures', () => {
  it('gives no range in words, and says why', () => {
    const r = buildRunReport({ horizon: 5, mitigated: false });
    r.projection.draws = 0;
    if (!hasBudget(r)) throw new Error('the fixture has a budget');
    const words = [...uncertaintyParagraphs(r), ...march2028Paragraphs(r)].join(' ');
    expect(words).not.toMatch(/simulated futures, plans|8 cases out of 10|8 out of 10 outcomes/);
    expect(words).toMatch(/This run is deterministic \(--draws 0\): it shows one path, .* no range for plans in January 2030/);
    // with draws the range is given as before
    const drawn = buildRunReport({ horizon: 5, mitigated: false });
    if (!hasBudget(drawn)) throw new Error('the fixture has a budget');
    expect([...uncertaintyParagraphs(drawn), ...march2028Paragraphs(drawn)].join(' ')).toMatch(/From 1,000 simulated futures.*In 8 out of 10 outcomes/s);
  });

  it('draws no band in the plans and balance charts, nor names one in their legend, footnote or text', () => {
    const labels = (c: ChartSpec): string[] => (c.config.data.datasets as Array<{ label: string }>).map((d) => d.label);
    const said = (c: ChartSpec): string => JSON.stringify(c.config.options) + c.alt;
    const r = buildRunReport({ horizon: 5, mitigated: false });
    r.projection.draws = 0;
    if (!hasBudget(r)) throw new Error('the fixture has a budget');
    for (const c of [fanTotalPlansChart(r), dsgBalanceChart(r)]) {
      expect(labels(c), c.id).not.toContain('P10 to P90 range');
      expect(said(c), c.id).not.toMatch(/Shaded band|80% range/);
    }
    // with draws, as before
    const drawn = buildRunReport({ horizon: 5, mitigated: false });
    if (!hasBudget(drawn)) throw new Error('the fixture has a budget');
    for (const c of [fanTotalPlansChart(drawn), dsgBalanceChart(drawn)]) {
      expect(labels(c), c.id).toContain('P10 to P90 range');
      expect(said(c), c.id).toMatch(/Shaded band: P10 to P90/);
    }
  });
});

/**
 * The explorer page written with --suppress-small-counts computes from merged small groups, so with no lever moved
 * its figures are not the run's (Isles of Scilly on the real 2022 release at 10, money tables scaled from the sample:
 * a balance at 31 March 2028 of -£457k on the page, -£473k in the report), yet its cards read 'as in the scenario'.
 * They now say they compare the page's own figures, and point to the note that gives the gap.
 */
import { describe, expect, it } from 'vitest';
import type { VariantOutcome } from '../../src/explorer/compute.ts';
import type { VNode } from '../../src/explorer/page/dom.ts';
import { headlineCards } from '../../src/explorer/page/cards.ts';
import { projectionJson } from '../../src/pipeline/run-json.ts';
import { buildRunReport } from '../report/fixtures/run-report.ts';

/** The details line of each card. */
const details = (n: VNode | string): string[] =>
  typeof n === 'string' ? [] : [...(n.tag === 'SPAN' && n.attrs.some(([k, v]) => k === 'class' && v === 'd') ? [n.children.join('')] : []), ...n.children.flatMap(details)];

describe('explorer cards with small counts suppressed', () => {
  const r = buildRunReport({ horizon: 10 });
  const o = { scenario: r.scenario, projection: r.projection, budget: r.budget, result: projectionJson(r.projection) } as unknown as VariantOutcome;

  it("the cards' balances say they are the page's own, not the run's, where the two differ", () => {
    const balances = headlineCards(o, o, undefined, 10, true).flatMap(details).filter((d) => /loaded|scenario/.test(d));
    expect(balances.length).toBeGreaterThan(0);
    for (const d of balances) {
      expect(d).not.toBe('as in the scenario');
      expect(d).toContain("not the run's figure");
    }
    // a page whose figures are the run's (no suppression, or none that moves them) reads as before
    expect(headlineCards(o, o, undefined, 10, false).flatMap(details)).toContain('as in the scenario');
    expect(headlineCards(o, o, undefined).flatMap(details)).toContain('as in the scenario');
  });
});

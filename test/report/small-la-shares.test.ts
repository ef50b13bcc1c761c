/**
 * The report gives a part of an LA's plans as a count when it has too few plans for a percentage to mean more than
 * a child or two: Isles of Scilly (16 plans at January 2022) read '69% of plans were in mainstream schools, 0% in state
 * special schools and 13% (2 children) …', one plan being 6 points; an LA of thousands reads percentages as before.
 */
import { describe, expect, it } from 'vitest';
import { suppressedText } from '../../src/report/suppress.ts';
import { PLACEMENTS } from '../../src/domain/index.ts';
import { fmtShare, SHARE_AS_COUNT_BELOW } from '../../src/report/format.ts';
import { dataParagraphs } from '../../src/report/html/narrative.ts';
import { basePlacementShares, placementGroupUnheld, topNeeds } from '../../src/messages/report.ts';
import type { RunReport } from '../../src/report/run-report.ts';
import { buildRunReport } from './fixtures/run-report.ts';

/** The fixture with `byP` as its base year's plans by placement (the rest none). */
function withBasePlacements(byP: Partial<Record<(typeof PLACEMENTS)[number], number>>): RunReport {
  const r = buildRunReport({ horizon: 3, laName: 'Isles of Scilly' });
  const base = Object.fromEntries(PLACEMENTS.map((p) => [p, byP[p] ?? 0]));
  return { ...r, dataset: { ...r.dataset, stockByPlacement: { ...r.dataset.stockByPlacement, [r.baseYear]: base } } };
}

describe('shares of few plans', () => {
  it('an LA of 16 placed plans reads counts of them, not percentages', () => {
    const text = dataParagraphs(withBasePlacements({ MS: 11, ISS: 2, FE: 1, EY: 1, EOTAS: 1 })).join(' ');
    expect(text).toContain('11 of its 16 plans were in mainstream schools, none in state special schools and 2 in independent or non-maintained special schools, the most expensive placements.');
    expect(text).not.toMatch(/\d+% of plans were in mainstream/);
  });

  it('an LA of thousands reads percentages as before', () => {
    const text = dataParagraphs(withBasePlacements({ MS: 1_600, SSM: 700, ISS: 300, FE: 400 })).join(' ');
    expect(text).toContain('53% of plans were in mainstream schools, 23% in state special schools and 10% (300 children) in independent or non-maintained special schools');
  });

  it('the threshold is in plans as shown, and the other parts follow it', () => {
    const g = { mainstream: 60, stateSpecial: 20, independentSpecial: 10 };
    expect(basePlacementShares(2022, false, SHARE_AS_COUNT_BELOW - 1, g)).toMatch(/^60 of its 99 plans were/);
    expect(basePlacementShares(2022, false, SHARE_AS_COUNT_BELOW, g)).toMatch(/^60% of plans were/);
    expect(basePlacementShares(2022, true, 16, { mainstream: 1, stateSpecial: 0, independentSpecial: 0 })).toMatch(/^By the model's estimate .*, 1 of its 16 plans was in mainstream schools, none in/);
    expect(topNeeds(19, [{ label: 'autistic spectrum disorder', plans: 8 }, { label: 'speech, language and communication needs', plans: 4 }])).toBe(
      'The most common primary needs were autistic spectrum disorder (8 of its 19 plans) and speech, language and communication needs (4).',
    );
    expect(placementGroupUnheld('Isles of Scilly', 'State special', 2019, 2022, 2032, 6.6, 49)).toContain('its projection puts 7 plans there by January 2032 (of its 49 plans then) from');
    expect(placementGroupUnheld('Kent', 'Alternative provision', 2019, 2022, 2032, 120, 30_000)).toContain('its projection puts 120 plans there by January 2032 (0.4% of its plans) from');
  });

  it('the note on a category the LA held no plan in reads right for one plan and, suppressed, for fewer than N', () => {
    // Isles of Scilly on the real 2022 release at 10 read 'fewer than 10 plans projected there … comes from …. It shows where a plan like it is placed'
    const one = placementGroupUnheld('Isles of Scilly', 'Resourced provision and units', 2019, 2022, 2032, 1.2, 41);
    expect(one).toContain('its projection puts 1 plan there by January 2032 (of its 41 plans then) from the placement mix');
    const published = suppressedText(one, 10);
    expect(published).toContain('its projection puts fewer than 10 plans there by January 2032');
    expect(published).not.toMatch(/\bcomes\b|\bIt shows\b|a plan like it/);
  });
});

describe('fmtShare', () => {
  it('never shows a part that is not none as 0%', () => {
    expect([0.534, 0.004, 0.0002, 0].map(fmtShare)).toEqual(['53%', '0.4%', 'under 0.1%', '0%']);
  });
});

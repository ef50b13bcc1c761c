/**
 * The waterfall's value labels: the sample's first in-year deficit (-£11.1m, its bar just under £0) had its label
 * struck through by the zero line, and with 13 bars the labels at one height ran into each other (-£11.1m-£16.9m).
 */
import { describe, expect, it } from 'vitest';
import { barLabelFontPx, barLabelTop } from '../../src/report/charts/bar-labels.ts';

describe('waterfall value labels', () => {
  const at = { height: 16, gap: 4 };

  it('keep their side of the bar, clear of the zero line', () => {
    // a step whose top is 10 px under the zero line: over it, its label (80–96) would hold the line's row 100
    expect(barLabelTop({ barTop: 110, barBottom: 120, below: false, zero: 100, ...at })).toBe(80);
    // a label under a bar that ends just over the line's row (94–110) goes under the line
    expect(barLabelTop({ barTop: 80, barBottom: 90, below: true, zero: 100, ...at })).toBe(104);
    // far from the line, or with no zero line, where they were
    expect(barLabelTop({ barTop: 300, barBottom: 340, below: false, zero: 100, ...at })).toBe(280);
    expect(barLabelTop({ barTop: 100, barBottom: 400, below: true, zero: 100, ...at })).toBe(404);
    expect(barLabelTop({ barTop: 110, barBottom: 120, below: false, zero: undefined, ...at })).toBe(90);
  });

  it('shrink to fit nine tenths of a slot, not below the floor', () => {
    expect(barLabelFontPx(80, 100, 16, 12)).toBe(16);
    expect(barLabelFontPx(100, 100, 16, 12)).toBeCloseTo(14.4);
    expect(barLabelFontPx(200, 100, 16, 12)).toBe(12);
  });
});

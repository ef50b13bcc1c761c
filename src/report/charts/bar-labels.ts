/**
 * Where the value labels of a floating-bar chart (the waterfall) go, in canvas pixels (y grows downwards): pure
 * arithmetic for render.ts, which measures and draws.
 */

/**
 * The label font's size: `base` unless the widest label is wider than nine tenths of a bar's slot, where labels at the
 * same height ran into their neighbours' (-£11.1m-£16.9m); then as much smaller as fits, but not below `min`.
 * @example barLabelFontPx(120, 100, 16, 12) // 12: 16 × 90 / 120, at its floor
 */
export function barLabelFontPx(widest: number, slot: number, base: number, min: number): number {
  const room = 0.9 * slot;
  return widest > room ? Math.max(min, (base * room) / widest) : base;
}

/**
 * The top of a bar's label `height` high: under the bar when `below` (a total below £0), else over it, `gap` away;
 * moved on past the zero line's row `zero` when that line would run through it (a first in-year deficit just under
 * £0 had its label struck through), so it stays on its side of the bar.
 * @example barLabelTop({ barTop: 110, barBottom: 120, below: false, zero: 100, height: 16, gap: 4 }) // 80, not 90
 */
export function barLabelTop(o: { barTop: number; barBottom: number; below: boolean; zero: number | undefined; height: number; gap: number }): number {
  const top = o.below ? o.barBottom + o.gap : o.barTop - o.gap - o.height;
  if (o.zero === undefined) return top;
  const crosses = o.zero >= top - o.gap / 4 && o.zero <= top + o.height + o.gap / 4;
  if (!crosses) return top;
  return o.below ? o.zero + o.gap : o.zero - o.gap - o.height;
}

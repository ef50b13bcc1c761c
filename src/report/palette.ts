/**
 * Colours of the outputs: the GOV.UK design system palette for the workbook and the report, and a colour-blind-safe
 * series palette (Okabe–Ito, with GOV.UK blue first) for charts.
 */

export const GovUk = {
  blue: '#1d70b8',
  darkBlue: '#003078',
  black: '#0b0c0c',
  darkGrey: '#505a5f',
  midGrey: '#b1b4b6',
  lightGrey: '#f3f2f1',
  white: '#ffffff',
  red: '#d4351c',
  green: '#00703c',
  orange: '#f47738',
  yellow: '#ffdd00',
  purple: '#4c2c92',
  turquoise: '#28a197',
  lightBlue: '#5694ca',
} as const;

/** Okabe–Ito (colour-blind safe), ordered for legibility of neighbouring stacked series. */
export const SERIES: readonly string[] = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#56B4E9', // sky blue
  '#D55E00', // vermillion
  '#F0E442', // yellow
  '#000000', // black
  '#999999', // grey
];

/** Series colour by position, cycling. */
export function seriesColour(i: number): string {
  return SERIES[i % SERIES.length]!;
}

/** A hex colour with an alpha channel, for bands and fills. */
export function withAlpha(hex: string, alpha: number): string {
  const h = hex.replace('#', '');
  const r = parseInt(h.slice(0, 2), 16);
  const g = parseInt(h.slice(2, 4), 16);
  const b = parseInt(h.slice(4, 6), 16);
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** Excel ARGB form of a hex colour (`#1d70b8` → `FF1D70B8`). */
export function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

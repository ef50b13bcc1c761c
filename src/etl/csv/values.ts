/**
 * Parsing of cell values: counts with EES markers, thousands separators, percentages and money. Pure.
 */

/** The EES / ONS markers for a value that is not a number, and the reason stored in `missing` (keys in lower case). */
export const PLAIN_MARKERS: Readonly<Record<string, string>> = {
  x: 'unavailable',
  z: 'not-applicable',
  c: 'suppressed',
  ':': 'not-available',
  low: 'low',
  u: 'unreliable',
};

/**
 * Every marker read as a missing value: the plain ones, and the same in square brackets (`[c]`, `[x]`, `[z]`, `[low]`,
 * `[u]`), as the Government Statistical Service's standard for published tables writes them (ONS tables, and a copy
 * re-saved from one): the same reason, never a number. Without them a file using that standard was refused on every
 * marker cell.
 */
export const MISSING_MARKERS: Readonly<Record<string, string>> = {
  ...PLAIN_MARKERS,
  ...Object.fromEntries(Object.entries(PLAIN_MARKERS).filter(([m]) => m !== ':').map(([m, reason]) => [`[${m}]`, reason])),
};

/**
 * What a cell holds: `count` a whole number of plans or people (never negative, never a fraction: '6.534' is 6,534
 * written with a point for thousands, or a misplaced column, and read as about 6 it would change a total without a
 * word; no published count has a fraction), `decimal` a number of 0 or more that may have one (projected
 * population, commissioned places), `percent` 0 to 100, `amount` money (may be negative).
 */
export type NumberKind = 'count' | 'percent' | 'amount' | 'decimal';

/** A parsed cell: a number, a typed missing value, or why it is invalid. */
export type ParsedValue =
  | { ok: true; value: number; missing?: undefined }
  | { ok: true; value: null; missing: string }
  | { ok: false; message: string };

/**
 * The largest magnitudes any input may hold (a documented default ceiling): no count in these files comes near a
 * billion (England has about 57 million people; the largest published count of plans is well under a million) and
 * no amount near £1 trillion (the whole Dedicated Schools Grant is about £65 billion). Anything larger is a typo or
 * a hostile file, and would overflow sums into Infinity.
 */
export const MAX_COUNT = 1e9;
export const MAX_AMOUNT = 1e12;

const PLAIN = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const GROUPED = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/;
/**
 * Thousands grouped by one kind of space throughout (`1 234`, as Excel saves a number in a French or SI format, with an
 * ordinary, a no-break, a narrow no-break, a thin or a figure space). A space anywhere else is no separator: the
 * no-break space used to be stripped wherever it stood, so '12 34' (two figures in one cell) was read as 1,234.
 */
const SPACE_GROUPED = /^[-+]?\d{1,3}([ \u00a0\u2007\u2009\u202f])\d{3}(\1\d{3})*(\.\d+)?$/;

/**
 * Parses one numeric cell. Markers give a NULL with its reason; blank gives NULL 'blank'.
 * Counts must be whole and non-negative, decimals non-negative, percentages between 0 and 100; `amount` (money) may be
 * negative.
 * @example parseNumber('"1,234"'.slice(1, -1), 'count') // { ok: true, value: 1234 }
 * @example parseNumber('c', 'count') // { ok: true, value: null, missing: 'suppressed' }
 */
export function parseNumber(raw: string, kind: NumberKind): ParsedValue {
  let s = raw.trim();
  if (s === '') return { ok: true, value: null, missing: 'blank' };
  const marker = MISSING_MARKERS[s.toLowerCase()];
  if (marker) return { ok: true, value: null, missing: marker };
  // a minus as a word processor or a typeset table writes it (U+2212, or an en dash), before the figure or its £
  s = s.replace(/^(£?\s*)[\u2212\u2013](?=\s*£?\s*[\d.])/, '$1-');
  if (kind === 'amount') {
    // money as Excel's Accounting and Currency formats save it to CSV (the text shown): '(640,000)' and '£(640,000)'
    // for a negative, a dash alone ('-', ' £ -   ') for zero; these were refused as 'expected a number'
    const paren = /^(£?)\s*\(\s*(£?)\s*([^()]*?)\s*\)$/.exec(s);
    if (paren && !/^[-+]/.test(paren[3]!)) s = `-${paren[3]}`;
    else if (/^£?\s*[-\u2013]\s*$/.test(s)) return { ok: true, value: 0 };
    // a £ sign and a minus in either order ('-£640,000' and '£-640,000')
    s = s.replace(/^([-+]?)\s*£\s*([-+]?)/, (_w, a: string, b: string) => (a || b).slice(0, 1));
  }
  let v: number;
  if (PLAIN.test(s)) v = Number(s);
  else if (GROUPED.test(s)) v = Number(s.replace(/,/g, ''));
  else if (SPACE_GROUPED.test(s)) v = Number(s.replace(/[ \u00a0\u2007\u2009\u202f]/g, ''));
  else return { ok: false, message: `a number${kind === 'count' ? ' or a marker (x z c : low u, or [c] [x] [z] [low] [u])' : ''}. Got: '${raw}'` };
  if (!Number.isFinite(v)) return { ok: false, message: `a finite number. Got: '${raw}'` };
  // a figure written with digits other than 0 that reads as 0 (1e-400, below the smallest a number holds) was taken as
  // 0 plans or £0 without a word
  if (v === 0 && /[1-9]/.test(s.split(/[eE]/)[0]!)) return { ok: false, message: `a number that is not too small to hold (it would read as 0). Got: '${raw}'` };
  if (kind !== 'amount' && v < 0) {
    return { ok: false, message: `a ${kind === 'percent' ? 'percentage' : kind === 'count' ? 'count' : 'number'} of 0 or more. Got: ${raw}` };
  }
  if (kind === 'count' && !Number.isInteger(v)) return { ok: false, message: `a whole number (a count has no fraction; 1,234 is written with a comma or none). Got: ${raw}` };
  const ceiling = kind === 'amount' ? MAX_AMOUNT : MAX_COUNT;
  if (Math.abs(v) > ceiling) {
    return { ok: false, message: `${kind === 'amount' ? 'an amount' : 'a number'} of at most ${ceiling.toExponential(0).replace('e+', 'e')} (the ceiling for any input). Got: ${raw}` };
  }
  if (kind === 'percent' && v > 100 + 1e-6) return { ok: false, message: `a percentage between 0 and 100. Got: ${raw}` };
  return { ok: true, value: v };
}

/**
 * Reads a rate written by a person: a number (`0.05`), the same as text (`"0.05"`), or a percentage (`5%`, `5 %`,
 * `-1.5%`, a Unicode minus too), giving the fraction (0.05). Anything else is returned unchanged, for the caller's
 * validation to name. Scenario rates (inflation, growth, shares, effects) are read through it.
 * @example readRate('5%') // 0.05
 * @example readRate(0.05) // 0.05
 */
export function readRate(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  const s = raw.trim().replace(/^[\u2212\u2013]/, '-');
  const pc = /^(.*?)\s*%$/.exec(s);
  const body = pc ? pc[1]!.trim() : s;
  if (!PLAIN.test(body)) return raw;
  const v = Number(body);
  if (!Number.isFinite(v)) return raw;
  // a percentage divided by 100 in decimal, so that 5% is exactly 0.05 and 0.1% exactly 0.001
  return pc ? Number((v / 100).toPrecision(15)) : v;
}

/**
 * Reads an amount of money written by a person: a number, or text as an own table's money cell is read (`£640,000`,
 * `-£640,000`, `£-640,000`). Anything else is returned unchanged, for the caller's validation to name.
 * @example readMoney('-£640,000') // -640000
 */
export function readMoney(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  const v = parseNumber(raw, 'amount');
  return v.ok && v.value !== null ? v.value : raw;
}

/** Whether an EES column holds a percentage (`*_pc`, `pc_*`, `*_rate`). */
export function isPercentColumn(name: string): boolean {
  const n = name.toLowerCase();
  return n.endsWith('_pc') || n.startsWith('pc_') || n.endsWith('rate');
}

/**
 * parseSen2Date reads the usual YYYY-MM-DD form without a regular expression; it must give what the regular
 * expressions gave (the reference below, the function as it was) for any text: dates, impossible dates, other
 * digits and signs, the Blade and slash forms, times, whitespace.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSen2Date } from '../../../src/etl/persons/dates.ts';

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function iso(y: number, m: number, d: number): string | undefined {
  if (!(m >= 1 && m <= 12 && d >= 1 && y >= 1900 && y <= 2200)) return undefined;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!)) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function reference(raw: string | undefined): string | null | undefined {
  if (raw === undefined) return undefined;
  const s = raw.trim();
  if (s === '') return undefined;
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3])) ?? null;
  m = /^(\d{4})-([A-Za-z]{3})-(\d{1,2})(?: [\d:.]+)?$/.exec(s);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    return month ? (iso(Number(m[1]), month, Number(m[3])) ?? null) : null;
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: [\d:.]+)?$/.exec(s);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1])) ?? null;
  return null;
}

describe('parseSen2Date', () => {
  it('reads every text as the regular expressions did', () => {
    const char = fc.constantFrom('0', '1', '2', '9', '-', '/', ' ', 'T', ':', 'a', 'S', '\u0660', '+', '.');
    const dateish = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
        .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
      fc.array(char, { minLength: 8, maxLength: 12 }).map((cs) => cs.join('')),
      // a date with one character changed
      fc.tuple(fc.integer({ min: 1890, max: 2210 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.nat(9), char).map(([y, m, d, k, c]) => {
        const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        return s.slice(0, k) + c + s.slice(k + 1);
      }),
      fc.constantFrom('2024-02-29', '2023-02-29', '1900-02-29', '2000-02-29', '2200-12-31', '2201-01-01', '1899-12-31', ' 2024-01-05 ', '2024-01-05T10:00:00Z', '2022-Sep-28 00:00:00', '28/09/2022', '2024-1-05', '２０２４-01-05', '', '  '),
    );
    fc.assert(
      fc.property(fc.oneof(dateish, fc.string({ maxLength: 12 })), (s) => {
        expect(parseSen2Date(s)).toBe(reference(s));
      }),
      { numRuns: 20_000, seed: 14 },
    );
    expect(parseSen2Date(undefined)).toBeUndefined();
  });
});

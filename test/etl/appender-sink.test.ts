/**
 * The AppenderSink reads a DATE column's ISO text by hand (isoDays) instead of `new Date`: the same day for every
 * date it takes, and any other text still left to `new Date`.
 */
import { describe, expect, it } from 'vitest';
import { isoDays } from '../../src/etl/appender-sink.ts';

const DAY_MS = 86_400_000;
const iso = (y: number, m: number, d: number): string =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

describe('isoDays', () => {
  it('gives the day new Date gives for every YYYY-MM-DD it takes, and takes every real date from year 100 on', () => {
    let taken = 0;
    for (const y of [0, 1, 99, 100, 1000, 1899, 1900, 1969, 1970, 1999, 2000, 2001, 2023, 2024, 2025, 2100, 2400, 9999]) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const s = iso(y, m, d);
          const got = isoDays(s);
          const parsed = new Date(s).getTime();
          const real = y >= 100 && m >= 1 && m <= 12 && d >= 1 && new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
          expect(got !== undefined, s).toBe(real);
          if (got !== undefined) {
            taken++;
            expect(got, s).toBe(Math.floor(parsed / DAY_MS));
          }
        }
      }
    }
    expect(taken).toBeGreaterThan(5000);
  });

  it('leaves any other text to new Date', () => {
    for (const s of ['2024-1-01', '2024-01-1', '2024-01-01T00:00', '2024/01/01', 'abcd-ef-gh', '２０２４-01-01', ' 2024-01-0', '', '+02024-01-01']) {
      expect(isoDays(s), s).toBeUndefined();
    }
  });
});

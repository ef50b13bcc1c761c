import { describe, expect, it } from 'vitest';
import { parseNumber, readRate } from '../../../src/etl/csv/values.ts';

describe('parseNumber', () => {
  it('refuses a figure that reads as 0 though written with other digits (1e-400 was 0 plans or £0)', () => {
    for (const kind of ['count', 'amount', 'decimal'] as const) {
      expect(parseNumber('1e-400', kind)).toEqual({ ok: false, message: "a number that is not too small to hold (it would read as 0). Got: '1e-400'" });
      expect(parseNumber('0e5', kind)).toEqual({ ok: true, value: 0 });
      expect(parseNumber('-0', kind).ok).toBe(true);
    }
    expect(parseNumber('1e-300', 'amount')).toEqual({ ok: true, value: 1e-300 });
  });

  it('reads money with a £ sign and a minus in either order, with thousands separators', () => {
    for (const raw of ['-£640,000', '£-640,000', '-640,000', '- £640,000', '-640000']) expect(parseNumber(raw, 'amount'), raw).toEqual({ ok: true, value: -640000 });
    expect(parseNumber('£56,650,000', 'amount')).toEqual({ ok: true, value: 56650000 });
  });
  it("reads money as Excel's Accounting and Currency formats save it: a negative in brackets, a dash alone for zero", () => {
    for (const raw of ['(640,000)', '£(640,000)', '(£640,000)', ' £ (640,000.00) ']) expect(parseNumber(raw, 'amount'), raw).toEqual({ ok: true, value: -640000 });
    for (const raw of ['-', ' £ -   ', '\u2013']) expect(parseNumber(raw, 'amount'), raw).toEqual({ ok: true, value: 0 });
    for (const raw of ['(-5)', '()', '(abc)', '--', '- 5']) expect(parseNumber(raw, 'amount').ok, raw).toBe(false);
    // not for counts: a published count is never written so
    expect(parseNumber('(5)', 'count').ok).toBe(false);
    expect(parseNumber('-', 'count').ok).toBe(false);
  });
  it('keeps the £ sign for money only', () => {
    expect(parseNumber('£12', 'count').ok).toBe(false);
    expect(parseNumber('££12', 'amount').ok).toBe(false);
  });
});

describe('thousands written with a space and a minus sign from a word processor', () => {
  // a space of any width groups thousands as a comma does (French and SI style, as Excel saves a number formatted so):
  // the no-break space was stripped wherever it stood ('12\u00a034' read as 1,234), while an ordinary or a narrow
  // no-break space was refused, and a Unicode minus refused in money the scenario reads as a minus
  const SPACES = [' ', '\u00a0', '\u202f', '\u2009', '\u2007'];
  it('reads 1 234 and 12 345 678 grouped by any one kind of space, in counts and money', () => {
    for (const sp of SPACES) {
      expect(parseNumber(`1${sp}234`, 'count'), JSON.stringify(sp)).toEqual({ ok: true, value: 1234 });
      expect(parseNumber(`12${sp}345${sp}678.5`, 'amount'), JSON.stringify(sp)).toEqual({ ok: true, value: 12345678.5 });
      expect(parseNumber(`£1${sp}234${sp}000`, 'amount'), JSON.stringify(sp)).toEqual({ ok: true, value: 1234000 });
    }
  });
  it('refuses a space that does not group thousands: two figures in one cell are not one number', () => {
    for (const raw of ['12\u00a034', '1\u00a023\u00a04567', '1 23', '1234 567', '1 234,567', '1,234 567', '1\u00a0234 567', '1 234.5 6', '12 3']) {
      for (const kind of ['count', 'amount', 'decimal'] as const) expect(parseNumber(raw, kind).ok, `${JSON.stringify(raw)} ${kind}`).toBe(false);
    }
  });
  it('reads a Unicode minus or an en dash before money as a minus, and names a count written with one as negative', () => {
    for (const raw of ['\u2212640,000', '\u2013640000', '\u2212£640,000', '£\u2212640 000']) expect(parseNumber(raw, 'amount'), raw).toEqual({ ok: true, value: -640000 });
    expect(parseNumber('\u22125', 'count')).toEqual({ ok: false, message: 'a count of 0 or more. Got: \u22125' });
    expect(parseNumber('5\u2212', 'amount').ok).toBe(false);
  });
});

describe('markers', () => {
  it('reads the bracketed markers of the statistical standard ([c], [x], [z], [low], [u]) as the plain ones: missing, with the same reason', () => {
    for (const m of ['c', 'x', 'z', 'low', 'u']) {
      const plain = parseNumber(m, 'count');
      expect(plain.ok && plain.value === null, m).toBe(true);
      expect(parseNumber(`[${m}]`, 'count'), m).toEqual(plain);
      expect(parseNumber(`[${m.toUpperCase()}]`, 'percent'), m).toEqual(plain);
    }
    expect(parseNumber('[c]', 'count')).toEqual({ ok: true, value: null, missing: 'suppressed' });
  });
  it('still refuses a bracket that is not a marker, or a number with a note after it', () => {
    for (const raw of ['[e]', '[p]', '123[p]', '[c', 'c]', '[[c]]', '[]', '[:]']) expect(parseNumber(raw, 'count').ok, raw).toBe(false);
  });
});

describe('readRate', () => {
  it('reads 5%, 0.05 and "0.05" as 0.05, and leaves anything else for validation to name', () => {
    for (const raw of ['5%', ' 5 % ', 0.05, '0.05', '5.0%']) expect(readRate(raw), String(raw)).toBe(0.05);
    expect(readRate('−1.5%')).toBe(-0.015);
    expect(readRate('0.1%')).toBe(0.001);
    for (const raw of ['five', '5%%', '%', '', '0,05', '£5']) expect(readRate(raw), raw).toBe(raw);
  });
});

describe('a figure over the ceiling', () => {
  it("is named in words that read ('an amount', not 'a amount')", () => {
    expect(parseNumber('1e300', 'amount')).toEqual({ ok: false, message: 'an amount of at most 1e12 (the ceiling for any input). Got: 1e300' });
    expect(parseNumber('2e9', 'count')).toEqual({ ok: false, message: 'a number of at most 1e9 (the ceiling for any input). Got: 2e9' });
  });
});

import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../src/etl/csv/values.ts';

describe('parseNumber', () => {
  it('reads money with a £ sign and a minus in either order, with thousands separators', () => {
    for (const raw of ['-£640,000', '£-640,000', '-640,000', '- £640,000', '-640000']) expect(parseNumber(raw, 'amount'), raw).toEqual({ ok: true, value: -640000 });
    expect(parseNumber('£56,650,000', 'amount')).toEqual({ ok: true, value: 56650000 });
  });
  it('keeps the £ sign for money only', () => {
    expect(parseNumber('£12', 'count').ok).toBe(false);
    expect(parseNumber('££12', 'amount').ok).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { counted } from '../../src/util/plural.ts';

describe('counted', () => {
  it('puts the noun in the number of the count ("1 rows" was printed by validate and load)', () => {
    expect(counted(1, 'row')).toBe('1 row');
    expect(counted(0, 'row')).toBe('0 rows');
    expect(counted(2, 'LA')).toBe('2 LAs');
    expect(counted(1200, 'row', 'rows', (n) => n.toLocaleString('en-GB'))).toBe('1,200 rows');
  });
});

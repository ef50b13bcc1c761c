/** The "closest known layout" hint of an unrecognised file names what is missing, or says that nothing is. */
import { describe, expect, it } from 'vitest';
import { closestLayout } from '../../src/etl/registry.ts';

describe('closestLayout', () => {
  it('names the missing identifying columns', () => {
    expect(closestLayout(['code', 'name', 'geography'])).toBe("ons-mye (missing 'all ages')");
  });

  it('says the columns are all there when none is missing (never "missing )")', () => {
    const hint = closestLayout(['code', 'name', 'geography', 'all ages', 'infinity', '1']);
    expect(hint).toMatch(/^ons-mye \(its columns are all there/);
    expect(hint).not.toMatch(/missing \)/);
  });

  it('gives nothing for a header like no layout', () => {
    expect(closestLayout(['a', 'b'])).toBeUndefined();
  });
});

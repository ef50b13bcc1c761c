/**
 * A run with no --la on data of several LAs lists them: with a return whose Header LEA was mistyped (998 beside the
 * council's 999) the message was "the warehouse holds data for 2 LAs: choose one with --la (for example --la 998)",
 * suggesting the mistyped code. A few LAs are now named, and one known only by a code says so.
 */
import { describe, expect, it } from 'vitest';
import { datasetChooseLa } from '../../src/messages/etl.ts';

describe('choosing an LA', () => {
  it('names a few LAs, and says which is known by a code alone', () => {
    const m = datasetChooseLa([
      { oldCode: '998', name: 'LA 998' },
      { oldCode: '999', name: 'Anyshire' },
    ]);
    expect(m).toBe("the warehouse holds data for 2 LAs: 998 (no name: an SEN2 return's LEA, or a table's la_code, with no published row), 999 (Anyshire); choose one with --la");
    expect(m).not.toMatch(/for example --la 998/);
  });

  it('gives one example for a whole release', () => {
    const many = Array.from({ length: 152 }, (_, i) => ({ oldCode: String(201 + i), name: `Council ${i}` }));
    expect(datasetChooseLa(many)).toBe('the warehouse holds data for 152 LAs: choose one with --la (for example --la 201)');
  });
});

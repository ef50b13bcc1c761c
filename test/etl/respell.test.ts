/**
 * Naming the files of a saved load as this run spells them (src/etl/respell.ts): a name is renamed where it stands
 * whole, a spelling that cannot be renamed with certainty is refused, and a value read back keeps its shape.
 */
import { describe, expect, it } from 'vitest';
import type { Spelling } from '../../src/etl/cache-key.ts';
import { respellDeep, respeller, type Respell } from '../../src/etl/respell.ts';

const abs: Spelling = [{ input: '/w/data', files: ['/w/data/a.csv', '/w/data/a.csv.bak', '/w/data/sub/b.zip'] }];
const rel: Spelling = [{ input: 'data', files: ['data/a.csv', 'data/a.csv.bak', 'data/sub/b.zip'] }];
const dot: Spelling = [{ input: '.', files: ['a.csv', 'a.csv.bak', 'sub/b.zip'] }];

function rename(from: Spelling, to: Spelling): Respell {
  const r = respeller(from, to);
  if (typeof r !== 'function') throw new Error(`no renaming: ${String(r)}`);
  return r;
}

describe('respeller', () => {
  it('renames every path under the folder as a message puts it, a file it does not hold too', () => {
    const r = rename(abs, rel);
    expect(r('same content as /w/data/a.csv in this load')).toBe('same content as data/a.csv in this load');
    expect(r('/w/data/a.csv.bak line 3: bad')).toBe('data/a.csv.bak line 3: bad');
    expect(r('/w/data/a.csv:4, /w/data/a.csv.')).toBe('data/a.csv:4, data/a.csv.');
    expect(r('(/w/data/sub/b.zip!inner/c.csv)')).toBe('(data/sub/b.zip!inner/c.csv)');
    // a module file a Blade export's person file names, not in the folder
    expect(r("no module file '/w/data/sub/b_plans.csv'")).toBe("no module file 'data/sub/b_plans.csv'");
    expect(r('folder /w/data holds it')).toBe('folder data holds it');
  });

  it('leaves a name inside a longer path or word, and a path of another folder', () => {
    const r = rename(abs, rel);
    for (const t of ['/x/w/data/a.csv', 'x/w/data/a.csv', '/w/database', '/w/data-old/a.csv', 'a.csv', '/w/data/ is the folder', '/w/data2']) expect(r(t)).toBe(t);
  });

  it('renames a file given where its whole name stands, and refuses a bare one', () => {
    const zip = (name: string): Spelling => [{ input: name, files: [name] }];
    const r = rename(zip('/w/x.zip'), zip('x.zip'));
    expect(r('/w/x.zip!e.csv line 2; /w/x.zip.')).toBe('x.zip!e.csv line 2; x.zip.');
    expect(r('/w/x.zip.bak /w/x.zipped')).toBe('/w/x.zip.bak /w/x.zipped');
    expect(respeller(zip('x.zip'), zip('/w/x.zip'))).toBeUndefined();
    expect(respeller(zip('/w/x.zip'), abs)).toBeUndefined();
  });

  it('changes nothing for the spelling that saved it', () => {
    expect(respeller(rel, structuredClone(rel))).toBe('same');
  });

  it('refuses a folder saved as . (a bare file name may be a word of a message)', () => {
    expect(respeller(dot, rel)).toBeUndefined();
    // the other way is certain: data/a.csv is no word
    expect(rename(rel, dot)('data/a.csv and a.csv')).toBe('a.csv and a.csv');
  });

  it('leaves a bare folder name alone but renames the paths under it', () => {
    // ./data/ names its files data/a.csv, as data does: nothing to rename
    expect(respeller(rel, [{ input: './data/', files: rel[0]!.files }])).toBe('same');
    const s = rename(rel, abs);
    expect(s('data and data/a.csv')).toBe('data and /w/data/a.csv');
  });

  it('refuses spellings of different input sets', () => {
    expect(respeller(abs, [...rel, { input: 'more', files: [] }])).toBeUndefined();
    expect(respeller(abs, [{ input: 'data', files: ['data/a.csv'] }])).toBeUndefined();
  });
});

describe('respellDeep', () => {
  it('renames every text in place, keys too, and keeps shared parts and numbers', () => {
    const r = rename(abs, rel);
    const shared = { path: '/w/data/a.csv' };
    const value = {
      notes: ['/w/data/a.csv: 3 rows', 'no file'],
      byFile: new Map([['/w/data/a.csv', shared]]),
      files: new Set(['/w/data/sub/b.zip']),
      counts: { '/w/data/a.csv': 2, other: 1 },
      again: shared,
      numbers: new Float64Array([1.5]),
      n: 3,
    };
    const out = respellDeep(value, r);
    expect(out).toBe(value);
    expect(out.notes).toEqual(['data/a.csv: 3 rows', 'no file']);
    expect([...out.byFile.keys()]).toEqual(['data/a.csv']);
    expect(out.byFile.get('data/a.csv')).toBe(out.again);
    expect(out.again.path).toBe('data/a.csv');
    expect([...out.files]).toEqual(['data/sub/b.zip']);
    expect(out.counts).toEqual({ 'data/a.csv': 2, other: 1 });
    expect(out.numbers[0]).toBe(1.5);
  });
});

/**
 * Names the files of a saved load (or of what a run derived from it) as this run spells them. The caches are keyed by
 * what the files are (cache-key.ts), so `--data data-samples` may read what `--data /abs/data-samples` or a link to
 * the folder saved; what was saved names the files as that run spelt them (`/abs/data-samples/funding.csv` in its
 * warnings, data-quality notes, skipped files and `loaded_file` rows), and this run must name them as it would had
 * it loaded them itself (`data-samples/funding.csv`).
 *
 * A saved name is replaced where it stands whole: not inside a longer path (`x/data-samples/a.csv`, `a.csv.bak`), and
 * whatever follows it that a message puts after a file (`:`, ` line 4`, `!entry.csv` of an archive, `.` ending a
 * sentence). A file saved under a bare name (`--data .`: `funding.csv`), where a message's file name could be the
 * file or a word of it, cannot be renamed with certainty: the entry is then not used (the files are loaded afresh).
 * An input itself is renamed where its saved name holds a folder separator; a bare one (`data-samples`) is left:
 * nothing saved names the input alone (the checks that name it run before the load, and their refusals are not
 * saved).
 */
import type { Spelling } from './cache-key.ts';

/** Renames the saved names in a text. */
export type Respell = (text: string) => string;

/** A name with a folder in it (`data-samples/a.csv`, `/abs/data`), which no word of a message can be. */
const hasFolder = (name: string): boolean => /[\\/]/.test(name);

/**
 * How to rename a text saved under spelling `from` for a run that spells the same inputs `to`: 'same' when nothing
 * changes (the usual case: the run that saved it), undefined when the renaming could be wrong (see above) or the
 * spellings are not of one input set.
 * @example respeller([{ input: '/d', files: ['/d/a.csv'] }], [{ input: 'd', files: ['d/a.csv'] }]) // text => …
 */
export function respeller(from: Spelling, to: Spelling): Respell | 'same' | undefined {
  if (from.length !== to.length) return undefined;
  const names = new Map<string, string>();
  for (const [i, f] of from.entries()) {
    const t = to[i]!;
    if (f.files.length !== t.files.length) return undefined;
    const pairs: Array<[string, string, boolean]> = [[f.input, t.input, true], ...f.files.map((x, j): [string, string, boolean] => [x, t.files[j]!, false])];
    for (const [a, b, isInput] of pairs) {
      if (a === b) continue;
      if (!hasFolder(a)) {
        if (isInput) continue;
        return undefined;
      }
      if ((names.get(a) ?? b) !== b) return undefined;
      names.set(a, b);
    }
  }
  if (names.size === 0) return 'same';
  // the longest first: a file's name is found before an input's that begins it
  const alternatives = [...names.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const re = new RegExp(`(?<![\\p{L}\\p{N}_.~/\\\\-])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_/\\\\-]|\\.[\\p{L}\\p{N}_])`, 'gu');
  return (text) => (text.length === 0 ? text : text.replace(re, (m) => names.get(m)!));
}

function escapeRegExp(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/**
 * Renames every text inside a value read back from the cache (objects, arrays, Maps and Sets, their keys too), in
 * place, so that the value keeps its shape and shared parts. Numbers, typed arrays and the like are left as they are.
 */
export function respellDeep<T>(value: T, respell: Respell): T {
  const seen = new Set<object>();
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return respell(v);
    if (typeof v !== 'object' || v === null || seen.has(v)) return v;
    seen.add(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (i in v) v[i] = walk(v[i]);
    } else if (v instanceof Map) {
      const entries = [...v];
      v.clear();
      for (const [k, x] of entries) v.set(walk(k), walk(x));
    } else if (v instanceof Set) {
      const items = [...v];
      v.clear();
      for (const x of items) v.add(walk(x));
    } else {
      const proto: unknown = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return v;
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o);
      if (keys.some((k) => respell(k) !== k)) {
        const entries = keys.map((k) => [respell(k), walk(o[k])] as const);
        for (const k of keys) delete o[k];
        for (const [k, x] of entries) o[k] = x;
      } else for (const k of keys) o[k] = walk(o[k]);
    }
    return v;
  };
  return walk(value) as T;
}

/**
 * Names the files of a saved load (or of what a run derived from it) as this run spells them. The caches are keyed by
 * what the files are (cache-key.ts), so `--data data-samples` may read what `--data /abs/data-samples` or a link to
 * the folder saved; what was saved names the files as that run spelt them (`/abs/data-samples/funding.csv` in its
 * warnings, data-quality notes, skipped files and `loaded_file` rows), and this run must name them as it would had
 * it loaded them itself (`data-samples/funding.csv`).
 *
 * A folder given is renamed in every path under it, as the run that saved it joined them (`data/funding.csv`, and
 * a file a message names that is not there, `data/blade_plans.csv`): its prefix (`data/`) is replaced where it
 * begins a path, not inside a longer one (`x/data/a.csv`) and not alone (`data/ folder`). A file given is renamed
 * where its whole name stands (followed by what a message puts after a file: `:`, ` line 4`, `!entry.csv` of an
 * archive, `.` ending a sentence; not `a.csv.bak`). A folder saved as `.` (whose files are `funding.csv`), or a file
 * given by a bare name, which a message could hold as a word, cannot be renamed with certainty: the entry is then not
 * used (the files are loaded afresh). A folder's own name is renamed where it holds a separator; a bare one (`data`)
 * is left: nothing saved names the folder alone (the checks that name it run before the load, and their refusals
 * are not saved).
 */
import { join } from 'node:path';
import type { Spelling } from './cache-key.ts';

/** Renames the saved names in a text. */
export type Respell = (text: string) => string;

/** A name with a folder in it (`data-samples/a.csv`, `/abs/data`), which no word of a message can be. */
const hasFolder = (name: string): boolean => /[\\/]/.test(name);

/** What no path continues with: the end of a name (a letter, digit, `_`, `-` or separator would go on). */
const NAME_END = '(?![\\p{L}\\p{N}_/\\\\-]|\\.[\\p{L}\\p{N}_])';
/** What a path under a folder begins with after the folder's prefix. */
const PATH_GOES_ON = '(?=[\\p{L}\\p{N}_.~-])';

/** The prefix of every path a load joins under folder `input` (`data/` for `data`, `./data/` or `data//`). */
const folderPrefix = (input: string): string => join(input, '\0').slice(0, -1);

/**
 * How to rename a text saved under spelling `from` for a run that spells the same inputs `to`: 'same' when nothing
 * changes (the usual case: the run that saved it), undefined when the renaming could be wrong (see above) or the
 * spellings are not of one input set.
 * @example respeller([{ input: '/d', files: ['/d/a.csv'] }], [{ input: 'd', files: ['d/a.csv'] }]) // text => …
 */
export function respeller(from: Spelling, to: Spelling): Respell | 'same' | undefined {
  if (from.length !== to.length) return undefined;
  /** Saved name or prefix → this run's, and whether it is a prefix. */
  const names = new Map<string, { to: string; prefix: boolean }>();
  const add = (a: string, b: string, prefix: boolean): boolean => {
    const had = names.get(a);
    if (had && (had.to !== b || had.prefix !== prefix)) return false;
    names.set(a, { to: b, prefix });
    return true;
  };
  for (const [i, f] of from.entries()) {
    const t = to[i]!;
    if (f.files.length !== t.files.length) return undefined;
    const isFile = f.files.length === 1 && f.files[0] === f.input;
    if (isFile !== (t.files.length === 1 && t.files[0] === t.input)) return undefined;
    if (isFile) {
      if (f.input === t.input) continue;
      if (!hasFolder(f.input) || !add(f.input, t.input, false)) return undefined;
      continue;
    }
    const [pa, pb] = [folderPrefix(f.input), folderPrefix(t.input)];
    // every file is its folder's prefix and the same path inside it, as the key says
    if (!f.files.every((x, j) => x.startsWith(pa) && t.files[j] === pb + x.slice(pa.length))) return undefined;
    if (pa === pb) continue;
    if (pa === '' || !add(pa, pb, true)) return undefined;
    if (f.input !== t.input && hasFolder(f.input) && !add(f.input, t.input, false)) return undefined;
  }
  if (names.size === 0) return 'same';
  // the longest first: a folder's prefix is tried before its own name, a longer file's name before a shorter
  const alternatives = [...names].sort(([a], [b]) => b.length - a.length).map(([a, n]) => `${escapeRegExp(a)}${n.prefix ? PATH_GOES_ON : NAME_END}`);
  const re = new RegExp(`(?<![\\p{L}\\p{N}_.~/\\\\-])(?:${alternatives.join('|')})`, 'gu');
  return (text) => (text.length === 0 ? text : text.replace(re, (m) => names.get(m)!.to));
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

/**
 * The last check before anything is written: no output may hold NaN, Infinity or `undefined` — as a number in a
 * workbook cell, chart or JSON document, or as text in the report, a CSV or an alt text. Such a value is a bug
 * upstream (a sum over nothing, a division by zero, a missing key): the run stops with an internal error naming
 * the output and where in it, rather than print a half-truth. Inputs that could cause one are refused at load.
 *
 * Text that quotes a value back to the user ('undefined' as a column name in a note) is not flagged; base64 data
 * (the report's embedded PNGs) is skipped, and written so that it never spells those words (dataUriBase64).
 */
import { HighneedsError, ExitCode } from '../errors.ts';
import { reportMsg } from '../messages/index.ts';

export interface Blemish {
  /** The output and the place in it: `workbook › Summary › tables[0].rows[3][2]`. */
  where: string;
  /** What was found there. */
  found: string;
}

// the words on their own or as a formatted amount (£NaNm, Infinityk, NaN%), but not inside a quoted value
const WORDS = /(?<![A-Za-z0-9_'"‘’`]|&#39;|&#x27;|&quot;)(?:-?Infinity|NaN|undefined)(?![A-Za-jln-z0-9_'"’`]|&#39;|&#x27;|&quot;)/g;
const DATA_URI = /data:[\w/+.-]+;base64,[A-Za-z0-9+/=\n]+/g;

/**
 * Base64 for a data URI in which the letters "NaN", "Infinity" and "undefined" never appear by chance (a line break
 * is put inside them: URL parsing drops line breaks, so the image is unchanged), so that no search of the report
 * for those words finds a false alarm.
 * @example dataUriBase64(png) // 'iVBORw0KGgo…'
 */
export function dataUriBase64(bytes: Buffer): string {
  return bytes.toString('base64').replace(/NaN|Infinity|undefined/g, (w) => `${w.slice(0, 2)}\n${w.slice(2)}`);
}

/** Places in a text where NaN, Infinity or `undefined` appear as words (not inside quotes or base64 data). */
export function textBlemishes(text: string, where: string): Blemish[] {
  const out: Blemish[] = [];
  const clean = text.replace(DATA_URI, '');
  for (const m of clean.matchAll(WORDS)) {
    const at = m.index ?? 0;
    out.push({ where, found: clean.slice(Math.max(0, at - 40), at + m[0].length + 20).replace(/\s+/g, ' ') });
    if (out.length >= 5) break;
  }
  return out;
}

/**
 * Places in a value (numbers, strings, arrays, objects; binary data skipped) holding a non-finite number or bad text.
 * `names` are names of files and folders the value gives (a path a user gave or a file found on disk, which may be
 * `NaN/` or `undefined.csv`): they are taken out of every text before it is checked, as a quoted value is.
 */
export function valueBlemishes(value: unknown, where: string, names: readonly string[] = []): Blemish[] {
  const out: Blemish[] = [];
  const seen = new WeakSet<object>();
  // longest first, so that a path is taken out whole before a shorter one inside it
  const quoted = [...new Set(names)].filter((n) => n !== '').sort((a, b) => b.length - a.length);
  const unquoted = (text: string): string => quoted.reduce((t, n) => t.split(n).join(''), text);
  const walk = (v: unknown, at: string): void => {
    if (out.length >= 5) return;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) out.push({ where: at, found: String(v) });
    } else if (typeof v === 'string') {
      out.push(...textBlemishes(quoted.length ? unquoted(v) : v, at));
    } else if (v === undefined) {
      return;
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${at}[${i}]`));
    } else if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v) && !(v instanceof Date)) {
      if (seen.has(v)) return;
      seen.add(v);
      for (const [k, x] of Object.entries(v)) walk(x, `${at}.${k}`);
    }
  };
  walk(value, where);
  return out;
}

/** Throws an internal error (a bug: exit 70) when any blemish was found; nothing is written then. */
export function assertNoBlemishes(blemishes: readonly Blemish[]): void {
  if (blemishes.length === 0) return;
  const list = blemishes.map((b) => `${b.where}: ${b.found}`);
  throw new HighneedsError(ExitCode.INTERNAL, reportMsg.halfTruthInOutput(list));
}

/** The text of files about to be written (HTML, CSV, JSON, Markdown, SVG): checked; binary files are skipped. */
export function fileBlemishes(files: ReadonlyArray<{ rel: string; data: Buffer | string }>): Blemish[] {
  const out: Blemish[] = [];
  for (const f of files) {
    if (!/\.(html?|csv|json|md|txt|svg|yaml)$/i.test(f.rel)) continue;
    out.push(...textBlemishes(typeof f.data === 'string' ? f.data : f.data.toString('utf8'), f.rel));
  }
  return out;
}

/**
 * Reading scenario files: YAML → `extends:` resolution (a path relative to the file) → deep merge → schema
 * validation with messages naming the file, the key path, what was expected and what was found.
 * `parseScenario` is pure (text in, scenario out); `loadScenario` is its file-system wrapper.
 */
import { readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { basename, dirname, isAbsolute, resolve, relative } from 'node:path';
import { parseDocument, LineCounter, visit, isCollection, isScalar } from 'yaml';
import type { ZodError } from 'zod';
import { ExitCode, HighneedsError, inputError, type Problem } from '../errors.ts';
import { checkInputPath } from '../paths/check-path.ts';
import { scenarioMsg } from '../messages/index.ts';
import { nearest } from '../util/suggest.ts';
import { readRate } from '../etl/csv/values.ts';
import { decodeWin1252 } from '../util/win1252.ts';
import { boundedMessage } from '../util/bounded-text.ts';
import { checkScenarioId } from './ids.ts';
import { nonDecimal, oddTag } from './yaml-nodes.ts';
import { ScenarioSchema, type Scenario, type ScenarioFileHash } from './schema.ts';

type Plain = Record<string, unknown>;

/** Most alias expansions in one scenario file, and its largest size: scenarios are small hand-written files. */
const MAX_ALIASES = 100;
export const MAX_SCENARIO_BYTES = 1024 * 1024;
/**
 * Most files in one `extends:` chain (the scenario and those it extends). A chain 1,000 files long was read whole, and,
 * broken at its end, its refusal wrapped each file's in the next: 59 KB on stderr, 29.7 MB of problems with --json.
 */
export const MAX_EXTENDS_CHAIN = 32;
/** Refusals that say the whole chain already (a loop, a chain too long): given as they are by every file up it. */
const wholeChain = new WeakSet<Error>();

function isPlain(x: unknown): x is Plain {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Deep merge: mappings merge key by key; anything else in `over` replaces `base`. */
export function deepMerge(base: Plain, over: Plain): Plain {
  const out: Plain = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = isPlain(b) && isPlain(v) ? deepMerge(b, v) : v;
  }
  return out;
}

/** What a reader is told for the YAML parser's errors whose own words are for a programmer. */
const YAML_ERROR_WORDS: Readonly<Record<string, string>> = {
  RESOURCE_EXHAUSTION: scenarioMsg.nestedTooDeep(),
  MULTIPLE_DOCS: scenarioMsg.multipleDocuments(),
};

/** Parses YAML text into a plain mapping, with YAML errors located by line. */
export function parseYamlMapping(text: string, file: string): Plain {
  const lc = new LineCounter();
  // YAML breaks lines at CR as at LF, its parser at LF only: a file saved with CR-only line breaks was one line
  // ('holds no keys' after a first comment, 'Nested mappings' otherwise)
  // and a byte-order mark saved twice (an editor adding one to a file that had one) made the first key
  // '\ufeff# Baseline', unknown, as the input tables read past it
  const doc = parseDocument(text.replace(/\r(?!\n)/g, '\n').replace(/^\ufeff+/, ''), { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = e.pos ? lc.linePos(e.pos[0]).line : undefined;
    // the parser's words for two of its codes are for a programmer ('Maximum call stack size exceeded', 'please use
    // YAML.parseAllDocuments()'): a reader is told what is wrong with the file instead
    const reason = YAML_ERROR_WORDS[e.code] ?? e.message.split('\n')[0]!;
    throw inputError(scenarioMsg.notYaml(file, line, reason), [{ file, line, message: reason }]);
  }
  // a key that is a list or mapping ('? [a, b]') was made text with a warning of Node's own on stderr, and a key
  // '__proto__' was merged into the scenario's prototype, so that what it held was left out without a word
  let badKey: { key: string; line?: number } | undefined;
  visit(doc, {
    Pair(_k, pair) {
      const key = pair.key;
      const proto = isScalar(key) && key.value === '__proto__';
      if (!proto && !isCollection(key)) return undefined;
      const line = key && typeof key === 'object' && 'range' in key && key.range ? lc.linePos(key.range[0]).line : undefined;
      badKey = { key: proto ? '__proto__' : String(key), line };
      return visit.BREAK;
    },
  });
  if (badKey) {
    const m = scenarioMsg.badYamlKey(file, badKey.line, badKey.key);
    throw inputError(m, [{ file, line: badKey.line, message: m }]);
  }
  const based = nonDecimal(doc.contents);
  if (based) {
    const line = based.offset === undefined ? undefined : lc.linePos(based.offset).line;
    const m = scenarioMsg.nonDecimalNumber(file, line, based.path, based.written, based.value, based.base);
    throw inputError(m, [{ file, line, message: m }]);
  }
  const tagged = oddTag(doc.contents);
  if (tagged) {
    const line = tagged.offset === undefined ? undefined : lc.linePos(tagged.offset).line;
    const m = scenarioMsg.oddYamlTag(file, line, tagged.path, tagged.tag);
    throw inputError(m, [{ file, line, message: m }]);
  }
  let value: unknown;
  try {
    // aliases are bounded: a "billion laughs" document is refused, not expanded
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    const reason = /alias count/i.test((e as Error).message) ? scenarioMsg.tooManyAliases(MAX_ALIASES) : (e as Error).message;
    throw inputError(scenarioMsg.notYaml(file, undefined, reason), [{ file, message: reason }]);
  }
  if (value === null || value === undefined) return {};
  if (!isPlain(value)) throw inputError(scenarioMsg.notAMapping(file), [{ file, message: 'not a mapping' }]);
  return value;
}

function describe(x: unknown): string {
  if (x === undefined) return 'nothing';
  if (x === null) return 'null';
  if (Array.isArray(x)) return x.length <= 10 && x.every((v) => typeof v === 'number') ? `a list [${x.join(', ')}]` : `a list of ${x.length}`;
  if (typeof x === 'string') {
    const read = x.includes('%') ? readRate(x) : undefined;
    // a value of a megabyte was quoted whole in the message
    return boundedMessage(`the text ${JSON.stringify(x)}${typeof read === 'number' ? ` (read as ${read})` : ''}`);
  }
  if (typeof x === 'object') return 'a mapping';
  // YAML's own spelling of what was written (.nan, .inf): a message never shows 'NaN' or 'Infinity'
  if (typeof x === 'number' && !Number.isFinite(x)) return `number ${Number.isNaN(x) ? '.nan (not a number)' : `${x < 0 ? '-' : ''}.inf (infinity)`}`;
  return `${typeof x} ${String(x)}`;
}

function valueAt(obj: unknown, path: PropertyKey[]): unknown {
  let cur: unknown = obj;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  return cur;
}

/** Valid keys of the schema object at a path (for "did you mean"). */
function keysAt(path: PropertyKey[]): string[] {
  // Walk the zod schema shape along string keys, unwrapping defaults/optionals/arrays.
  let node: unknown = ScenarioSchema;
  for (const k of path) {
    node = unwrap(node);
    if (typeof k === 'number') {
      const el = (node as { element?: unknown }).element;
      node = el;
      continue;
    }
    const shape = (node as { shape?: Record<string, unknown> }).shape;
    if (!shape) return [];
    node = shape[String(k)];
  }
  node = unwrap(node);
  const shape = (node as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

function unwrap(node: unknown): unknown {
  let n = node as { unwrap?: () => unknown; def?: { innerType?: unknown; type?: string; element?: unknown } } | undefined;
  for (let i = 0; i < 10 && n; i++) {
    if (n.def?.innerType) n = n.def.innerType as typeof n;
    else if (n.def?.type === 'array' && n.def.element) return n;
    else break;
  }
  return n;
}

function pathString(path: PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).reduce((a, b) => (b.startsWith('[') ? a + b : a ? `${a}.${b}` : b), '');
}

/** zod's own wording, which says nothing to a reader ("Invalid input: expected number, received string"). */
const GENERIC = /^Invalid (input|option|value)/;

/** 'a value of at most 10' for a number out of range (undefined for lengths and sizes, which keep zod's words). */
function bound(issue: { code: string; origin?: string; maximum?: unknown; minimum?: unknown; inclusive?: boolean }): string | undefined {
  if (issue.origin !== 'number') return undefined;
  const limit = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
  const side = issue.code === 'too_big' ? (issue.inclusive === false ? 'less than' : 'at most') : issue.inclusive === false ? 'more than' : 'at least';
  return `a value of ${side} ${limit}`;
}

function describeType(t: string): string {
  // 'int': a year or a count of years given with a fraction ('base_year: 2025.5' said 'expected int')
  return t === 'int' ? 'a whole number' : t === 'number' ? 'a number' : t === 'string' ? 'text' : t === 'boolean' ? 'true or false' : t === 'array' ? 'a list' : t === 'object' ? 'a mapping' : t;
}

/** Turns zod issues into located problems with expected/found and suggestions. */
export function zodProblems(err: ZodError, raw: unknown, file: string): Problem[] {
  const problems: Problem[] = [];
  for (const issue of err.issues) {
    const path = issue.path as PropertyKey[];
    // zod's check that a whole number is a safe integer comes before the key's own bound, which says more
    // ('horizon_years: 99999999999999999999' said 'expected a value <=9007199254740991' of a key that takes 1 to 30)
    if (issue.code === 'too_big' || issue.code === 'too_small') {
      const at = pathString(path);
      if (issue.origin === 'int' && err.issues.some((o) => o !== issue && pathString(o.path as PropertyKey[]) === at)) continue;
    }
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const full = pathString([...path, key]);
        const suggestion = nearest(key, keysAt(path));
        problems.push({ file, path: full, message: scenarioMsg.unknownKey(file, full, suggestion) });
      }
      continue;
    }
    const found = describe(valueAt(raw, path));
    let expected = issue.message;
    if (issue.code === 'invalid_value' && 'values' in issue) {
      const values = (issue.values as unknown[]).map(String);
      const got = valueAt(raw, path);
      const suggestion = typeof got === 'string' ? nearest(got, values) : undefined;
      expected = `one of ${values.join(', ')}${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`;
    } else if (issue.code === 'invalid_type' || issue.code === 'invalid_union') {
      // the schema's own words where it has them ('a rate such as 0.05 or 5%'); never zod's bare "Invalid input"
      expected = GENERIC.test(issue.message) ? (issue.code === 'invalid_type' ? describeType(issue.expected) : 'another kind of value') : issue.message;
      // '1e400' is a number to YAML, infinity: 'expected a number, found number .inf' said nothing of what is wrong
      const v = valueAt(raw, path);
      if (typeof v === 'number' && !Number.isFinite(v) && GENERIC.test(issue.message)) expected = `${expected} that is finite`;
    } else if (issue.code === 'too_small' || issue.code === 'too_big') {
      expected = bound(issue) ?? issue.message.replace(/^Too (small|big): expected \w+ to (have|be) /, 'a value ').replace(/^Too (small|big): /, '');
    } else if (GENERIC.test(expected)) {
      expected = 'another value';
    }
    const full = pathString(path) || '(top level)';
    problems.push({ file, path: full, message: scenarioMsg.invalidKey(file, full, expected, found) });
  }
  return problems;
}

export interface ScenarioSource {
  /** Raw merged mapping after `extends:` resolution. */
  merged: Plain;
  /** Files read, outermost first. */
  chain: string[];
  /** SHA-256 of this file's bytes (what `sha256sum` gives for it). */
  sha256: string;
  /** The files it extends, nearest first, each with the SHA-256 of its bytes. */
  extended: ScenarioFileHash[];
}

/** The text of a scenario file, checked first (a regular, readable, small file) so that nothing can block. */
async function readScenarioText(file: string): Promise<string> {
  let kind: string;
  try {
    kind = (await checkInputPath(file, { what: 'scenario file' })).kind;
  } catch (e) {
    if (e instanceof HighneedsError && /no such/.test(e.message)) throw inputError(scenarioMsg.cannotRead(file, 'no such file'), [{ file, message: 'no such file' }]);
    throw e;
  }
  if (kind === 'folder') throw inputError(scenarioMsg.cannotRead(file, 'a folder, not a YAML file'), [{ file, message: 'a folder, not a YAML file' }]);
  const { size } = await stat(file);
  if (size > MAX_SCENARIO_BYTES) {
    const m = scenarioMsg.cannotRead(file, `${size} bytes: a scenario file is at most ${MAX_SCENARIO_BYTES} bytes`);
    throw inputError(m, [{ file, message: m }]);
  }
  const bytes = await readFile(file);
  if (bytes.includes(0)) throw inputError(scenarioMsg.cannotRead(file, 'not a text file'), [{ file, message: 'not a text file' }]);
  return decodeScenarioText(bytes, file);
}

/**
 * UTF-8, or Windows-1252 when a byte is not UTF-8 (a file saved by Notepad or Excel on an English Windows machine),
 * as the input tables are read: decoded as UTF-8 regardless, 'Café' became 'Caf\uFFFD' in every output and
 * `goal-seek --lever 'Café …'` found no lever. A UTF-8 byte-order mark followed by such a byte is refused, as in a
 * CSV: the mark and the bytes disagree.
 */
function decodeScenarioText(bytes: Buffer, file: string): string {
  try {
    // the mark kept, as before: the text (and the scenario's hash) of a UTF-8 file is what it always was
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      const m = scenarioMsg.cannotRead(file, 'it starts with a UTF-8 byte-order mark but holds bytes that are not UTF-8: save it as UTF-8');
      throw inputError(m, [{ file, message: m }]);
    }
    return decodeWin1252(bytes);
  }
}

/** Reads a scenario file and the files it extends, merging them (the file's own keys win). */
export async function readScenarioChain(file: string, seen: string[] = [], root = file): Promise<ScenarioSource> {
  const abs = resolve(file);
  const loop = seen.includes(abs);
  if (loop || seen.length >= MAX_EXTENDS_CHAIN) {
    const chain = [...seen, abs].map(shownPath);
    const m = loop ? scenarioMsg.extendsCycle(root, chain) : scenarioMsg.extendsTooLong(root, chain, MAX_EXTENDS_CHAIN);
    const e = inputError(m, [{ file: root, path: 'extends', message: m }]);
    wholeChain.add(e);
    throw e;
  }
  const text = await readScenarioText(file);
  const own = parseYamlMapping(text, file);
  if (Object.keys(own).length === 0) throw inputError(scenarioMsg.emptyScenario(file), [{ file, message: 'no keys' }]);
  const sha256 = createHash('sha256').update(text).digest('hex');
  if ('extends' in own && (typeof own.extends !== 'string' || own.extends.trim() === '')) {
    const m = scenarioMsg.extendsNotPath(file, describe(own.extends));
    throw inputError(m, [{ file, path: 'extends', message: m }]);
  }
  if (typeof own.extends === 'string') {
    const target = resolve(dirname(abs), own.extends);
    let parent: ScenarioSource;
    try {
      parent = await readScenarioChain(target, [...seen, abs], root);
    } catch (e) {
      if (wholeChain.has(e as Error)) throw e;
      // the extended file itself is missing (readScenarioText's problem at it), not one further down its chain: a.yaml
      // extending b.yaml, which extends a missing file, read "a.yaml: 'extends: b.yaml' names a file that does not exist"
      const first = (e as { problems?: Problem[] }).problems?.[0];
      if (first?.message === 'no such file' && first.file === target && first.path === undefined) {
        throw inputError(scenarioMsg.extendsMissing(file, own.extends), [{ file, path: 'extends', message: 'no such file' }]);
      }
      // the problem is in (or with) the extended file: say which scenario asked for it
      if (e instanceof HighneedsError && e.exitCode === ExitCode.INVALID_INPUT && !e.message.startsWith(`${file}: `)) {
        const m = scenarioMsg.extendsFailed(file, own.extends, e.message);
        throw inputError(m, [{ file, path: 'extends', message: m }, ...e.problems], e);
      }
      throw e;
    }
    const ownNoExt = { ...own };
    delete ownNoExt.extends;
    const parentMerged = { ...parent.merged };
    // id, name and description are the child's own: never inherited.
    delete parentMerged.id;
    delete parentMerged.name;
    delete parentMerged.description;
    const extended = [{ file: shownPath(target), sha256: parent.sha256 }, ...parent.extended];
    return { merged: deepMerge(parentMerged, ownNoExt), chain: [abs, ...parent.chain], sha256, extended };
  }
  return { merged: own, chain: [abs], sha256, extended: [] };
}

/** A file read as the user would name it: relative to where highneeds runs when it is below there, else in full. */
function shownPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? abs : rel;
}

/** Validates a merged mapping into a Scenario. */
export function validateScenario(merged: Plain, file: string, sha256: string, extended: readonly ScenarioFileHash[] = []): Scenario {
  const rest = { ...merged };
  delete rest.extends;
  const parsed = ScenarioSchema.safeParse(rest);
  if (!parsed.success) {
    const problems = zodProblems(parsed.error, rest, file);
    throw inputError(problems.map((p) => p.message).join('\n'), problems);
  }
  const id = parsed.data.id ?? basename(file).replace(/\.ya?ml$/i, '');
  checkScenarioId(id, file);
  const name = parsed.data.name ?? id.replace(/[-_]/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
  return { ...parsed.data, id, name, file, sha256, ...(extended.length ? { extended: [...extended] } : {}) };
}

/**
 * Loads and validates a scenario file (with its `extends:` chain).
 * @example await loadScenario('scenarios/baseline.yaml') // { id: 'baseline', name: 'Baseline', … }
 */
export async function loadScenario(file: string): Promise<Scenario> {
  const src = await readScenarioChain(file);
  return validateScenario(src.merged, file, src.sha256, src.extended);
}

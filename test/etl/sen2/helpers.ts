/** Test helpers for SEN2 readers: a collecting sink, a fixed context, temp copies of fixtures with edits. */
import { readFileSync, writeFileSync, readdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadContext, RowSink } from '../../../src/etl/reader.ts';
import { tempDir } from '../../temp.ts';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/sen2');
export const XML_2024 = join(FIXTURES, 'xml/sen2-2024.xml');
export const XML_2025 = join(FIXTURES, 'xml/sen2-2025.xml');
export const BLADE_DIR = join(FIXTURES, 'blade');
export const BLADE_PERSON = join(BLADE_DIR, 'Blade-Export_28-01-2025_person.csv');

export function ctx(path = 'x', fileId = 1): ReadContext {
  return { fileId, path, hashKey: 'test-key', today: new Date('2025-03-01T00:00:00Z') };
}

export function collect(): RowSink & { rows: Array<[string, Record<string, unknown>]> } {
  const rows: Array<[string, Record<string, unknown>]> = [];
  return { rows, add: (t, r) => void rows.push([t, r]) };
}

/** Writes `text` to a temp file named `name` and returns its path. */
export function tempFile(name: string, text: string): string {
  const dir = tempDir('sen2-test-');
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** A temp copy of a fixture XML with one textual edit. */
export function editedXml(src: string, from: string | RegExp, to: string): string {
  const text = readFileSync(src, 'utf8');
  const out = text.replace(from, to);
  if (out === text) throw new Error(`edit did not apply: ${String(from)}`);
  return tempFile('edited.xml', out);
}

/** A textual edit of one module file of the Blade fixture: its first `from` replaced by `to`. */
export interface BladeEdit {
  module: string;
  from: string;
  to: string;
}

/** A temp copy of the Blade fixture folder without some modules / with one module edited (or several edits). */
export function bladeCopy(opts: { drop?: string[]; edit?: BladeEdit | BladeEdit[] } = {}): string {
  const dir = tempDir('sen2-blade-');
  const edits = opts.edit === undefined ? [] : [opts.edit].flat();
  for (const f of readdirSync(BLADE_DIR)) {
    const module = /_([a-z0-9]+)\.csv$/.exec(f)?.[1];
    if (module && opts.drop?.includes(module)) continue;
    const mine = edits.filter((e) => e.module === module);
    if (mine.length > 0) {
      writeFileSync(join(dir, f), mine.reduce((text, e) => text.replace(e.from, e.to), readFileSync(join(BLADE_DIR, f), 'utf8')));
    } else copyFileSync(join(BLADE_DIR, f), join(dir, f));
  }
  return join(dir, 'Blade-Export_28-01-2025_person.csv');
}

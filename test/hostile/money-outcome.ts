/**
 * The outcome of one money-table variant (money-variants.ts): its files read by the readers the commands use, in
 * process, and judged against the sample's own rows — read right, refused well (the message names the file, the line or
 * cell, the column and the value, and says what to write), refused badly (a part of that missing), or read wrong (no
 * error, other rows than the sample's: a run would have exited 0 with a changed budget).
 */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Problem } from '../../src/errors.ts';
import { readInput, recogniseInput } from '../../src/etl/inputs.ts';
import { MONEY_FILES, type MoneyFile, type MoneyVariant } from './money-variants.ts';

const ROOT = join(import.meta.dirname, '../..');

export type Verdict = 'read right' | 'refused well' | 'refused badly' | 'read wrong';

export interface MoneyOutcome {
  verdict: Verdict;
  /** Why (for refused badly and read wrong), or the first error (refused well). */
  detail: string;
}

/**
 * Writes the variant's files into `dir`, and with `sampleToo` the sample's money tables it leaves as they are (a data
 * folder's money tables, as a run reads them).
 */
export async function writeMoneyVariant(v: MoneyVariant, dir: string, sampleToo = false): Promise<void> {
  mkdirSync(dir, { recursive: true });
  if (sampleToo) for (const f of MONEY_FILES) if (!v.remove?.includes(f) && !(f in v.files)) copyFileSync(join(ROOT, 'data-samples', f), join(dir, f));
  for (const [name, bytes] of Object.entries(v.files)) writeFileSync(join(dir, name), await bytes());
}

/** The sample's money tables the variant stands for: those it replaces or takes out. */
export function replaced(v: MoneyVariant): MoneyFile[] {
  return MONEY_FILES.filter((f) => v.remove?.includes(f) || f in v.files);
}

export interface MoneyRead {
  /** Each warehouse table's rows as JSON text (file ids and lines left out), sorted. */
  rows: Record<string, string[]>;
  errors: Problem[];
  warnings: Problem[];
}

/** Reads every file of a folder with the reader that recognises it (as validate and load do), rows kept. */
export async function readMoneyFolder(dir: string): Promise<MoneyRead> {
  const rows: Record<string, string[]> = {};
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  for (const name of readdirSync(dir).sort()) {
    const input = { path: join(dir, name), file: join(dir, name) };
    const rec = await recogniseInput(input);
    if ('problem' in rec) {
      errors.push(rec.problem);
      continue;
    }
    const sink = {
      add(table: string, row: Record<string, unknown>): void {
        const kept = { ...row };
        delete kept.file_id;
        delete kept.source_line;
        (rows[table] ??= []).push(JSON.stringify(kept, Object.keys(kept).sort()));
      },
    };
    const report = await readInput(rec.reader, input, sink, { fileId: 1, hashKey: 'money', today: new Date('2026-03-01T00:00:00Z') });
    errors.push(...report.errors);
    warnings.push(...report.warnings);
  }
  for (const t of Object.keys(rows)) rows[t]!.sort();
  return { rows, errors, warnings };
}

/** The first difference between two reads' rows, in words. */
function difference(got: MoneyRead['rows'], want: MoneyRead['rows']): string | undefined {
  for (const t of new Set([...Object.keys(got), ...Object.keys(want)])) {
    const g = got[t] ?? [];
    const w = want[t] ?? [];
    const extra = g.filter((r) => !w.includes(r));
    const missing = w.filter((r) => !g.includes(r));
    if (extra.length > 0 || missing.length > 0 || g.length !== w.length) {
      return `${t}: ${g.length} rows against ${w.length}${extra.length ? `; read ${extra.slice(0, 2).join(' ')}` : ''}${missing.length ? `; not ${missing.slice(0, 2).join(' ')}` : ''}`;
    }
  }
  return undefined;
}

/** What a refusal must say to be acted on: what is wrong with a part missing, or undefined when it says it all. */
export function refusalGaps(v: MoneyVariant, errors: readonly Problem[]): string | undefined {
  const gaps: string[] = [];
  const files = Object.keys(v.files);
  const first = errors[0]!;
  if (!errors.some((e) => files.some((f) => basename(e.file ?? '') === f))) gaps.push('names no file of the variant');
  // a workbook's cell or column is `Sheet!…`; a CSV's line and column
  const located = errors.filter((e) => e.line !== undefined && e.column !== undefined);
  if (located.length === 0 && !errors.some((e) => e.line !== undefined || /![A-Z]+\d+/.test(e.message))) gaps.push('names no line');
  if (v.quoted !== undefined && !errors.some((e) => e.message.includes(v.quoted!.trim()))) gaps.push(`does not quote '${v.quoted}'`);
  if (v.suggest !== undefined && !errors.some((e) => e.message.includes(v.suggest!))) gaps.push(`does not suggest ${v.suggest}`);
  if (!errors.some((e) => /\b(write|delete|remove|save|give|use|add|unhide|open|type|enter|put|rename|move)\b/i.test(e.message))) gaps.push(`says not what to write instead: '${first.message.slice(0, 160)}'`);
  return gaps.length > 0 ? gaps.join('; ') : undefined;
}

/** Judges a variant's read against the sample's (a read of the sample's tables the variant replaces). */
export function judge(v: MoneyVariant, read: MoneyRead, sample: MoneyRead): MoneyOutcome {
  if (read.errors.length > 0) {
    const gaps = refusalGaps(v, read.errors);
    return gaps ? { verdict: 'refused badly', detail: gaps } : { verdict: 'refused well', detail: read.errors[0]!.message.slice(0, 200) };
  }
  const diff = difference(read.rows, sample.rows);
  if (diff !== undefined) return { verdict: 'read wrong', detail: diff };
  if (v.means === 'unknown') return { verdict: 'read wrong', detail: 'read as the sample\'s figures, though the file does not give them' };
  return { verdict: 'read right', detail: '' };
}

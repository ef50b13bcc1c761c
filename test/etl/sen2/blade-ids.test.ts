/**
 * The Blade reader joins records on ids read as numbers when they are written as whole numbers (as COLLECT writes
 * them) and on their text otherwise (src/etl/persons/blade-sql.ts idColumns). Ids that are text, or numbers written
 * with a leading zero or a space, must link exactly as the per-person reference links them (by their text), and a
 * parent id `011` must not find the record `11`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/errors.ts';
import { readSen2Blade } from '../../../src/etl/readers/sen2-blade.ts';
import { referenceReadBlade } from './blade-reference.ts';
import { BLADE_DIR, collect, ctx } from './helpers.ts';
import { tempDir } from '../../temp.ts';

/** A copy of the fixture export with every id (own and parent's) rewritten by `f`; `edit` then changes one file. */
function rewritten(f: (id: string) => string, edit?: { module: string; from: string; to: string }): string {
  const dir = tempDir('sen2-ids-');
  for (const name of readdirSync(BLADE_DIR)) {
    const module = /_([a-z0-9]+)\.csv$/.exec(name)![1]!;
    const [head, ...rows] = readFileSync(join(BLADE_DIR, name), 'utf8').trimEnd().split('\n');
    const cols = head!.split(',');
    const ids = cols.flatMap((c, i) => (c.endsWith('tableid') && c !== 'sen2tableid' ? [i] : []));
    let text = [head, ...rows.map((r) => r.split(',').map((v, i) => (ids.includes(i) && v !== '' ? f(v) : v)).join(','))].join('\n') + '\n';
    if (edit?.module === module) text = text.replace(edit.from, edit.to);
    writeFileSync(join(dir, name), text);
  }
  return join(dir, 'Blade-Export_28-01-2025_person.csv');
}

const problems = (ps: Problem[]) => [...new Set(ps.map((p) => `${p.file}|${p.line}|${p.path}|${p.message}`))].sort();

async function same(path: string): Promise<number> {
  const sink = collect();
  const got = await readSen2Blade(path, sink, ctx(path));
  const want = await referenceReadBlade(path, ctx(path));
  expect(problems(got.errors)).toEqual(problems(want.report.errors));
  const byTable = (rows: Array<[string, Record<string, unknown>]>) =>
    ['person', 'plan', 'request'].map((t) => rows.filter(([table]) => table === t).map(([, row]) => row));
  expect(byTable(sink.rows)).toEqual(byTable(want.rows));
  return sink.rows.length;
}

describe('Blade ids that are not whole numbers link by their text', () => {
  it('text ids, leading zeros and spaces give the reference rows', async () => {
    const n = await same(rewritten((v) => (Number(v) % 3 === 0 ? `0${v}` : Number(v) % 3 === 1 ? `T-${v}` : v)));
    expect(n).toBeGreaterThan(0);
  });

  it('a parent id written 011 does not find the record 11', async () => {
    const base = await same(rewritten((v) => v));
    const orphaned = await same(rewritten((v) => v, { module: 'requests', from: ',11,', to: ',011,' }));
    expect(orphaned).toBeLessThan(base);
  });
});

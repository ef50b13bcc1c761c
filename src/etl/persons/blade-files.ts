/**
 * Finds the nine module files of one Blade export beside its person file and loads them into an in-memory
 * DuckDB (read_csv, every column as text). The in-memory database lives only for one read and is closed after.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { bladeBadFileName, bladeMissingColumn, bladeMissingSibling, bladeUnreadable } from '../../messages/etl.ts';
import { BLADE_MODULES, BLADE_SPEC, parseBladeName, type BladeModule } from './blade-modules.ts';
import { sqlString } from './blade-sql.ts';
import type { ProblemLog } from './problem-log.ts';

/** The path of every module file of the export `personPath` belongs to, or undefined (errors logged). */
export function findModuleFiles(personPath: string, log: ProblemLog): Record<BladeModule, string> | undefined {
  const name = parseBladeName(personPath);
  if (!name) {
    log.error({ file: personPath, path: 'file name' }, bladeBadFileName(basename(personPath)));
    return undefined;
  }
  const dir = dirname(personPath);
  const byLower = new Map(readdirSync(dir).map((f) => [f.toLowerCase(), f]));
  const out = {} as Record<BladeModule, string>;
  let ok = true;
  for (const m of BLADE_MODULES) {
    const expected = `${name.prefix}${m}.csv`;
    const found = byLower.get(expected.toLowerCase());
    if (found === undefined) {
      log.error({ file: personPath, path: `${m} module` }, bladeMissingSibling(m, join(dir, expected)));
      ok = false;
    } else out[m] = join(dir, found);
  }
  return ok ? out : undefined;
}

/** Loads each module file as table `m_<module>`; returns the lower-case column names present per module. */
export async function loadModules(
  con: DuckDBConnection,
  files: Record<BladeModule, string>,
  log: ProblemLog,
): Promise<Record<BladeModule, Set<string>> | undefined> {
  const out = {} as Record<BladeModule, Set<string>>;
  let ok = true;
  for (const m of BLADE_MODULES) {
    const file = files[m];
    const load = (enc: string) =>
      con.run(`CREATE OR REPLACE TABLE m_${m} AS SELECT * FROM read_csv(${sqlString(file)}, header = true, all_varchar = true, encoding = '${enc}')`);
    try {
      await load('utf-8');
    } catch (e) {
      try {
        await load('latin-1');
      } catch {
        log.error({ file, line: 1, path: m }, bladeUnreadable(m, (e as Error).message.split('\n')[0]!));
        ok = false;
        continue;
      }
    }
    const cols = (await con.runAndReadAll(`SELECT column_name FROM (DESCRIBE m_${m})`)).getRows().map((r) => String(r[0]).toLowerCase());
    const set = new Set(cols);
    const originals = (await con.runAndReadAll(`SELECT column_name FROM (DESCRIBE m_${m})`)).getRows().map((r) => String(r[0]));
    for (let i = 0; i < originals.length; i++) {
      if (originals[i] !== cols[i]) await con.run(`ALTER TABLE m_${m} RENAME COLUMN "${originals[i]!.replace(/"/g, '""')}" TO "${cols[i]}"`);
    }
    const spec = BLADE_SPEC[m];
    const need = [...spec.required, ...(spec.parent ? [`${spec.parent}tableid`] : [])];
    for (const c of need) {
      if (!set.has(c)) {
        log.error({ file, line: 1, path: `${m}.${c}` }, bladeMissingColumn(m, c));
        ok = false;
      }
    }
    out[m] = set;
  }
  return ok ? out : undefined;
}

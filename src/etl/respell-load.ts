/**
 * A saved load read back by a run that spells its files otherwise (respell.ts): the warehouse's rows that name files
 * renamed in place, and the JSON's spelling checked.
 */
import type { Spelling } from './cache-key.ts';
import type { Respell } from './respell.ts';
import type { Warehouse } from './warehouse.ts';

/** The warehouse columns that name a file: renamed in place (their rows keep their order). */
const NAMING: ReadonlyArray<readonly [table: string, columns: readonly string[]]> = [
  ['loaded_file', ['path']],
  ['dq_note', ['path', 'message']],
];

/**
 * Renames the files named in the warehouse's `loaded_file` and `dq_note` rows. False when another text column holds
 * a saved file's name (a reader that kept a path among its rows): the load cannot then be renamed with certainty, and
 * is loaded afresh.
 */
export async function respellWarehouse(wh: Warehouse, respell: Respell): Promise<boolean> {
  const columns = await wh.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' AND data_type = 'VARCHAR' ORDER BY table_name, column_index`,
  );
  for (const { table_name: t, column_name: c } of columns) {
    if (NAMING.some(([nt, cs]) => nt === t && cs.includes(c))) continue;
    const values = await wh.query<{ v: string }>(`SELECT DISTINCT "${c}" AS v FROM "${t}" WHERE "${c}" IS NOT NULL`);
    if (values.some(({ v }) => respell(v) !== v)) return false;
  }
  for (const [t, cs] of NAMING) {
    const rows = await wh.query<Record<string, string | null> & { r: number }>(`SELECT rowid AS r, ${cs.join(', ')} FROM ${t}`);
    for (const row of rows) {
      const changed = cs.filter((c) => row[c] !== null && respell(row[c]!) !== row[c]);
      if (changed.length === 0) continue;
      await wh.run(`UPDATE ${t} SET ${changed.map((c, i) => `${c} = $${i + 1}`).join(', ')} WHERE rowid = $${changed.length + 1}`, [...changed.map((c) => respell(row[c]!)), row.r]);
    }
  }
  return true;
}

/** Whether a saved spelling is whole (an edited JSON is a miss, not a crash). */
export function isSpelling(x: unknown): x is Spelling {
  return Array.isArray(x) && x.every((s) => typeof s === 'object' && s !== null && typeof (s as { input?: unknown }).input === 'string' && Array.isArray((s as { files?: unknown }).files) && (s as { files: unknown[] }).files.every((f) => typeof f === 'string'));
}

/**
 * Child process for bench/sen2.bench.ts: reads one SEN2 file (xml | blade: the reader, rows to a counting sink),
 * loads a Blade export as `highneeds load` does (blade-load: its nine module files, given the person file, into a
 * new warehouse file: recognition, SHA-256, the set-based load, commit and close), or lets DuckDB scan the same
 * bytes (duck-xml | duck-blade), then prints {ms, maxRssMb, rows, errors} as JSON. Run with `node --import tsx`.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadPaths } from '../../src/etl/load.ts';
import { readSen2Blade } from '../../src/etl/readers/sen2-blade.ts';
import { readSen2Xml } from '../../src/etl/readers/sen2-xml.ts';
import { peakRssMb } from '../../test/peak-rss.ts';

const [kind, path] = process.argv.slice(2) as [string, string];
const t0 = performance.now();
let rows = 0;
let errors = 0;
const ctx = { fileId: 1, path, hashKey: 'bench', today: new Date('2025-03-01') };
const sink = { add: () => void rows++ };
const bladeFiles = () => readdirSync(dirname(path)).filter((f) => f.endsWith('.csv')).map((f) => join(dirname(path), f));
if (kind === 'blade-load') {
  const dir = mkdtempSync(join(tmpdir(), 'sen2-bench-wh-'));
  try {
    const r = await loadPaths(bladeFiles(), { warehouse: join(dir, 'warehouse.duckdb'), today: ctx.today });
    rows = r.loaded.reduce((s, f) => s + f.rows, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else if (kind === 'xml' || kind === 'blade') {
  const r = await (kind === 'xml' ? readSen2Xml : readSen2Blade)(path, sink, ctx);
  errors = r.errors.length;
} else {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const files = kind === 'duck-xml' ? [path] : bladeFiles();
  for (const f of files) {
    const sql = kind === 'duck-xml'
      ? `SELECT count(*) FROM read_csv('${f}', columns = {'l': 'VARCHAR'}, delim = '\x01', quote = '', escape = '', header = false)`
      : `SELECT count(*) FROM read_csv('${f}', header = true, all_varchar = true)`;
    rows += Number((await con.runAndReadAll(sql)).getRows()[0]![0]);
  }
  con.closeSync();
  db.closeSync();
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, maxRssMb: peakRssMb(), rows, errors }));

/**
 * Child process for bench/sen2.bench.ts: reads one SEN2 file (xml | blade) or lets DuckDB scan the same bytes
 * (duck-xml | duck-blade), then prints {ms, maxRssMb, rows, errors} as JSON. Run with `node --import tsx`.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { readSen2Blade } from '../../src/etl/readers/sen2-blade.ts';
import { readSen2Xml } from '../../src/etl/readers/sen2-xml.ts';

const [kind, path] = process.argv.slice(2) as [string, string];
const t0 = performance.now();
let rows = 0;
let errors = 0;
const ctx = { fileId: 1, path, hashKey: 'bench', today: new Date('2025-03-01') };
const sink = { add: () => void rows++ };
if (kind === 'xml' || kind === 'blade') {
  const r = await (kind === 'xml' ? readSen2Xml : readSen2Blade)(path, sink, ctx);
  errors = r.errors.length;
} else {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const files = kind === 'duck-xml' ? [path] : readdirSync(dirname(path)).filter((f) => f.endsWith('.csv')).map((f) => join(dirname(path), f));
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
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, rows, errors }));

/**
 * ETL benchmarks: loading the real 2022 EES release (all its CSV files) into a fresh warehouse in this process —
 * wall time, peak RSS and DuckDB's own `read_csv` scan of the same bytes (the whole-command target of issue 14 is
 * in targets.bench.ts) — and validating a generated 100 MB file (ETL_BENCH_BYTES sets another size) whose lines are
 * all different (streamed: peak RSS must stay bounded). A load that is not clean (a file skipped, an error) fails the
 * bench with the reason instead of reporting a time. Skips the real-data cases when the real files are absent (test/real-data.ts).
 */
import { createWriteStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadPaths } from '../src/etl/load.ts';
import { SUCCESSION_CODES } from '../src/etl/readers/ees-common.ts';
import { validatePaths } from '../src/etl/validate.ts';
import type { Figure } from './figure.ts';
import { peakRssMb } from '../test/peak-rss.ts';
import { REAL_DATA } from '../test/real-data.ts';

const real2022 = join(REAL_DATA, 'ees-ehcp-2022/data');


async function duckdbScanMs(files: string[]): Promise<number> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const t0 = performance.now();
  for (const f of files) await c.run(`SELECT count(*) FROM read_csv('${f.replace(/'/g, "''")}', all_varchar = true)`);
  const ms = performance.now() - t0;
  c.closeSync();
  db.closeSync();
  return ms;
}

/**
 * Writes an EES age-caseload file of about `size` bytes whose every line is a different (LA, year, age): ages ×
 * census years 2000–2025 × LAs, a new LA (old code 100–999 but none a reorganisation names, new code unique) every
 * 156 lines, so the loader's duplicate-line check finds nothing, no line draws a warning and the bench measures a
 * clean load. Returns the number of data lines.
 */
export async function writeEesFile(path: string, size = 100 * 1024 * 1024): Promise<number> {
  const out = createWriteStream(path);
  out.write('time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,characteristic_age,Total_st,Total_st_pc,Total_ehc,Total_ehc_pc,Total_all,Total_all_pc\n');
  // the bands and every single age: with 26 years, 832 rows per LA code, so about 840 of the 890 codes make 100 MB
  // of lines that are all different rows (an LA is its old code: a line repeating another's code, year and age under
  // another ONS code or name is the same row, and with other figures an error)
  const ages = ['Total', 'Under 5', 'Age 5 to 10', 'Age 11 to 15', 'Age 16 to 19', 'Age 20 to 25', ...Array.from({ length: 26 }, (_, a) => `Age ${a}`)];
  const years = 26;
  const oldCodes = Array.from({ length: 900 }, (_, k) => String(100 + k)).filter((c) => !SUCCESSION_CODES.has(c));
  let bytes = 0;
  let i = 0;
  while (bytes < size) {
    const age = ages[i % ages.length]!;
    const year = 2000 + (Math.floor(i / ages.length) % years);
    const la = Math.floor(i / (ages.length * years));
    if (la >= oldCodes.length) throw new Error(`etl bench: ${size} bytes need more than the ${oldCodes.length} LA codes there are: set a smaller ETL_BENCH_BYTES`);
    const oldCode = oldCodes[la]!;
    const newCode = `E${String(10_000_000 + la).padStart(8, '0')}`;
    const line = `${year},Calendar year,Local authority,E92000001,England,E12000004,"East Midlands",${oldCode},${newCode},"Somewhere, County",${age},z,z,"1,${String(i % 1000).padStart(3, '0')}",10.5,${i % 5000},10.5\n`;
    bytes += line.length;
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
    i++;
  }
  await new Promise<void>((r) => out.end(() => r()));
  return i;
}

/** Runs the ETL benchmarks. */
export async function bench(): Promise<Figure[]> {
  const metrics: Figure[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'highneeds-etl-bench-'));
  try {
    if (existsSync(real2022)) {
      const files = readdirSync(real2022).filter((f) => f.endsWith('.csv')).map((f) => join(real2022, f));
      const bytes = files.reduce((s, f) => s + statSync(f).size, 0);
      const t0 = performance.now();
      const out = await loadPaths(files, { warehouse: join(dir, 'wh.duckdb') });
      const loadMs = performance.now() - t0;
      if (out.loaded.length !== files.length) {
        throw new Error(`etl bench: the real 2022 release did not load cleanly (${out.loaded.length} of ${files.length} files loaded; skipped: ${out.skipped.map((f) => f.path).join(', ')}): no time reported`);
      }
      const scanMs = await duckdbScanMs(files);
      metrics.push(
                { name: 'etl.load_real_2022.rows', value: out.loaded.reduce((s, l) => s + l.rows, 0), unit: 'rows' },
        { name: 'etl.load_real_2022.mb_per_s', value: Number((bytes / 1048576 / (loadMs / 1000)).toFixed(2)), unit: 'MB/s' },
        { name: 'etl.load_real_2022.peak_rss', value: Math.round(peakRssMb()), unit: 'MB', target: '< 500', ok: peakRssMb() < 500 },
        { name: 'etl.load_real_2022.in_process', value: loadMs / 1000, unit: 's', reference: { name: "DuckDB's read_csv, in process", value: scanMs / 1000 } },
      );
    }
    const big = join(dir, 'big.csv');
    const rows = await writeEesFile(big, Number(process.env.ETL_BENCH_BYTES ?? 100 * 1024 * 1024));
    const rssBefore = peakRssMb();
    const t1 = performance.now();
    const v = await validatePaths([big]);
    const ms = performance.now() - t1;
    const f = v.files[0];
    if (!f || f.errors.length > 0 || f.rows !== rows) {
      const first = f?.errors.slice(0, 3).map((e) => `line ${e.line}: ${e.message}`).join('; ');
      throw new Error(`etl bench: the generated ${rows}-line EES file did not load cleanly (${f ? `${f.rows} rows read, ${f.errors.length} error(s)${first ? `: ${first}` : ''}` : 'not read'}): no time reported`);
    }
    metrics.push(
      { name: 'etl.validate_100mb.wall', value: Math.round(ms), unit: 'ms' },
      { name: 'etl.validate_100mb.rows', value: f.rows, unit: 'rows', target: String(rows), ok: f.rows === rows },
      { name: 'etl.validate_100mb.warnings', value: f.warnings.length, unit: 'warnings', target: '0', ok: f.warnings.length === 0 },
      { name: 'etl.validate_100mb.peak_rss_growth', value: Math.round(peakRssMb() - rssBefore), unit: 'MB', target: '< 200 (streamed)', ok: peakRssMb() - rssBefore < 200 },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return metrics;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const m of await bench()) console.log(`${m.name}: ${m.value} ${m.unit}${m.target ? ` (target ${m.target})` : ''}`);
}

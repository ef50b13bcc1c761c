/**
 * Children's personal data never reaches an output: a full run on the sample (whose SEN2 returns carry fake but
 * well-formed UPNs, ULNs, names, postcodes and birth dates) writes a workbook, CSVs, an HTML report and a JSON
 * document, and none of them, nor the load cache the run keeps, holds any of those values anywhere: not in any text
 * output, not in the bytes of any cache file, and not in any value, table or column name of the cached DuckDB
 * warehouses read back through SQL (which sees what DuckDB stores compressed). Each text is searched for every id in
 * one pass by test/occurrences.ts; an id counts wherever it occurs except as part of a longer hex string or number
 * (a 10-digit ULN met by chance inside a SHA-256 digest in the cache is not a leak; the ULN as a value is).
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { DuckDBInstance } from '@duckdb/node-api';
import { cacheDirOf, cacheKey } from '../../src/etl/cache-key.ts';
import { loadWithCache } from '../../src/etl/load-cache.ts';
import { runCli } from '../cli/helpers.ts';
import { occurrences } from '../occurrences.ts';
import { tempDir } from '../temp.ts';

const TAGS = ['UPN', 'UniqueLearnerNumber', 'Surname', 'PostCode', 'PersonBirthDate'] as const;

/** The values of the identifying tags of a SEN2 return, by tag. */
function identifiers(xml: string): Map<(typeof TAGS)[number], Set<string>> {
  const out = new Map<(typeof TAGS)[number], Set<string>>();
  for (const tag of TAGS) {
    const set = new Set<string>();
    for (const m of xml.matchAll(new RegExp(`<${tag}>([^<]+)</${tag}>`, 'g'))) set.add(m[1]!.trim());
    out.set(tag, set);
  }
  return out;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/**
 * What the tables of a DuckDB file hold, read through SQL: per table, its name, its columns' names and every value
 * as text, one a line, apart from the values of DATE columns (plan and request dates, kept by design; they are
 * compared with every identifier but birth dates, which other children's plan dates match by chance), and the names
 * of all columns, for the check that no column keeps a birth date.
 */
async function duckdbTables(file: string): Promise<{ texts: Array<[string, string]>; dates: Array<[string, string]>; columns: string[] }> {
  const db = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  const con = await db.connect();
  const rows = async (sql: string) => (await con.runAndReadAll(sql)).getRows().map((r) => r.map((v) => (v === null ? '' : String(v))));
  try {
    const out = { texts: [] as Array<[string, string]>, dates: [] as Array<[string, string]>, columns: [] as string[] };
    const q = (x: string) => `"${x.replaceAll('"', '""')}"`;
    for (const [dbName, schema, table] of await rows('SELECT database_name, schema_name, table_name FROM duckdb_tables()')) {
      const cols = await rows(`SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = '${dbName}' AND schema_name = '${schema}' AND table_name = '${table}' ORDER BY column_index`);
      out.columns.push(...cols.map(([c]) => `${table}.${c}`));
      const from = `FROM ${q(dbName!)}.${q(schema!)}.${q(table!)}`;
      // 128-bit integers (the person key) are read as JavaScript bigints and written out by String(), the same
      // decimal digits as DuckDB's ::VARCHAR, which spends a 128-step long division on each digit: about 4 s of CPU
      // for the sample's warehouse, against under half a second this way.
      const text = ([c, type]: string[]) => (/^U?HUGEINT$/.test(type!) ? q(c!) : `${q(c!)}::VARCHAR`);
      const select = async (which: string[][]) => (which.length === 0 ? [] : (await rows(`SELECT ${which.map(text).join(', ')} ${from}`)).flat());
      const isDate = ([, type]: string[]) => /^(DATE|TIMESTAMP)/.test(type!);
      out.texts.push([`${file} table ${table}`, [table!, ...cols.map(([c]) => c!), ...(await select(cols.filter((c) => !isDate(c))))].join('\n')]);
      out.dates.push([`${file} table ${table} (dates)`, (await select(cols.filter(isDate))).join('\n')]);
    }
    return out;
  } finally {
    con.closeSync();
    db.closeSync();
  }
}

/** A file's text, or undefined when another test file's load took it out of the shared cache folder since it was listed. */
function readIfThere(file: string, encoding: BufferEncoding): string | undefined {
  try {
    return readFileSync(file, encoding);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/**
 * A copy of the sample's cached load (its warehouse and JSON), taken at once into `into`: the cache folder is shared
 * with the other test files, whose loads may push the sample's out (load-cache.ts keeps the 4 latest) while this test
 * reads it. When it is not there (the run may have taken what it derives from the sample from run-data-cache.ts, or a
 * later load pushed it out), it is made again by the run's own code (loadWithCache).
 */
async function sampleLoadCopy(cache: string, key: string, into: string): Promise<string[]> {
  const files = [`${key}.duckdb`, `${key}.json`];
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      if (!existsSync(join(cache, files[0]!))) (await loadWithCache(['data-samples'], { cacheDir: cache })).warehouse.close();
      for (const f of files) copyFileSync(join(cache, f), join(into, f));
      return files.map((f) => join(into, f));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  throw new Error(`the sample's load could not be kept in ${cache}`);
}

describe('personal data', () => {
  it('the one-pass search finds each id where it stands as a value, not inside a longer hex string or number', () => {
    const ids = new Set(['A999000001951', 'Test-cxb', 'ZZ99 1ZZ', '1999-05-02', 'Test-cxbb', '1234567890']);
    // names and postcodes count wherever they occur, as with includes()
    const text = 'x A999000001951 y Test-cxbbb ZZ99 1Z 1999-05-02';
    expect(occurrences(ids, text).sort()).toEqual([...ids].filter((id) => text.includes(id)).sort());
    expect(occurrences(ids, 'nothing here')).toEqual([]);
    // identifiers shorter than the three characters its sieve looks at
    expect(occurrences(new Set(['ab', 'x', 'yz']), 'zab, x').sort()).toEqual(['ab', 'x']);
    expect(occurrences(new Set(['ab', 'cd']), 'ac bd a')).toEqual([]);
    // a ULN as a value, after a label, in a sentence, alone, quoted, negative, at a line's end: a leak
    for (const leak of ['a,1234567890,b', 'ULN1234567890', 'ULN 1234567890.', '1234567890', '"1234567890"', '-1234567890', 'x\n1234567890\ny', 'ULN=1234567890;'])
      expect(occurrences(ids, leak), leak).toEqual(['1234567890']);
    // the same digits by chance inside a SHA-256 digest (at its start, middle or end), a longer number or a decimal: none
    const digest = 'd16cc2feb1009547f5d888fd57f7e89ebf995f6e29a7f2b0a10b6ebd1a4db11f';
    for (const chance of [`1234567890${digest}`, `9f${digest}1234567890`, `x${digest.slice(0, 30)}1234567890${digest.slice(30)}`, '912345678901', '792599.1234567890', '1234567890.25', 'B1234567890'.toLowerCase()])
      expect(occurrences(ids, chance), chance).toEqual([]);
    // a UPN whose digits end inside an upper-case hex run, and one standing alone
    expect(occurrences(ids, 'FA999000001951C')).toEqual([]);
    expect(occurrences(ids, 'upn:A999000001951;')).toEqual(['A999000001951']);
  });

  it('no raw identifier, name, postcode or birth date from the SEN2 returns appears in any output', async () => {
    const ids = new Set<string>();
    const birthDates = new Set<string>();
    for (const f of readdirSync('data-samples').filter((x) => x.endsWith('.xml'))) {
      for (const [tag, values] of identifiers(readFileSync(join('data-samples', f), 'utf8'))) {
        for (const v of values) ids.add(v);
        if (tag === 'PersonBirthDate') for (const v of values) birthDates.add(v);
      }
    }
    expect(ids.size).toBeGreaterThan(1000);
    expect(birthDates.size).toBeGreaterThan(100);
    const out = join(tempDir('hn-pd-'), 'run');
    const r = await runCli('run', '--draws', '20', '--csv', '--json', '--out', out);
    expect(r.code, r.stderr).toBe(0);

    const texts: Array<[string, string]> = [['stdout', r.stdout], ['stderr', r.stderr]];
    for (const f of filesUnder(out)) {
      if (f.endsWith('.xlsx')) {
        const zip = await JSZip.loadAsync(readFileSync(f));
        for (const [name, entry] of Object.entries(zip.files)) {
          if (!entry.dir && /\.(xml|rels)$/.test(name)) texts.push([`${f}!${name}`, await entry.async('string')]);
        }
      } else if (/\.(html|csv|json|txt)$/.test(f)) texts.push([f, readFileSync(f, 'utf8')]);
    }
    expect(texts.some(([f]) => f.endsWith('.csv'))).toBe(true);
    // the load cache: the sample's cached load (the folder is shared by every test file, and holds other tests'
    // loads, of other data, too: their warehouses are left out), and every other file in it, each searched as bytes
    const cache = cacheDirOf();
    const key = await cacheKey(['data-samples']);
    expect(key).toBeDefined();
    const sample = await sampleLoadCopy(cache, key!, tempDir('hn-pd-cache-'));
    const others = filesUnder(cache).filter((f) => !f.endsWith('.duckdb') && !f.endsWith(`${key}.json`));
    for (const f of [...sample, ...others]) {
      const text = readIfThere(f, f.endsWith('.json') ? 'utf8' : 'latin1');
      if (text !== undefined) texts.push([f, text]);
    }
    // what the cached warehouse holds, read through SQL: values DuckDB stores compressed are not in the bytes above
    const t = await duckdbTables(sample.find((f) => f.endsWith('.duckdb'))!);
    texts.push(...t.texts);
    const { dates, columns } = t;
    expect(texts.some(([f]) => / table person$/.test(f))).toBe(true);
    expect(columns).toContain('plan.start_date');
    // ages come from a birth month: no column keeps a birth date
    expect(columns.filter((c) => /birth(?!_month$)|dob/i.test(c))).toEqual([]);
    const notBirthDates = new Set([...ids].filter((id) => !birthDates.has(id)));
    const leaks: string[] = [];
    for (const [f, text] of texts) for (const id of occurrences(ids, text)) leaks.push(`${id} in ${f}`);
    for (const [f, text] of dates) for (const id of occurrences(notBirthDates, text)) leaks.push(`${id} in ${f}`);
    expect(leaks.slice(0, 10)).toEqual([]);
  });
});

/**
 * The Blade reader hashes identifiers in DuckDB (personKeySql, with asciiTrimSql), the XML reader in JS
 * (personKey): both must give the same key for the same child, whatever the hash key and whatever the value holds
 * (whitespace around it, lower case, characters beyond ASCII, which the Blade reader hands to JS).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { sqlText } from '../../../src/etl/sql-quote.ts';
import { asciiTrimSql, personKey, personKeySql } from '../../../src/etl/persons/hash.ts';
import { readSen2Blade } from '../../../src/etl/readers/sen2-blade.ts';
import { referenceReadBlade } from './blade-reference.ts';
import { bladeCopy, collect, ctx } from './helpers.ts';

const VALUES = ['X00000000000A', 'x00000000000a', ' 9990000003 ', '\tA1\r', 'a b', '', '0', "O'Brien", 'z'.repeat(300)];
const KEYS = ['test-key', '', 'k'.repeat(64), 'k'.repeat(65), 'é-clé-ü'.repeat(20), 'a'];

describe('identifier hashing in SQL', () => {
  it('personKeySql gives personKey for every hash key (short, block-long, longer, non-ASCII)', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    try {
      for (const key of KEYS) {
        const sql = `SELECT v, ${personKeySql(`'UPN:' || upper(${asciiTrimSql('v')})`, key)} FROM (VALUES ${VALUES.map((v) => `(${sqlText(v)})`).join(', ')}) t(v)`;
        const rows = (await con.runAndReadAll(sql)).getRows();
        expect(rows).toHaveLength(VALUES.length);
        expect(rows.map((r) => r[1])).toEqual(rows.map((r) => personKey('UPN', String(r[0]), key)));
      }
    } finally {
      con.closeSync();
      db.closeSync();
    }
  });

  it('the Blade reader keys identifiers beyond ASCII and odd whitespace as PersonRowBuilder does', async () => {
    // a UPN with a letter beyond ASCII (ß, upper-cased by JS to SS); a UPN of an ideographic space only (blank to JS: the ULN is used)
    const p = bladeCopy({ edit: { module: 'person', from: 'X00000000000A,,', to: 'xß000000000A ,,' } });
    writeFileSync(p, readFileSync(p, 'utf8').replace(',,9990000003,', ',\u3000,9990000003,'));
    const sink = collect();
    const got = await readSen2Blade(p, sink, ctx(p));
    const want = await referenceReadBlade(p, ctx(p));
    expect(got.errors).toEqual([]);
    const keys = (rows: Array<[string, Record<string, unknown>]>) => rows.filter(([t]) => t === 'person').map(([, r]) => r.person_key);
    expect(keys(sink.rows)).toEqual(keys(want.rows));
    expect(keys(sink.rows)[0]).toBe(personKey('UPN', 'XSS000000000A', 'test-key'));
    expect(keys(sink.rows)[1]).toBe(personKey('ULN', '9990000003', 'test-key'));
  });
});

/**
 * The Blade reader hashes identifiers in DuckDB (personKeyHexSql read by keyOfHexSql, with asciiTrimSql), the XML
 * reader in JS (personKey): both must give the same key for the same child, whatever the hash key and whatever the
 * value holds (whitespace around it, lower case, characters beyond ASCII, which the Blade reader hands to JS). The key
 * is the HMAC's first 128 bits: the first 32 of the 64 hex characters warehouses held until December 2026, which
 * keyOfHexSql converts exactly (the migration of such a warehouse: test/etl/warehouse-migration.test.ts).
 */
import { createHmac } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { sqlText } from '../../../src/etl/sql-quote.ts';
import { asciiTrimSql, hasIdentifier, keyOfHexSql, personKey, personKeyHexSql } from '../../../src/etl/persons/hash.ts';
import { readSen2Blade } from '../../../src/etl/readers/sen2-blade.ts';
import { referenceReadBlade } from './blade-reference.ts';
import { bladeCopy, collect, ctx } from './helpers.ts';

const VALUES = ['X00000000000A', 'x00000000000a', ' 9990000003 ', '\tA1\r', 'a b', '', '0', "O'Brien", 'z'.repeat(300)];
const KEYS = ['test-key', '', 'k'.repeat(64), 'k'.repeat(65), 'é-clé-ü'.repeat(20), 'a'];

describe('identifier hashing in SQL', () => {
  it('personKeyHexSql is the HMAC, and keyOfHexSql of it personKey, for every hash key (short, block-long, longer, non-ASCII)', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    try {
      for (const key of KEYS) {
        const sql = `SELECT v, hex, ${keyOfHexSql('hex')} FROM (SELECT v, ${personKeyHexSql(`'UPN:' || upper(${asciiTrimSql('v')})`, key)} AS hex
          FROM (VALUES ${VALUES.map((v) => `(${sqlText(v)})`).join(', ')}) t(v))`;
        const rows = (await con.runAndReadAll(sql)).getRows();
        expect(rows).toHaveLength(VALUES.length);
        expect(rows.map((r) => r[1])).toEqual(rows.map((r) => createHmac('sha256', key).update(`UPN:${String(r[0]).trim().toUpperCase()}`).digest('hex')));
        expect(rows.map((r) => r[2])).toEqual(rows.map((r) => personKey('UPN', String(r[0]), key)));
      }
    } finally {
      con.closeSync();
      db.closeSync();
    }
  });

  it('personKey is the first 32 hex characters of the HMAC read as a number, and keyOfHexSql reads them so', async () => {
    const hex = createHmac('sha256', 'test-key').update('UPN:X00000000000A').digest('hex');
    expect(personKey('UPN', ' x00000000000a ', 'test-key')).toBe(BigInt(`0x${hex.slice(0, 32)}`));
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    try {
      // the ends of the range, leading zeros, each half alone, upper-case digits, and what follows the 32nd character ignored
      const texts = ['0'.repeat(64), 'f'.repeat(64), 'F'.repeat(32), '0'.repeat(31) + '1', '1' + '0'.repeat(31), 'ffffffffffffffff' + '0'.repeat(16),
        '0'.repeat(16) + 'ffffffffffffffff', `00ab${'9'.repeat(28)}zz`, hex];
      const rows = (await con.runAndReadAll(`SELECT h, ${keyOfHexSql('h')}, typeof(${keyOfHexSql('h')}) FROM (VALUES ${texts.map((t) => `(${sqlText(t)})`).join(', ')}) t(h)`)).getRows();
      expect(rows.map((r) => r[1])).toEqual(texts.map((t) => BigInt(`0x${t.slice(0, 32)}`)));
      expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(['UHUGEINT']));
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

describe('an identifier holding an invisible character', () => {
  // a UPN copied with a zero-width space (from an email or a web page) hashed to another key than the child's UPN in
  // the other returns: the child was a new person that year and the old one seemed to leave, with no word
  it('keys the child as the identifier it shows, in XML (JS) and Blade (SQL hands it to JS) alike', async () => {
    expect(personKey('UPN', 'X00000000000A\u200b', 'test-key')).toBe(personKey('UPN', 'X00000000000A', 'test-key'));
    expect(personKey('UPN', '\u2060x00000000000a\ufeff', 'test-key')).toBe(personKey('UPN', 'X00000000000A', 'test-key'));
    // an identifier of invisible characters only is none: the ULN (or the record's place) keys the child, not '' shared by all
    expect(hasIdentifier('\u200b')).toBe(false);
    const p = bladeCopy({ edit: { module: 'person', from: 'X00000000000A,,', to: 'X00000000000A\u200b,,' } });
    writeFileSync(p, readFileSync(p, 'utf8').replace(',,9990000003,', ',\u200b,9990000003,'));
    const sink = collect();
    const got = await readSen2Blade(p, sink, ctx(p));
    expect(got.errors).toEqual([]);
    const keys = sink.rows.filter(([t]) => t === 'person').map(([, r]) => r.person_key);
    expect(keys[0]).toBe(personKey('UPN', 'X00000000000A', 'test-key'));
    expect(keys[1]).toBe(personKey('ULN', '9990000003', 'test-key'));
  });
});

/**
 * A warehouse written before December 2026 holds its person keys as the 64 hex characters of the HMAC (VARCHAR);
 * they are now the first 128 bits as a number (UHUGEINT, hash.ts). Opening such a warehouse converts them exactly
 * (schema.ts CHANGED_COLUMNS), so it keeps its rows and a return loaded into it afterwards links with the returns
 * it holds, as in a warehouse that loaded both with the current version.
 */
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetFromWarehouse } from '../../src/etl/dataset.ts';
import { withInputFiles } from '../../src/etl/inputs.ts';
import { loadFilesInto } from '../../src/etl/load-files.ts';
import { personKey } from '../../src/etl/persons/hash.ts';
import { sen2XmlReader } from '../../src/etl/readers/sen2-xml.ts';
import { Warehouse } from '../../src/etl/warehouse.ts';
import { tempDir } from '../temp.ts';
import { BLADE_DIR, XML_2024 } from './sen2/helpers.ts';

const TODAY = new Date('2025-03-01T00:00:00Z');
const TABLES = ['person', 'plan', 'request'] as const;

/** A warehouse file holding the 2024 XML return, under a fixed hash key. */
async function with2024(file: string): Promise<Warehouse> {
  const wh = await Warehouse.open(file);
  await wh.run(`UPDATE meta SET value = 'migration-key' WHERE key = 'hash_key'`);
  await wh.withTransaction(async () => {
    const sink = wh.sink();
    const r = await sen2XmlReader.read(XML_2024, sink, { fileId: 1, path: XML_2024, hashKey: await wh.hashKey(), today: TODAY });
    sink.close();
    expect(r.errors).toEqual([]);
  });
  await wh.run(`INSERT INTO la VALUES ('999', 'E99999999', 'Anyshire', 'E12000099', 'Testregion', 9)`);
  return wh;
}

/** Loads the Blade fixture (census 2025) set-based, as `highneeds load` does. */
async function loadBlade(wh: Warehouse): Promise<void> {
  await withInputFiles([BLADE_DIR], (files) => loadFilesInto(wh, files, { unrecognised: 'error', today: TODAY, setBased: true }));
}

async function rows(wh: Warehouse): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) out[t] = await wh.query(`SELECT * FROM ${t} ORDER BY rowid`);
  return out;
}

async function keyTypes(wh: Warehouse): Promise<unknown[]> {
  return (await wh.query(`SELECT table_name AS t, data_type AS type FROM duckdb_columns() WHERE column_name = 'person_key' ORDER BY 1`));
}

describe('a warehouse with text person keys', () => {
  it('is converted exactly when opened, and links the returns loaded before and after', async () => {
    const file = join(tempDir('highneeds-migration-'), 'old.duckdb');
    let before: Record<string, unknown[]>;
    {
      // the former schema: each key the 64 hex characters of the HMAC (its first 32 are the current key; the rest
      // stands in for the HMAC's other 128 bits, which the conversion drops)
      const wh = await with2024(file);
      before = await rows(wh);
      for (const t of TABLES) {
        await wh.run(`ALTER TABLE ${t} ALTER COLUMN person_key SET DATA TYPE VARCHAR USING lower(lpad(to_hex(person_key), 32, '0')) || md5(person_key::VARCHAR)`);
      }
      const hex = createHmac('sha256', 'migration-key').update('UPN:X00000000000A').digest('hex');
      const old = await wh.query<{ k: string }>(`SELECT person_key AS k FROM person WHERE starts_with(person_key, ${`'${hex.slice(0, 32)}'`})`);
      expect(old).toHaveLength(1);
      expect(old[0]!.k).toMatch(/^[0-9a-f]{64}$/);
      expect(await keyTypes(wh)).toEqual(TABLES.map((t) => ({ t, type: 'VARCHAR' })));
      wh.close();
    }
    const wh = await Warehouse.open(file);
    try {
      expect(await keyTypes(wh)).toEqual(TABLES.map((t) => ({ t, type: 'UHUGEINT' })));
      expect(await rows(wh)).toEqual(before);
      const upn = await wh.query(`SELECT count(*) AS n FROM person WHERE person_key = ${personKey('UPN', 'X00000000000A', 'migration-key')}`);
      expect(upn).toEqual([{ n: 1 }]);
      await loadBlade(wh);
      const fresh = await with2024(':memory:');
      try {
        await loadBlade(fresh);
        expect(await rows(wh)).toEqual(await rows(fresh));
        const moves = async (w: Warehouse) => (await datasetFromWarehouse(w, { la: 'E99999999' })).linkedMoves;
        const linked = await moves(wh);
        expect(linked).toEqual(await moves(fresh));
        expect(linked.filter((m) => m.to !== 'CEASED').length).toBeGreaterThan(0);
      } finally {
        fresh.close();
      }
    } finally {
      wh.close();
    }
  });

  it('is left as it is when its keys are already numbers', async () => {
    const file = join(tempDir('highneeds-migration-'), 'new.duckdb');
    const wh = await with2024(file);
    const before = await rows(wh);
    wh.close();
    const again = await Warehouse.open(file);
    try {
      expect(await keyTypes(again)).toEqual(TABLES.map((t) => ({ t, type: 'UHUGEINT' })));
      expect(await rows(again)).toEqual(before);
    } finally {
      again.close();
    }
  });
});

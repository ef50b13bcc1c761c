/**
 * The set-based EES readers (ees-set.ts) write exactly what the row readers write: every warehouse table, row for
 * row in the same order, and the same warnings — on the sample, the fixtures and (when they are present:
 * test/real-data.ts) the real published files. Each comparison also checks that the set-based path really was taken.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { EES_READERS } from '../../src/etl/ees-readers.ts';
import { withInputFiles } from '../../src/etl/inputs.ts';
import { loadFilesInto, type LoadOutcome } from '../../src/etl/load-files.ts';
import { recogniseFile } from '../../src/etl/registry.ts';
import { setBasedFor, SET_BASED_MIN_BYTES } from '../../src/etl/scratch-read.ts';
import { validatePaths } from '../../src/etl/validate.ts';
import { Warehouse } from '../../src/etl/warehouse.ts';
import { WAREHOUSE_TABLES } from '../../src/etl/schema.ts';
import { withTempDir } from '../temp.ts';
import { expectEqual } from '../equal.ts';
import { dumpWarehouse, fixtures, hasRealData, realData, repoRoot, TODAY } from './helpers.ts';


/** Loads paths into a new in-memory warehouse, set-based or row by row; counts the files the set-based path took. */
async function loadBoth(paths: string[]): Promise<Array<{ tables: Record<string, unknown[]>; out: LoadOutcome; setFiles: number }>> {
  const results = [];
  for (const setBased of [false, true]) {
    const wh = await Warehouse.open(':memory:');
    try {
      await wh.run(`UPDATE meta SET value = 'one key for both loads' WHERE key = 'hash_key'`); // same person keys
      let setFiles = 0;
      // a file goes set-based through `load`, or through `prepare` when the load prepares files side by side
      const spies = EES_READERS.filter((r) => r.load).flatMap((r) => {
        const load = r.load!.bind(r);
        const prepare = r.prepare!.bind(r);
        return [
          vi.spyOn(r, 'load').mockImplementation(async (...args) => {
            const report = await load(...args);
            if (report) setFiles++;
            return report;
          }),
          vi.spyOn(r, 'prepare').mockImplementation(async (...args) => {
            const prepared = await prepare(...args);
            if (prepared) setFiles++;
            return prepared;
          }),
        ];
      });
      try {
        const out = await withInputFiles(paths, (files) => loadFilesInto(wh, files, { unrecognised: 'warn', today: TODAY, setBased }));
        results.push({ tables: await dumpWarehouse(wh), out, setFiles });
      } finally {
        for (const s of spies) s.mockRestore();
      }
    } finally {
      wh.close();
    }
  }
  return results;
}

async function expectSameLoad(paths: string[], minSetFiles: number): Promise<void> {
  const [rows, set] = await loadBoth(paths);
  expect(rows!.setFiles).toBe(0);
  expect(set!.setFiles).toBeGreaterThanOrEqual(minSetFiles);
  expectEqual(set!.out, rows!.out);
  for (const t of WAREHOUSE_TABLES) expectEqual({ table: t, rows: set!.tables[t] }, { table: t, rows: rows!.tables[t] });
}

describe('set-based EES load', () => {
  it('writes the same tables and warnings as the row readers on the sample', async () => {
    // its CSV files (the SEN2 XML returns are read by the same reader either way)
    const sample = join(repoRoot, 'data-samples');
    await expectSameLoad(readdirSync(sample).filter((f) => f.endsWith('.csv')).map((f) => join(sample, f)), 3);
  });

  it('on the layout and good-input fixtures (successions, markers, separators, BOM and CRLF)', async () => {
    await expectSameLoad([join(fixtures, 'good'), join(fixtures, 'layouts')], 3);
  });

  it('on a file with repeated lines (counted once, said once)', async () => {
    await withTempDir(async (d) => {
      const l = readFileSync(join(repoRoot, 'data-samples/sen2_age_caseload.csv'), 'utf8').replace(/\r?\n$/, '').split(/\r?\n/);
      writeFileSync(join(d, 'sen2_age_caseload.csv'), [...l, l[1], l[2], l[1]].join('\n') + '\n');
      await expectSameLoad([d], 1);
    });
  });

  it('trims spaces at the edges of values as the row reader does (before or after a comma, a quote, a line end)', async () => {
    await withTempDir(async (d) => {
      const l = readFileSync(join(repoRoot, 'data-samples/sen2_age_caseload.csv'), 'utf8').replace(/\r?\n$/, '').split(/\r?\n/);
      const spaced = [
        (s: string) => s.replace(',', ' ,'), // before a comma
        (s: string) => s.replace(',', ', '), // after a comma
        (s: string) => `${s} `, // before a line end
        (s: string) => ` ${s}`, // after a line end
        (s: string) => s.replace(/,([^,]*)$/, ',"$1 "'), // inside quotes
        (s: string) => s.replace(',Anyshire,', ',"Anyshire, County of", '), // a comma in quotes, a space after one outside
      ];
      for (const [i, edit] of spaced.entries()) {
        const lines = l.map((s, n) => (n === 3 ? edit(s) : s));
        writeFileSync(join(d, 'sen2_age_caseload.csv'), lines.join('\n') + (i === 2 ? '' : '\n'));
        await expectSameLoad([d], 1);
      }
    });
  });

  it('takes files of a quarter megabyte or more by default, smaller ones only when asked', () => {
    const small = SET_BASED_MIN_BYTES - 1;
    const large = SET_BASED_MIN_BYTES;
    expect([setBasedFor(undefined, small), setBasedFor(true, small), setBasedFor(undefined, large), setBasedFor(false, large)]).toEqual([false, true, true, false]);
  });

  it('validate gives the same rows, errors and warnings either way', async () => {
    const paths = [join(fixtures, 'good'), join(fixtures, 'layouts'), join(fixtures, 'bad')];
    const rows = await validatePaths(paths, { today: TODAY, setBased: false });
    const set = await validatePaths(paths, { today: TODAY, setBased: true });
    expectEqual(set, rows);
  });

  it('gives a file with an error to the row reader, which names it', async () => {
    const bad = join(fixtures, 'bad');
    let tried = 0;
    for (const f of readdirSync(bad)) {
      const rec = await recogniseFile(join(bad, f));
      if ('problem' in rec || !rec.reader.load) continue;
      tried++;
      const wh = await Warehouse.open(':memory:');
      try {
        const r = await rec.reader.load(join(bad, f), wh.connection, { fileId: 1, path: f, hashKey: 'k', today: TODAY, staging: (o) => wh.staging(o) });
        expect({ f, r }).toEqual({ f, r: undefined });
        expect(await wh.query('SELECT (SELECT count(*) FROM stock) + (SELECT count(*) FROM flow) + (SELECT count(*) FROM la) AS n')).toEqual([{ n: 0 }]);
      } finally {
        wh.close();
      }
    }
    expect(tried).toBeGreaterThanOrEqual(8);
  });

  it.skipIf(!hasRealData)('on the real 2022 release (needs the real files, test/real-data.ts)', async () => {
    const r2022 = join(realData, 'ees-ehcp-2022/data');
    // the row readers take a few seconds on the 11 MB estab file: two files of the release are compared here
    await expectSameLoad([join(r2022, 'sen2_age_caseload.csv'), join(r2022, 'sen2_mi.csv')], 2);
  }, 60_000);
});

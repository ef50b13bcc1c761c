/**
 * A saved load renamed for another spelling of its files (src/etl/respell-load.ts): the rows that name files are
 * renamed in place and keep their order; a file's name in any other column makes the load one not to rename.
 */
import { describe, expect, it } from 'vitest';
import { respeller, type Respell } from '../../src/etl/respell.ts';
import { respellWarehouse } from '../../src/etl/respell-load.ts';
import { Warehouse } from '../../src/etl/warehouse.ts';

const rename = respeller([{ input: '/w/data', files: ['/w/data/a.csv', '/w/data/b.csv'] }], [{ input: 'data', files: ['data/a.csv', 'data/b.csv'] }]) as Respell;

async function withRows<T>(fn: (wh: Warehouse) => Promise<T>): Promise<T> {
  const wh = await Warehouse.open(':memory:');
  try {
    await wh.run(`INSERT INTO loaded_file VALUES (1, '/w/data/b.csv', 'x1', 'r', 3, now()), (2, '/w/data/a.csv', 'x2', 'r', 4, now())`);
    await wh.run(`INSERT INTO dq_note VALUES (2, '/w/data/a.csv', 5, NULL, 'info', 'same content as /w/data/b.csv in this load'), (1, NULL, NULL, NULL, 'info', 'no file')`);
    return await fn(wh);
  } finally {
    wh.close();
  }
}

describe('respellWarehouse', () => {
  it('renames the files of loaded_file and dq_note in place, in their order', async () => {
    await withRows(async (wh) => {
      expect(await respellWarehouse(wh, rename)).toBe(true);
      expect(await wh.query('SELECT file_id, path FROM loaded_file')).toEqual([{ file_id: 1, path: 'data/b.csv' }, { file_id: 2, path: 'data/a.csv' }]);
      expect(await wh.query('SELECT path, message FROM dq_note')).toEqual([
        { path: 'data/a.csv', message: 'same content as data/b.csv in this load' },
        { path: null, message: 'no file' },
      ]);
    });
  });

  it('refuses a load that names a file in another column', async () => {
    await withRows(async (wh) => {
      await wh.run(`INSERT INTO la VALUES ('999', 'E99999999', 'from /w/data/a.csv', NULL, NULL, 1)`);
      expect(await respellWarehouse(wh, rename)).toBe(false);
    });
  });
});

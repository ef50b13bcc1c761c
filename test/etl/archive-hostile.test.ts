/** Hostile ZIP archives: empty, CRC-corrupt, odd or clashing entry names are refused naming the archive. */
import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { expandArchive, type ArchiveLimits } from '../../src/etl/archive.ts';
import { crc32, crc32Portable } from '../../src/util/crc32.ts';
import { withTempDir } from '../temp.ts';
import { expectEqual } from '../equal.ts';

async function expand(d: string, bytes: Buffer) {
  const p = join(d, 'a.zip');
  await writeFile(p, bytes);
  return expandArchive(p, await import('node:fs/promises').then((fs) => fs.mkdtemp(join(d, 'x-'))));
}

async function zipOf(entries: Record<string, string | Buffer>, compression: 'STORE' | 'DEFLATE' = 'STORE'): Promise<Buffer> {
  const z = new JSZip();
  for (const [n, t] of Object.entries(entries)) z.file(n, t);
  return z.generateAsync({ type: 'nodebuffer', compression });
}

/** Replaces an entry name in an archive's headers by another of the same length (names JSZip will not write). */
function renamed(bytes: Buffer, from: string, to: string): Buffer {
  expect(Buffer.byteLength(to, 'latin1')).toBe(from.length);
  return Buffer.from(bytes.toString('latin1').split(from).join(to), 'latin1');
}

const message = (x: Awaited<ReturnType<typeof expandArchive>>): string => (x.kind === 'problem' ? x.message : `(${x.kind})`);

describe('hostile ZIP archives', () => {
  it('refuses an empty archive', async () => {
    await withTempDir(async (d) => {
      const x = await expand(d, await new JSZip().generateAsync({ type: 'nodebuffer' }));
      expect(x).toMatchObject({ kind: 'problem', message: expect.stringMatching(/holds no files/) });
    });
  });

  it('refuses an entry whose bytes fail the CRC', async () => {
    await withTempDir(async (d) => {
      const bytes = await zipOf({ 'data.csv': 'a,b\n1,2\n' });
      const i = bytes.indexOf('a,b\n1,2');
      bytes[i + 4] = '9'.charCodeAt(0);
      const x = await expand(d, bytes);
      expect(x).toMatchObject({ kind: 'problem', message: expect.stringMatching(/CRC/) });
    });
  });

  it('refuses NUL bytes, drive letters, over-long parts and clashing names', async () => {
    await withTempDir(async (d) => {
      const cases: Array<Record<string, string>> = [{ 'a\u0000b.csv': 'x' }, { 'C:/x.csv': 'x' }, { [`${'n'.repeat(300)}.csv`]: 'x' }, { 'Data.csv': 'x', 'data.csv': 'y' }];
      for (const entries of cases) {
        const x = await expand(d, await zipOf(entries));
        expect(x.kind, JSON.stringify(Object.keys(entries))).toBe('problem');
      }
    });
  });

  it('refuses entries escaping their folder with either separator', async () => {
    await withTempDir(async (d) => {
      for (const name of ['../evil.csv', '..\\evil.csv', 'a/../../evil.csv', 'a\\..\\..\\evil.csv']) {
        const bytes = await zipOf({ 'placeholder-name.csv': 'x' });
        // write the hostile name into the archive's headers (same length kept)
        const fixed = name.padEnd('placeholder-name.csv'.length, '_');
        const b = Buffer.from(bytes.toString('latin1').split('placeholder-name.csv').join(fixed.slice(0, 20)), 'latin1');
        const x = await expand(d, b);
        expect(x.kind, name).toBe('problem');
      }
      // nothing was written outside the folder, whichever separator the name used
      for (const where of [d, join(d, '..'), join(d, '..', '..')]) expect(existsSync(join(where, 'evil.csv')), where).toBe(false);
    });
  });

  it('refuses absolute names and names with a leading backslash, naming the entry', async () => {
    await withTempDir(async (d) => {
      for (const name of ['/etc/evil.csv', '\\etc\\evil.csv', 'a/b/../../../e.csv']) {
        const placeholder = 'p'.repeat(name.length);
        const x = await expand(d, renamed(await zipOf({ [placeholder]: 'x' }), placeholder, name));
        expect(message(x), name).toMatch(/would be written outside its folder/);
        expect(message(x)).toContain(name);
      }
    });
  });

  it('refuses two entries of the same name, and names that differ only in case', async () => {
    await withTempDir(async (d) => {
      for (const second of ['a1.csv', 'A1.CSV']) {
        const x = await expand(d, renamed(await zipOf({ 'a1.csv': 'x', 'a2.csv': 'y' }), 'a2.csv', second));
        expect(message(x), second).toMatch(new RegExp(`entries 'a1.csv' and '${second.replace('.', '\\.')}' would be written to the same file`));
        // two entries of one name were said to have 'names [that] differ only in case or separators'
        expect(message(x), second).toMatch(second === 'a1.csv' ? /\(the archive holds two entries of that name\)/ : /\(names differ only in case or separators\)/);
      }
    });
  });

  it('refuses an entry that inflates to more bytes than it declares, naming it', async () => {
    await withTempDir(async (d) => {
      const bytes = await zipOf({ 'zeros.csv': Buffer.alloc(200_000, 0x30) }, 'DEFLATE');
      const cd = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      bytes.writeUInt32LE(1000, cd + 24);
      const x = await expand(d, bytes);
      expect(message(x)).toMatch(/entry 'zeros.csv' holds more or less data than its header declares/);
    });
  });

  it('refuses a bomb by the sizes its entries declare, and by the bytes it writes, before filling the disk', async () => {
    const limits: ArchiveLimits = { maxArchiveBytes: 1 << 30, maxEntries: 10, maxTotalBytes: 1 << 20, maxRatio: 100, ratioFloorBytes: 1 << 20 };
    await withTempDir(async (d) => {
      const p = join(d, 'bomb.zip');
      await writeFile(p, await zipOf({ 'a.csv': Buffer.alloc(600_000, 0x30), 'b.csv': Buffer.alloc(600_000, 0x30) }, 'DEFLATE'));
      const x = await expandArchive(p, await import('node:fs/promises').then((fs) => fs.mkdtemp(join(d, 'x-'))), limits);
      expect(message(x)).toMatch(/its entries would expand to 1\.1 MB .*expansion limit 1\.0 MB/);
    });
  });

  it('refuses more entries than the limit, and a truncated archive', async () => {
    await withTempDir(async (d) => {
      const many: Record<string, string> = {};
      for (let i = 0; i < 12; i++) many[`f${i}.csv`] = 'x';
      const p = join(d, 'many.zip');
      await writeFile(p, await zipOf(many));
      const limits: ArchiveLimits = { maxArchiveBytes: 1 << 30, maxEntries: 10, maxTotalBytes: 1 << 20, maxRatio: 100, ratioFloorBytes: 1 << 20 };
      const x = await expandArchive(p, await import('node:fs/promises').then((fs) => fs.mkdtemp(join(d, 'x-'))), limits);
      expect(message(x)).toMatch(/holds 12 entries, more than the 10/);
      const whole = await zipOf({ 'data.csv': 'a,b\n1,2\n' });
      expect(message(await expand(d, whole.subarray(0, whole.length - 30)))).toMatch(/not a readable ZIP archive/);
    });
  });

  it('extracts a good archive byte for byte, readable by its owner only, folders kept', async () => {
    await withTempDir(async (d) => {
      const body = Buffer.from(Array.from({ length: 5000 }, (_, i) => `${i},${i * 7}\n`).join(''));
      const x = await expand(d, await zipOf({ 'data/sen2_mi.csv': body, 'data/': '', '__MACOSX/data/._sen2_mi.csv': 'junk' }, 'DEFLATE'));
      expect(x.kind).toBe('entries');
      if (x.kind !== 'entries') return;
      expect(x.entries.map((e) => e.name)).toEqual(['data/sen2_mi.csv']);
      expectEqual(await readFile(x.entries[0]!.file), body);
      const { stat } = await import('node:fs/promises');
      expect((await stat(x.entries[0]!.file)).mode & 0o077).toBe(0);
    });
  });
});

describe('CRC-32', () => {
  it('the portable implementation agrees with the one in use, also continued over chunks', () => {
    const bytes = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 31) & 0xff));
    expect(crc32Portable(Buffer.from('hello'))).toBe(0x3610a686);
    expect(crc32(bytes)).toBe(crc32Portable(bytes));
    expect(crc32Portable(bytes.subarray(1000), crc32Portable(bytes.subarray(0, 1000)))).toBe(crc32(bytes));
  });
});

/** Hostile ZIP archives: empty, CRC-corrupt, odd or clashing entry names are refused naming the archive. */
import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { expandArchive } from '../../src/etl/archive.ts';
import { withTempDir } from '../temp.ts';

async function expand(d: string, bytes: Buffer) {
  const p = join(d, 'a.zip');
  await writeFile(p, bytes);
  return expandArchive(p, await import('node:fs/promises').then((fs) => fs.mkdtemp(join(d, 'x-'))));
}

async function zipOf(entries: Record<string, string>): Promise<Buffer> {
  const z = new JSZip();
  for (const [n, t] of Object.entries(entries)) z.file(n, t);
  return z.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

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
      expect(await readFile(join(d, 'a.zip'))).toBeTruthy();
    });
  });
});

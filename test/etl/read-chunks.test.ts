/**
 * readChunks (read-chunks.ts) reads a file through one buffer sized to it: the chunks, used as they come, are the
 * file's bytes in order whatever the file's size against the chunk size; a file under a megabyte comes in one read;
 * a handle given by the caller stays open, a file it opened is closed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256File } from '../../src/etl/file-hash.ts';
import { readChunks } from '../../src/etl/read-chunks.ts';
import { withTempDir } from '../temp.ts';

/** Bytes that differ from chunk to chunk (a repeated pattern would hide chunks given in the wrong order). */
function pattern(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 7 + (i >> 8)) & 0xff;
  return bytes;
}

/** The chunks of a file, each copied (the next chunk reuses the buffer). */
async function chunksOf(...args: Parameters<typeof readChunks>): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const c of readChunks(...args)) out.push(Buffer.from(c));
  return out;
}

describe('readChunks', () => {
  it('gives every byte of a file in order, in chunks sized to the file and never above a megabyte', async () => {
    await withTempDir(async (d) => {
      for (const size of [0, 1, 1000, (1 << 20) - 1, 1 << 20, (3 << 20) + 5]) {
        const bytes = pattern(size);
        const p = join(d, `f${size}`);
        writeFileSync(p, bytes);
        const chunks = await chunksOf(p);
        expect(Buffer.concat(chunks).equals(bytes), `${size} bytes`).toBe(true);
        expect(chunks.every((c) => c.length > 0 && c.length <= 1 << 20), `${size} bytes`).toBe(true);
        // a file under a megabyte comes in one read
        if (size > 0 && size < 1 << 20) expect(chunks.length, `${size} bytes`).toBe(1);
        expect(await sha256File(p)).toBe(createHash('sha256').update(bytes).digest('hex'));
      }
    });
  });

  it('reuses its buffer without losing a byte when the file is a few chunks long', async () => {
    await withTempDir(async (d) => {
      for (const size of [4095, 4096, 4097, 3 * 4096, 3 * 4096 + 17]) {
        const bytes = pattern(size);
        const p = join(d, `f${size}`);
        writeFileSync(p, bytes);
        const chunks = await chunksOf(p, 4096);
        expect(Buffer.concat(chunks).equals(bytes), `${size} bytes`).toBe(true);
        expect(chunks.length, `${size} bytes`).toBe(Math.ceil(size / 4096));
      }
    });
  });

  it('leaves open a handle it was given, and closes a file it opened even when the reader stops early', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'f');
      writeFileSync(path, pattern(10_000));
      const fh = await open(path, 'r');
      try {
        expect((await chunksOf(fh, 4096)).reduce((n, c) => n + c.length, 0)).toBe(10_000);
        expect((await fh.stat()).size).toBe(10_000); // still open
      } finally {
        await fh.close();
      }
      const fds = () => (existsSync('/proc/self/fd') ? readdirSync('/proc/self/fd').length : 0); // Linux; 0 elsewhere
      const before = fds();
      for await (const chunk of readChunks(path, 4096)) {
        expect(chunk.length).toBe(4096);
        break; // the generator's finally closes the file
      }
      await chunksOf(path);
      expect(fds()).toBe(before);
    });
  });
});

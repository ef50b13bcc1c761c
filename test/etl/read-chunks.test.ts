import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readChunks } from '../../src/etl/read-chunks.ts';
import { withTempDir } from '../temp.ts';

describe('readChunks', () => {
  it('gives every byte of a file in order, in chunks sized to the file and never above a megabyte', async () => {
    await withTempDir(async (d) => {
      for (const size of [0, 1, 1000, (1 << 20) - 1, 1 << 20, (3 << 20) + 5]) {
        const bytes = Buffer.alloc(size);
        for (let i = 0; i < size; i++) bytes[i] = (i * 7 + (i >> 8)) & 0xff;
        const p = join(d, `f${size}`);
        writeFileSync(p, bytes);
        const chunks: Buffer[] = [];
        for await (const c of await readChunks(p)) chunks.push(c as Buffer);
        expect(Buffer.concat(chunks).equals(bytes), `${size} bytes`).toBe(true);
        expect(chunks.every((c) => c.length <= 1 << 20), `${size} bytes`).toBe(true);
        // a file under a megabyte comes in one read
        if (size > 0 && size < 1 << 20) expect(chunks.length, `${size} bytes`).toBe(1);
      }
    });
  });
});

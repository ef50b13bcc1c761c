/**
 * A minimal ZIP writer for tests that need archives no library writes: entries given as chunks (so a bomb of
 * hundreds of MB is generated and deflated without being held whole), stored or deflated, CRC-32 computed.
 */
import { deflateRawSync, constants } from 'node:zlib';
import { crc32 } from '../../src/util/crc32.ts';

export interface ZipEntryInput {
  name: string;
  /** The entry's bytes, produced chunk by chunk. */
  chunks: Iterable<Buffer | string>;
  method?: 'store' | 'deflate';
}

/** Deflates chunks one by one into one raw deflate stream (sync flush between chunks keeps memory small). */
function deflateChunks(chunks: Iterable<Buffer>): { data: Buffer; crc: number; size: number } {
  const parts: Buffer[] = [];
  let crc = 0;
  let size = 0;
  let pending: Buffer | undefined;
  const flush = (last: boolean): void => {
    if (!pending) return;
    parts.push(deflateRawSync(pending, { finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH }));
    pending = undefined;
  };
  for (const c of chunks) {
    crc = crc32(c, crc);
    size += c.length;
    flush(false);
    pending = c;
  }
  if (!pending) pending = Buffer.alloc(0);
  flush(true);
  return { data: Buffer.concat(parts), crc, size };
}

/**
 * The bytes of a ZIP archive holding `entries`.
 * @example zipBytes([{ name: 'a.csv', chunks: ['x,y\n'] }])
 */
export function zipBytes(entries: readonly ZipEntryInput[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const bufs = (function* () {
      for (const c of e.chunks) yield typeof c === 'string' ? Buffer.from(c) : c;
    })();
    const deflate = e.method !== 'store';
    let body: { data: Buffer; crc: number; size: number };
    if (deflate) body = deflateChunks(bufs);
    else {
      const data = Buffer.concat([...bufs]);
      body = { data, crc: crc32(data), size: data.length };
    }
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(body.crc, 14);
    local.writeUInt32LE(body.data.length, 18);
    local.writeUInt32LE(body.size, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(deflate ? 8 : 0, 10);
    cd.writeUInt32LE(body.crc, 16);
    cd.writeUInt32LE(body.data.length, 20);
    cd.writeUInt32LE(body.size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    locals.push(local, name, body.data);
    central.push(cd, name);
    offset += local.length + name.length + body.data.length;
  }
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBytes, end]);
}

/** SHA-256 of a file's bytes (read in chunks), here or on a thread of its own beside other work. */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { readChunks } from './read-chunks.ts';

export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of readChunks(path)) h.update(chunk);
  return h.digest('hex');
}

/**
 * For each file, the index of the first file before it with the same bytes (undefined when none): the files a load
 * skips as repeats ("same content as … in this load", load-files.ts), which `validate` checks once (validate.ts).
 * Only files of a size another file has are hashed (equal bytes are equal sizes).
 * @example await sameContentAsBefore(['data/caseload.csv', 'release.zip-entry/caseload.csv']) // [undefined, 0]
 */
export async function sameContentAsBefore(files: readonly string[]): Promise<Array<number | undefined>> {
  const sizes = await Promise.all(files.map(async (f) => (await stat(f)).size));
  const first = new Map<string, number>();
  const out: Array<number | undefined> = [];
  for (const [i, f] of files.entries()) {
    if (sizes.indexOf(sizes[i]!) === i && sizes.lastIndexOf(sizes[i]!) === i) {
      out.push(undefined);
      continue;
    }
    const sha = await sha256File(f);
    out.push(first.get(sha));
    if (!first.has(sha)) first.set(sha, i);
  }
  return out;
}

/**
 * Hashes files on this thread one after the other (each file's SHA-256 once the one before is done), for a caller
 * that awaits them later: `load` of files it needs no hash to plan (load-files.ts).
 * @example const hash = sha256InTurn(); const a = hash('a.csv'); const b = hash('b.csv'); … await a;
 */
export function sha256InTurn(): (path: string) => Promise<string> {
  let turn: Promise<unknown> = Promise.resolve();
  return (path) => {
    const sha = turn.then(() => sha256File(path));
    turn = sha.catch(() => undefined);
    sha.catch(() => undefined); // a caller that fails first awaits no hash: no unhandled rejection
    return sha;
  };
}

/**
 * The thread's code (plain JavaScript, run with `eval`: it needs no loader, from the sources or the build): hashes
 * each file of `workerData` in order through one reused buffer, as readChunks reads, and posts [index, hex] or
 * [index, undefined, error message] for each.
 */
const HASHER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync, fstatSync } = require('node:fs');
let buf;
workerData.forEach((file, i) => {
  try {
    const fd = openSync(file, 'r');
    try {
      const size = Math.min(1 << 20, Math.max(1 << 16, fstatSync(fd).size + 1));
      if (!buf || buf.length < size) buf = Buffer.allocUnsafe(size);
      const h = createHash('sha256');
      for (let pos = 0; ; ) {
        const n = readSync(fd, buf, 0, size, pos);
        if (n === 0) break;
        h.update(buf.subarray(0, n));
        pos += n;
      }
      parentPort.postMessage([i, h.digest('hex')]);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    parentPort.postMessage([i, undefined, String(e && e.message ? e.message : e)]);
  }
});
`;

/**
 * The SHA-256 of each file, worked out one after the other on a thread of its own, so that the caller's thread (and
 * DuckDB's) go on meanwhile: a load that needs no hash to plan its work (load-files.ts) hashes its files while it
 * reads them. Each promise rejects with the error of its file; the thread never keeps the process alive, and
 * `stop` ends it (the promises not yet settled then reject).
 * @example const { hashes, stop } = sha256FilesAside(['a.csv', 'b.csv']); try { await hashes[1]; } finally { stop(); }
 */
export function sha256FilesAside(files: readonly string[]): { hashes: Array<Promise<string>>; stop: () => void } {
  const settle: Array<{ resolve: (hex: string) => void; reject: (e: Error) => void }> = [];
  const hashes = files.map(() => {
    const p = new Promise<string>((resolve, reject) => settle.push({ resolve, reject }));
    p.catch(() => undefined); // a caller that stops early awaits none of them: no unhandled rejection
    return p;
  });
  if (files.length === 0) return { hashes, stop: () => undefined };
  const worker = new Worker(HASHER, { eval: true, workerData: [...files] });
  worker.unref();
  const failAll = (e: Error) => {
    for (const s of settle) s.reject(e);
  };
  worker.on('message', ([i, hex, error]: [number, string | undefined, string | undefined]) => {
    if (hex !== undefined) settle[i]!.resolve(hex);
    else settle[i]!.reject(new Error(error ?? `cannot hash ${files[i]}`));
  });
  worker.on('error', failAll);
  // settled promises ignore a later reject: this ends only those the thread never reached
  worker.on('exit', () => failAll(new Error('hashing stopped')));
  return { hashes, stop: () => void worker.terminate() };
}

/**
 * A file's bytes in order, as chunks of at most a megabyte, sized to the file. Node's ReadStream allocates a
 * buffer of its whole highWaterMark for every read, whatever is left of the file (and once more to find the end),
 * so a 12-line CSV read in 1 MB chunks allocated 2 MB, outside the JavaScript heap, where V8 counts it as memory
 * pressure and collects sooner.
 * @example for await (const chunk of await readChunks('caseload.csv')) hash.update(chunk);
 */
import { createReadStream, type ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

const MAX_CHUNK = 1 << 20;
const MIN_CHUNK = 1 << 16;

export async function readChunks(path: string): Promise<ReadStream> {
  const { size } = await stat(path);
  // one byte more than the file: its bytes in one read, and the read that finds the end needs no more
  return createReadStream(path, { highWaterMark: Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, size + 1)) });
}

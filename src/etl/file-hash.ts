/** SHA-256 of a file's bytes (streamed). */
import { createHash } from 'node:crypto';
import { readChunks } from './read-chunks.ts';

export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of await readChunks(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

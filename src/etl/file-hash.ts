/** SHA-256 of a file's bytes (read in chunks). */
import { createHash } from 'node:crypto';
import { readChunks } from './read-chunks.ts';

export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of readChunks(path)) h.update(chunk);
  return h.digest('hex');
}

/** Test helpers: fixture paths, the shared real data folder, temp dirs. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempDir as makeTempDir } from '../temp.ts';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const fixtures = join(repoRoot, 'test/fixtures/etl');
export const realData = resolve(repoRoot, '../shared/data/real');
export const hasRealData = existsSync(realData);
export const TODAY = new Date('2026-03-01T00:00:00Z');

export function tempDir(): string {
  return makeTempDir('highneeds-etl-');
}

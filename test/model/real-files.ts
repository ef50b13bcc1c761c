/**
 * Paths of the real EES files in ../shared (resolved from the repo root), or undefined when absent, and what
 * `datasetsFromEesFiles` reads from them, read once per `npm test` for every test file that needs it.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { datasetsFromEesFiles, type EesDatasets } from '../../src/etl/ees-datasets.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const REAL = join(ROOT, '../shared/data/real');

export const REAL_EES_FILES = [
  'ees-ehcp-2022/data/sen2_age_caseload.csv',
  'ees-ehcp-2022/data/sen2_estab_caseload.csv',
  'ees-ehcp-2022/data/sen2_age_new_plans.csv',
  'ees-ehcp-2025-to-2022/data/caseload.csv',
  'ees-ehcp-2025-to-2022/data/newplans.csv',
  'ees-ehcp-2025-to-2022/data/requests.csv',
].map((f) => join(REAL, f));

export const HAVE_REAL = REAL_EES_FILES.every((f) => existsSync(f));

let read: Promise<EesDatasets> | undefined;

/**
 * `datasetsFromEesFiles(REAL_EES_FILES)`, each caller getting its own copy: read once per test process (test files
 * share modules, vitest.config.ts) and, through the folder test/global-setup.mjs shares between the test processes
 * (HIGHNEEDS_TEST_SHARED_DIR), once per `npm test`.
 * @example const { datasets } = await realEesDatasets();
 */
export async function realEesDatasets(): Promise<EesDatasets> {
  read ??= sharedBetweenProcesses('real-ees-datasets', () => datasetsFromEesFiles(REAL_EES_FILES));
  return structuredClone(await read);
}

/** `make()`, or what an earlier test process made and left in the shared folder (written whole, by a rename). */
async function sharedBetweenProcesses<T>(name: string, make: () => Promise<T>): Promise<T> {
  const dir = process.env.HIGHNEEDS_TEST_SHARED_DIR;
  if (!dir) return make();
  const file = join(dir, `${name}.v8`);
  if (existsSync(file)) return deserialize(readFileSync(file)) as T;
  const value = await make();
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, serialize(value));
  renameSync(tmp, file);
  return value;
}

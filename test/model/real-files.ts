/**
 * Paths of the real EES files (test/real-data.ts), whether they are there, and what
 * `datasetsFromEesFiles` reads from them, read once per `npm test` for every test file that needs it.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { datasetsFromEesFiles, type EesDatasets } from '../../src/etl/ees-datasets.ts';
import { REAL_DATA } from '../real-data.ts';

const REAL = REAL_DATA;

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

/**
 * Copies of real EES files (either layout) holding England's, the regions' and the given LAs' rows only (by
 * old_la_code), written to `dir` under their own names, byte order mark and line endings kept; returns their paths.
 * For a test of something one or two LAs show: a command on every LA of a release works out every LA's past
 * forecasts, seconds of the suite that such a test does not look at. Throws when a file holds none of the LAs' rows.
 * @example const files = realRowsOf(REAL_EES_FILES, ['909'], tempDir());
 */
export function realRowsOf(files: readonly string[], las: readonly string[], dir: string): string[] {
  const keep = new Set(las);
  return files.map((f) => {
    const text = readFileSync(f, 'utf8');
    const [header, ...rows] = text.split(/\r?\n/).filter((l) => l !== '');
    // the columns up to old_la_code hold no comma in either layout (time, level, country, region and LA codes)
    const cols = header!.replace(/^\ufeff/, '').split(',');
    const [level, la] = [cols.indexOf('geographic_level'), cols.indexOf('old_la_code')];
    if (level < 0 || la < 0) throw new Error(`${f}: no geographic_level or old_la_code column`);
    const kept = rows.filter((l) => {
      const v = l.split(',', la + 1);
      return v[level] === 'National' || v[level] === 'Regional' || keep.has(v[la]!);
    });
    if (!kept.some((l) => keep.has(l.split(',', la + 1)[la]!))) throw new Error(`${f}: no rows of LA ${las.join(', ')}`);
    const out = join(dir, basename(f));
    writeFileSync(out, [header, ...kept, ''].join(text.includes('\r\n') ? '\r\n' : '\n'));
    return out;
  });
}

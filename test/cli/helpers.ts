import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { main } from '../../src/cli/main.ts';
import type { CliIO } from '../../src/cli/io.ts';
import { tempDir } from '../temp.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The suite's shared load cache (test/global-setup.mjs), as this test process started with it. */
const SUITE_CACHE = process.env.HIGHNEEDS_CACHE_DIR;

/** The cache folder of each temporary data folder a run was given (cacheFor). */
const ownCaches = new Map<string, string>();

/**
 * The load cache for a run of `args`: a folder of its own (removed after the test file, with the data) when its
 * --data is a temporary folder and the cache is the suite's shared one, else undefined (the cache as set).
 * The shared cache keeps 4 loads (load-cache.ts KEEP): the test files' ~40 one-off edited copies of the sample
 * pushed the sample's own load out of it, and every test file run on the sample after one of them loaded it again.
 * A temporary folder's loads are used only by its own test file: they have nothing to share.
 */
function cacheFor(args: readonly string[]): string | undefined {
  const i = args.indexOf('--data');
  if (i < 0 || i + 1 >= args.length || SUITE_CACHE === undefined || process.env.HIGHNEEDS_CACHE_DIR !== SUITE_CACHE) return undefined;
  const data = resolve(args[i + 1]!);
  // a folder shared by the test files (initLaShared) has its cache beside it, wherever it is
  const shared = ownCaches.get(data);
  if (shared !== undefined && existsSync(shared)) return shared;
  const inTemp = relative(tmpdir(), data);
  if (inTemp === '' || inTemp.startsWith('..')) return undefined;
  let dir = ownCaches.get(data);
  if (dir === undefined || !existsSync(dir)) ownCaches.set(data, (dir = tempDir('highneeds-test-cache-')));
  return dir;
}

/**
 * The load cache runCli gives a run of `--data <data>` (undefined: the cache as set), so that a test that loads the
 * folder itself can save its load where the run then reads it (loadWithCache([data], { cacheDir })) instead of the
 * run loading the same files again.
 */
export function runCacheDir(data: string): string | undefined {
  return cacheFor(['--data', data]);
}

/** Runs the CLI in-process with captured output. */
export async function runCli(...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { out: (t) => void (stdout += t), err: (t) => void (stderr += t), stderrIsTTY: false };
  const cache = cacheFor(args);
  if (cache === undefined) return { code: await main(['node', 'highneeds', ...args], io), stdout, stderr };
  process.env.HIGHNEEDS_CACHE_DIR = cache;
  try {
    return { code: await main(['node', 'highneeds', ...args], io), stdout, stderr };
  } finally {
    process.env.HIGHNEEDS_CACHE_DIR = SUITE_CACHE;
  }
}

/**
 * Copies data-samples/ to `dest` without its person-level SEN2 returns (sen2_YYYY.xml, 13 MB): the published
 * tables, ONS figures and money tables only. For tests about money tables, fallbacks and wording, where reading the
 * returns again (the load cache is keyed on the whole set of files, so every edited copy is a new load) was most of
 * their time and none of what they check.
 */
export function copySampleTables(dest: string): void {
  cpSync('data-samples', dest, { recursive: true, filter: (src) => !/sen2_\d{4}\.xml$/.test(src) });
}

/** The folder sampleTables() made in this test process. */
let sharedTables: string | undefined;

/**
 * A copy of the sample's tables (copySampleTables) for runs that only read it, made once per test process with a
 * load cache of its own that outlives the test file (in the suite's temporary folder, test/global-setup.mjs; also
 * removed when the process exits): run's load cache is keyed by the data folder's path, so a copy of a test's own,
 * unedited, was loaded afresh in each of the ~7 tests that ran on one. Never edit it: copy the tables with
 * copySampleTables for a test that edits them.
 */
export function sampleTables(): string {
  if (sharedTables !== undefined && existsSync(sharedTables)) return sharedTables;
  const dir = mkdtempSync(join(tmpdir(), 'highneeds-test-tables-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const data = join(dir, 'data');
  copySampleTables(data);
  mkdirSync(join(dir, 'cache'));
  ownCaches.set(resolve(data), join(dir, 'cache'));
  return (sharedTables = data);
}

/**
 * The sample's published caseload (data-samples/sen2_age_caseload.csv) cut to the Januaries `first`–`last`, in a
 * temporary folder of its own (removed after the test file): files as short as the 2025 release's layout to January
 * 2022, which holds 2019–2022.
 */
export function sampleCaseloadOf(first: number, last: number): string {
  const file = join(tempDir('hn-caseload-'), 'sen2_age_caseload.csv');
  const [header, ...rows] = readFileSync('data-samples/sen2_age_caseload.csv', 'utf8').split('\n');
  const kept = rows.filter((l) => /^\d{4},/.test(l) && Number(l.slice(0, 4)) >= first && Number(l.slice(0, 4)) <= last);
  writeFileSync(file, [header, ...kept].join('\n') + '\n');
  return file;
}

/** The folders initLaShared() made or found in this test process, by LA and source folder. */
const sharedInits = new Map<string, Promise<string>>();

/**
 * A folder `highneeds init <folder> --la <la> --from <from>` made once for the whole `npm test` (in the folder
 * test/global-setup.mjs shares between the test processes, HIGHNEEDS_TEST_SHARED_DIR; else once per test process),
 * with a load cache of its own beside it that runs on its data/ share: three test files each made their own Isles
 * of Scilly folder from the real 2022 release (about 0.5 s of CPU an init) and each loaded it afresh, a new path
 * every time, where they only read it. Never edit it, nor write outputs into it: give --out a folder of the test's
 * own. The init's exit code is checked here (an init that fails throws with its stderr).
 * @example const ios = await initLaShared('420', join(REAL_DATA, 'ees-ehcp-2022', 'data')); // ios/data, ios/scenarios
 */
export function initLaShared(la: string, from: string): Promise<string> {
  const id = `${la}\0${resolve(from)}`;
  let made = sharedInits.get(id);
  if (made === undefined) sharedInits.set(id, (made = makeInit(la, from, sharedInits.size)));
  return made;
}

async function makeInit(la: string, from: string, n: number): Promise<string> {
  let root = process.env.HIGHNEEDS_TEST_SHARED_DIR;
  if (!root || !existsSync(root)) {
    root = mkdtempSync(join(tmpdir(), 'highneeds-test-init-'));
    const own = root;
    process.once('exit', () => rmSync(own, { recursive: true, force: true }));
  }
  // named by what it is made of, so that every process finds the one folder
  const name = `init-${la}-${createHash('sha256').update(resolve(from)).digest('hex').slice(0, 12)}`;
  const dir = join(root, name);
  if (!existsSync(dir)) {
    // made whole under a name of this process's own, then renamed: another process finds it whole or not at all
    const mine = join(root, `.${name}.${process.pid}.${n}`);
    const r = await runCli('init', mine, '--la', la, '--from', from);
    if (r.code !== 0) throw new Error(`highneeds init ${mine} --la ${la} --from ${from}: exit ${r.code}\n${r.stderr}`);
    try {
      renameSync(mine, dir);
    } catch (e) {
      // made meanwhile by the other process: its folder is used, this one removed
      rmSync(mine, { recursive: true, force: true });
      if (!existsSync(dir)) throw e;
    }
  }
  const cache = join(root, `${name}-cache`);
  mkdirSync(cache, { recursive: true });
  ownCaches.set(resolve(join(dir, 'data')), cache);
  return dir;
}

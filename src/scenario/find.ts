/**
 * Where a scenario named on the command line is: where the user stands first (the path as given, relative to the
 * working folder), then beside the data (`--data DIR` and the folder above it, as `init` lays a folder out), then
 * among the scenarios shipped with the tool. A name without a folder is also looked for in a `scenarios/` folder
 * of each place, and a name without `.yaml` with it. When none exists the error lists every place looked in.
 */
import { existsSync, lstatSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inputError } from '../errors.ts';
import { scenarioMsg } from '../messages/index.ts';

/** The installation's root (the folder holding bin/highneeds.js), found from this module upwards; undefined if none. */
export function installRoot(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'bin', 'highneeds.js')) && existsSync(join(dir, 'scenarios'))) return dir;
    dir = dirname(dir);
  }
  return undefined;
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The places a scenario argument is looked for, in order (paths as they will be read; duplicates removed).
 * @example scenarioCandidates('covid-surge.yaml', { dataDir: 'data', root: '/opt/highneeds' })
 * // ['covid-surge.yaml', 'scenarios/covid-surge.yaml', 'data/covid-surge.yaml', …, '/opt/highneeds/scenarios/covid-surge.yaml']
 */
export function scenarioCandidates(arg: string, opts: { dataDir?: string; root?: string }): string[] {
  if (isAbsolute(arg)) return [arg];
  const names = extname(arg) === '' ? [arg, `${arg}.yaml`] : [arg];
  const bare = basename(arg) === arg;
  const roots = ['', ...(opts.dataDir ? [opts.dataDir, dirname(opts.dataDir)] : []), ...(opts.root ? [opts.root] : [])];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const root of roots) {
    for (const name of names) {
      for (const p of [join(root, name), ...(bare ? [join(root, 'scenarios', name)] : [])]) {
        const key = resolve(p);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(p);
      }
    }
  }
  return out;
}

/**
 * The scenario file an argument names: the first candidate that exists, else an input error (exit 1) saying
 * every place looked in.
 * @example findScenarioFile('covid-surge.yaml', { dataDir: 'data-samples' }) // 'scenarios/covid-surge.yaml' from the checkout
 */
export function findScenarioFile(arg: string, opts: { dataDir?: string; root?: string } = {}): string {
  if (arg.trim() === '' || exists(arg)) return arg; // as given: reading it says what is wrong with it, if anything
  const candidates = scenarioCandidates(arg, { dataDir: opts.dataDir, root: opts.root ?? installRoot() });
  const found = candidates.find(exists);
  if (found) return found;
  const m = scenarioMsg.notFound(arg, candidates.map((c) => resolve(c)));
  throw inputError(m, [{ file: arg, message: m }]);
}

/**
 * `npm test` as a user runs it: the whole suite's wall time (target ≤ 75 s, issue 14), and how many entries it
 * leaves behind in the system temp folder (target 0: every test cleans up what it writes). Slow (minutes): run
 * the other suites alone with `npm run bench -- targets sen2 …`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import type { Figure } from './figure.ts';

const repoRoot = resolve(import.meta.dirname, '..');

/**
 * CPU seconds (user + system) of this process's waited-for children, from /proc (Linux; undefined elsewhere): the
 * suite's CPU, which a faster or slower machine scales with its wall time, while the number of cores does not.
 */
function childrenCpuSeconds(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // after the command name: state is field 3, cutime field 16 and cstime field 17 (proc(5)), in clock ticks
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

export async function bench(): Promise<Figure[]> {
  const before = new Set(readdirSync(tmpdir()));
  const cpu0 = childrenCpuSeconds();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [resolve(repoRoot, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=dot'], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const ms = performance.now() - t0;
  const cpu1 = childrenCpuSeconds();
  if (r.status !== 0) throw new Error(`npm test failed (exit ${r.status}): ${(r.stdout + r.stderr).slice(-2000)}`);
  // entries created during the run that are still there (other processes on the machine may add a few)
  const left = readdirSync(tmpdir()).filter((f) => !before.has(f)).length;
  return [
    { name: '`npm test`, whole suite', value: ms / 1000, unit: 's', target: '≤ 75 s', ok: ms <= 75_000 },
    ...(cpu0 !== undefined && cpu1 !== undefined ? [{ name: '`npm test`, CPU of all its processes (user + system)', value: cpu1 - cpu0, unit: 'CPU s' }] : []),
    { name: 'new entries left in the system temp folder by `npm test`', value: left, unit: 'entries', target: '0', ok: left === 0 },
  ];
}

/**
 * Runs the CLI as users start it (`node bin/highneeds.js …`) in a child process and reports its peak resident
 * memory, read by the child itself at exit (test/peak-rss.ts: the peak of its own memory, not its parent's, through a
 * preloaded hook).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PEAK_RSS_HOOK } from '../peak-rss.ts';

const BIN = join(import.meta.dirname, '../../bin/highneeds.js');

export interface MeasuredRun {
  code: number | null;
  stdout: string;
  /** Standard error without the measuring line. */
  stderr: string;
  peakRssMb: number;
  ms: number;
}

/**
 * Spawns the CLI with `args` and measures it.
 * @example const r = runCliMeasured(['validate', 'bomb.xlsx']); expect(r.peakRssMb).toBeLessThan(600)
 */
export function runCliMeasured(args: readonly string[], timeoutMs = 120_000): MeasuredRun {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', PEAK_RSS_HOOK, BIN, ...args], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 16 << 20 });
  const ms = performance.now() - t0;
  const m = /\nPEAK_RSS_KB=(\d+)\n/.exec(r.stderr);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.replace(/\nPEAK_RSS_KB=\d+\n/, ''), peakRssMb: m ? Number(m[1]) / 1024 : NaN, ms };
}

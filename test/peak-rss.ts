/**
 * The peak resident memory of this process, for the memory limits the tests and benchmarks check.
 *
 * On Linux it is the kernel's VmHWM (/proc/self/status): the peak of this program's own memory. Not
 * `process.resourceUsage().maxRSS`, which on Linux a process started by fork and exec inherits from its parent (the
 * kernel carries the forked copy's peak across exec): a child of a 500 MB test process reported at least 500 MB
 * whatever it used itself. Elsewhere, maxRSS.
 */
import { readFileSync } from 'node:fs';

/**
 * Peak resident memory of this process in kB. `read` reads a text file (given, so that the preloaded hook below can
 * carry this very function).
 * @example peakRssKb((p) => readFileSync(p, 'utf8')) / 1024 // MB
 */
export function peakRssKb(read: (path: string) => string): number {
  try {
    const m = /^VmHWM:\s*(\d+)\s*kB/m.exec(read('/proc/self/status'));
    if (m) return Number(m[1]);
  } catch {
    // no /proc: not Linux
  }
  return process.resourceUsage().maxRSS;
}

/** Peak resident memory of this process in MB. */
export function peakRssMb(): number {
  return peakRssKb((p) => readFileSync(p, 'utf8')) / 1024;
}

/**
 * A module to preload in a child (`node --import PEAK_RSS_HOOK …`) that writes `PEAK_RSS_KB=<kB>` on its own line to
 * standard error as the child exits, measured by peakRssKb.
 */
export const PEAK_RSS_HOOK = `data:text/javascript,${encodeURIComponent(
  `import { readFileSync } from 'node:fs'; const peakRssKb = ${peakRssKb.toString()};
   process.on('exit', () => process.stderr.write('\\nPEAK_RSS_KB=' + peakRssKb((p) => readFileSync(p, 'utf8')) + '\\n'));`,
)}`;

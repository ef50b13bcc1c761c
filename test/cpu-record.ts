/**
 * Where `npm test`'s CPU goes, file by file: with HIGHNEEDS_TEST_CPU naming a file, each test file appends one JSON
 * line to it when its tests end (test/setup.ts): its process's user and system CPU from the moment the file's setup
 * ran (its imports, hooks and tests; the test processes run one file at a time), the CPU of the child processes it
 * started and waited for, minor page faults, voluntary context switches and wall time, in milliseconds.
 * `node scripts/test-cpu.mjs <file>` sums them by file and by folder. Without the variable nothing is read or written.
 * @example HIGHNEEDS_TEST_CPU=/tmp/cpu.jsonl npm test; node scripts/test-cpu.mjs /tmp/cpu.jsonl
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';

/** User and system CPU (ms) of this process's children that have ended and been waited for (Linux: /proc). */
function childrenCpu(): { user: number; sys: number } {
  try {
    // the fields after the command's closing bracket start at the 3rd (state): cutime is the 16th, cstime the 17th,
    // in clock ticks (100 a second)
    const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return { user: Number(f[13]) * 10, sys: Number(f[14]) * 10 };
  } catch {
    return { user: 0, sys: 0 };
  }
}

/** Starts the count for the file about to run; the function returned writes its line. */
export function startCpuRecord(out: string): (file: string) => void {
  const cpu = process.cpuUsage();
  const use = process.resourceUsage();
  const kids = childrenCpu();
  const t0 = performance.now();
  return (file) => {
    const c = process.cpuUsage(cpu);
    const u = process.resourceUsage();
    const k = childrenCpu();
    const line = {
      file: relative(process.cwd(), file),
      pid: process.pid,
      user: c.user / 1000,
      sys: c.system / 1000,
      childUser: k.user - kids.user,
      childSys: k.sys - kids.sys,
      minorFaults: u.minorPageFault - use.minorPageFault,
      voluntarySwitches: u.voluntaryContextSwitches - use.voluntaryContextSwitches,
      wall: performance.now() - t0,
    };
    appendFileSync(out, `${JSON.stringify(line)}\n`);
  };
}

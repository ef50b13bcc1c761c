/**
 * HIGHNEEDS_CACHE_DIR is read from the environment, where a command line cannot check it: a value under /proc, /sys
 * or /dev is refused as `--out` there is (exit 2), before anything is loaded. HIGHNEEDS_CACHE_DIR=/proc/x spun at
 * 75% CPU on '… loading data' until it was killed (more than 120 s; a run of the sample takes about 15 s).
 * In process (runCli), with the variable set for the command and put back after it: the command reads it when it
 * runs, not when it is loaded, as a process started with it does (two child processes were about 0.6 s of CPU).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCli } from './helpers.ts';
import { tempDir } from '../temp.ts';

describe('HIGHNEEDS_CACHE_DIR in a system tree', () => {
  it.each(['/proc/highneeds-cache', '/sys/highneeds-cache'])('%s is refused (exit 2) naming the variable, at once', async (cache) => {
    const out = join(tempDir(), 'out');
    const before = process.env.HIGHNEEDS_CACHE_DIR;
    process.env.HIGHNEEDS_CACHE_DIR = cache;
    try {
      const r = await runCli('run', '--draws', '0', '--out', out);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(`HIGHNEEDS_CACHE_DIR ${cache}`);
      expect(r.stderr).toMatch(/system path \(\/proc, \/sys or \/dev\)/);
    } finally {
      if (before === undefined) delete process.env.HIGHNEEDS_CACHE_DIR;
      else process.env.HIGHNEEDS_CACHE_DIR = before;
    }
  }, 90_000);
});

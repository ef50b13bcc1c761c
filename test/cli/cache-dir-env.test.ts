/**
 * HIGHNEEDS_CACHE_DIR is read from the environment, where a command line cannot check it: a value under /proc, /sys
 * or /dev is refused as `--out` there is (exit 2), before anything is loaded. HIGHNEEDS_CACHE_DIR=/proc/x spun at
 * 75% CPU on '… loading data' until it was killed (more than 120 s; a run of the sample takes about 15 s).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tempDir } from '../temp.ts';

const BIN = join(import.meta.dirname, '../../bin/highneeds.js');

describe('HIGHNEEDS_CACHE_DIR in a system tree', () => {
  it.each(['/proc/highneeds-cache', '/sys/highneeds-cache'])('%s is refused (exit 2) naming the variable, at once', (cache) => {
    const out = join(tempDir(), 'out');
    const r = spawnSync(process.execPath, [BIN, 'run', '--draws', '0', '--out', out], { env: { ...process.env, HIGHNEEDS_CACHE_DIR: cache }, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain(`HIGHNEEDS_CACHE_DIR ${cache}`);
    expect(r.stderr).toMatch(/system path \(\/proc, \/sys or \/dev\)/);
  }, 90_000);
});

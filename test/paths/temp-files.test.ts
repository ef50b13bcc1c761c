/**
 * Temporary folders (extracted archive entries, output staging) never outlive their process: removed on SIGTERM
 * and SIGINT (child process), and left-overs of a killed process removed by the next start.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { removeStale, writeFileWhole } from '../../src/paths/temp-files.ts';
import { withTempDir } from '../temp.ts';

const CHILD = `
import { makeTempDir } from ${JSON.stringify(join(import.meta.dirname, '../../src/paths/temp-files.ts'))};
import { writeFileSync } from 'node:fs';
const dir = await makeTempDir(process.env.HN_PARENT, 'highneeds-zip-');
writeFileSync(dir + '/entry.xml', '<Person><Surname>x</Surname></Person>');
console.log(dir);
setInterval(() => {}, 1000);
`;

async function childDirAfterSignal(parent: string, signal: NodeJS.Signals): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, HN_PARENT: parent } });
  const dir = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (b: Buffer) => resolve(b.toString().trim()));
    child.once('exit', (code) => reject(new Error(`child exited ${code}`)));
  });
  expect(existsSync(join(dir, 'entry.xml'))).toBe(true);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
  return dir;
}

describe('temporary folders', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('are removed when the process gets %s', async (signal) => {
    await withTempDir(async (d) => {
      const dir = await childDirAfterSignal(d, signal);
      expect(existsSync(dir)).toBe(false);
    });
  }, 60_000);

  it('left-overs of a process that no longer runs are removed by the next start; live ones are kept', async () => {
    await withTempDir(async (d) => {
      const dead = join(d, 'highneeds-zip-999999999-abc');
      const mine = join(d, `highneeds-zip-${process.pid}-abc`);
      await mkdir(dead);
      await mkdir(mine);
      await removeStale(d, 'highneeds-zip-');
      expect(existsSync(dead)).toBe(false);
      expect(existsSync(mine)).toBe(true);
    });
  });

  it('a signal during an uninterrupted step waits for the step to end, then removes the folders and ends the process', async () => {
    await withTempDir(async (d) => {
      // the step: announce itself, wait 300 ms (the signal arrives meanwhile), then write a marker
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', STEP_CHILD], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, HN_PARENT: d } });
      const dir = await new Promise<string>((resolve) => child.stdout.once('data', (b: Buffer) => resolve(b.toString().trim())));
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_c, sig) => resolve(sig)));
      child.kill('SIGTERM');
      expect(await exited).toBe('SIGTERM');
      expect(existsSync(join(d, 'step-finished'))).toBe(true);
      expect(existsSync(join(d, 'after-step'))).toBe(false);
      expect(existsSync(dir)).toBe(false);
    });
  }, 60_000);
});

const STEP_CHILD = `
import { makeTempDir, uninterrupted } from ${JSON.stringify(join(import.meta.dirname, '../../src/paths/temp-files.ts'))};
import { writeFileSync } from 'node:fs';
const dir = await makeTempDir(process.env.HN_PARENT, '.out.tmp-');
await uninterrupted(async () => {
  console.log(dir);
  await new Promise((r) => setTimeout(r, 300));
  writeFileSync(process.env.HN_PARENT + '/step-finished', '');
});
await new Promise((r) => setTimeout(r, 50));
writeFileSync(process.env.HN_PARENT + '/after-step', '');
setInterval(() => {}, 1000);
`;

describe('writeFileWhole', () => {
  it('replaces the file only after the check passes; a failed check leaves the earlier file and no temporary one', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'goal.yaml');
      await writeFileWhole(file, 'first\n');
      const seen = await writeFileWhole(file, 'second\n', async (tmp) => {
        expect(readFileSync(file, 'utf8')).toBe('first\n'); // not replaced while checked
        return readFileSync(tmp, 'utf8');
      });
      expect(seen).toBe('second\n');
      expect(readFileSync(file, 'utf8')).toBe('second\n');
      await expect(
        writeFileWhole(file, 'third\n', async () => {
          throw new Error('does not reproduce');
        }),
      ).rejects.toThrow('does not reproduce');
      expect(readFileSync(file, 'utf8')).toBe('second\n');
      expect(readdirSync(dir)).toEqual(['goal.yaml']);
    });
  });
});

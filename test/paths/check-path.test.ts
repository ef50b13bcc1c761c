/** Path checks: every kind of bad path is a located user error (exit 1 or 2), never a hang or an internal error. */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExitCode, HighneedsError } from '../../src/errors.ts';
import { checkInputPath, checkOutputFile, checkOutputFolder, isSystemPath } from '../../src/paths/check-path.ts';
import { expandPaths } from '../../src/etl/expand-paths.ts';
import { withTempDir } from '../temp.ts';

async function failure(p: Promise<unknown>): Promise<HighneedsError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(HighneedsError);
  return e as HighneedsError;
}

describe('checkInputPath', () => {
  it('accepts a file and a folder and says which', async () => {
    await withTempDir(async (d) => {
      await writeFile(join(d, 'a.csv'), 'x\n');
      expect((await checkInputPath(join(d, 'a.csv'))).kind).toBe('file');
      expect((await checkInputPath(d)).kind).toBe('folder');
    });
  });

  it('refuses missing paths, dangling links, link loops, pipes and system paths with exit 1 naming the path', async () => {
    await withTempDir(async (d) => {
      await symlink(join(d, 'nothing'), join(d, 'dangling'));
      await symlink(join(d, 'l1'), join(d, 'l2'));
      await symlink(join(d, 'l2'), join(d, 'l1'));
      execFileSync('mkfifo', [join(d, 'fifo')]);
      const cases: Array<[string, RegExp]> = [
        [join(d, 'missing'), /no such/],
        [join(d, 'dangling'), /symbolic link to .*nothing/],
        [join(d, 'l1'), /loop of symbolic links/],
        [join(d, 'fifo'), /named pipe/],
        ['/proc/self/status', /system path/],
        ['/dev/zero', /system path/],
      ];
      for (const [p, re] of cases) {
        const e = await failure(checkInputPath(p));
        expect(e.exitCode).toBe(ExitCode.INVALID_INPUT);
        expect(e.message).toContain(p);
        expect(e.message).toMatch(re);
      }
      // the pipe inside a folder is refused too, not opened
      const e = await failure(expandPaths([d]));
      expect(e.exitCode).toBe(ExitCode.INVALID_INPUT);
    });
  });

  it('an empty path is a usage error', async () => {
    expect((await failure(checkInputPath('', { flag: '--data' }))).exitCode).toBe(ExitCode.USAGE);
  });

  it('a folder linking back to its parent is refused, not walked forever', async () => {
    await withTempDir(async (d) => {
      await mkdir(join(d, 'a'));
      await writeFile(join(d, 'a', 'x.csv'), 'x\n');
      await symlink(d, join(d, 'a', 'up'));
      const e = await failure(expandPaths([d]));
      expect(e.message).toMatch(/nested too deep|pointing back up/);
    });
  });
});

describe('checkOutputFolder and checkOutputFile', () => {
  it('accept a new path under a writable folder and an existing folder / file', async () => {
    await withTempDir(async (d) => {
      await writeFile(join(d, 'f.csv'), 'x\n');
      await checkOutputFolder(join(d, 'new', 'deeper'), '--out');
      await checkOutputFolder(d, '--out');
      await checkOutputFile(join(d, 'f.csv'), '--out');
      await checkOutputFile(join(d, 'new', 'g.csv'), '--out');
    });
  });

  it('refuse a file as a folder, a folder as a file, a path under a file, system paths and empty paths', async () => {
    await withTempDir(async (d) => {
      await writeFile(join(d, 'f.csv'), 'x\n');
      execFileSync('mkfifo', [join(d, 'fifo')]);
      const cases: Array<[() => Promise<unknown>, RegExp]> = [
        [() => checkOutputFolder(join(d, 'f.csv'), '--out'), /expected a folder, found a file/],
        [() => checkOutputFile(d, '--out', 'forecast.csv'), /expected a file name, found a folder.*forecast\.csv/],
        [() => checkOutputFolder(join(d, 'f.csv', 'sub'), '--out'), /is a file, so nothing can be created/],
        [() => checkOutputFile(join(d, 'fifo'), '--out'), /named pipe/],
        [() => checkOutputFolder('/proc/foo', 'init DIR'), /system path/],
        [() => checkOutputFolder('/sys/kernel/x', '--out'), /system path/],
        [() => checkOutputFolder('', '--out'), /empty path/],
      ];
      for (const [p, re] of cases) {
        const e = await failure(p());
        expect(e.exitCode).toBe(ExitCode.USAGE);
        expect(e.message).toMatch(re);
      }
    });
  });

  it('knows the system trees', () => {
    expect(isSystemPath('/proc')).toBe(true);
    expect(isSystemPath('/sys/fs')).toBe(true);
    expect(isSystemPath('/procedure')).toBe(false);
  });
});

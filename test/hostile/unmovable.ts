/**
 * Makes a file or folder one that no process can change, move or write into, also for root (as Windows keeps a file
 * Excel has open, or a read-only share does): chattr +i for root, for whom modes do not hold, else the mode of the
 * folder (a file: of its folder, so it cannot be moved out of it). Returns the undoing, or undefined where neither
 * can be done (a file system without the immutable flag).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export function unmovable(path: string): (() => void) | undefined {
  if (process.getuid?.() === 0) {
    if (spawnSync('chattr', ['+i', path]).status !== 0) return undefined;
    return () => void spawnSync('chattr', ['-i', path]);
  }
  const dir = statSync(path).isDirectory() ? path : dirname(path);
  chmodSync(dir, 0o555);
  return () => chmodSync(dir, 0o755);
}

/**
 * A run's output folders (each scenario's, the comparison's) are switched as one set even across a SIGKILL: a child
 * process writes three folders through HeldOutputs and is killed at each step of the switch (the test-only pause
 * HIGHNEEDS_TEST_ONLY_SWITCH_PAUSE), or kills itself between two folders; the next write's recovery must leave all
 * three the old set or all three the new one, the user's own file untouched, and nothing beside them.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MANIFEST, recoverInterruptedSwitch } from '../../src/report/write-atomic.ts';
import { withTempDir } from '../temp.ts';

const FOLDERS = ['a', 'b', 'compare'];

/** The child: writes the set `HN_VERSION` into the three folders under HN_PARENT; HN_DIE_AFTER=k kills itself after k folders. */
const CHILD = `
import { HeldOutputs, writeFilesAtomically } from ${JSON.stringify(join(import.meta.dirname, '../../src/report/write-atomic.ts'))};
import { join } from 'node:path';
const v = process.env.HN_VERSION;
// the old set has CSVs, the new one none and a page of its own: files go and come
const files = (name) => v === 'old'
  ? [{ rel: 'book.xlsx', data: name + ' old' }, { rel: 'csv/plans.csv', data: name + ' old' }, { rel: 'charts/c.png', data: name + ' old' }]
  : [{ rel: 'book.xlsx', data: name + ' new' }, { rel: 'charts/c.png', data: name + ' new' }, { rel: 'page.html', data: name + ' new' }];
const held = new HeldOutputs();
const die = Number(process.env.HN_DIE_AFTER ?? -1);
let n = 0;
for (const name of ${JSON.stringify(FOLDERS)}) {
  await writeFilesAtomically(join(process.env.HN_PARENT, name), files(name), held);
  if (++n === die) process.kill(process.pid, 'SIGKILL');
}
if (die === 0) process.kill(process.pid, 'SIGKILL');
await held.commit();
`;

/** Runs the child; resolves with whether it paused (and was killed there) or was killed by itself, or ended. */
async function child(parent: string, version: string, env: Record<string, string> = {}): Promise<'paused' | 'killed' | 'ended'> {
  const marker = join(parent, '..', 'paused');
  const p = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, HN_PARENT: parent, HN_VERSION: version, ...env } });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => p.once('exit', (_c, sig) => resolve(sig)));
  for (;;) {
    const done = await Promise.race([exited.then((s) => ({ s })), new Promise<undefined>((r) => setTimeout(r, 25))]);
    if (done) return done.s === 'SIGKILL' ? 'killed' : 'ended';
    // the marker is written, not renamed into place: killed between its creation and its text, the step's name was lost
    if (existsSync(marker) && readFileSync(marker, 'utf8').endsWith('\n')) {
      p.kill('SIGKILL');
      await exited;
      return 'paused';
    }
  }
}

/** Every file under a folder with a hash of its bytes, as one string. */
function listing(dir: string): string {
  if (!existsSync(dir)) return '(none)';
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((p) => statSync(p).isFile())
    // a manifest by the files it lists (each run's names its own switch)
    .map((p) => `${relative(dir, p)} ${createHash('sha256').update(p.endsWith(MANIFEST) ? JSON.stringify((JSON.parse(readFileSync(p, 'utf8')) as { files: string[] }).files) : readFileSync(p)).digest('hex').slice(0, 12)}`)
    .sort()
    .join('\n');
}

/** The old set written, the user's own file put into b/ (so b/ is switched file by file); returns each set's listings. */
async function twoSets(root: string): Promise<{ parent: string; old: string[]; fresh: string[] }> {
  const sets: string[][] = [];
  for (const version of ['new', 'old']) {
    const parent = join(root, version);
    mkdirSync(parent);
    expect(await child(parent, 'old')).toBe('ended');
    writeFileSync(join(parent, 'b', 'my-notes.txt'), 'kept\n');
    if (version === 'new') expect(await child(parent, 'new')).toBe('ended');
    sets.push(FOLDERS.map((f) => listing(join(parent, f))));
  }
  return { parent: join(root, 'old'), fresh: sets[0]!, old: sets[1]! };
}

describe('a run killed while it switches its output folders', () => {
  it('killing itself after one, two or three folders (before the commit): the next write puts every folder back (before: the first folders new, the rest old)', async () => {
    await withTempDir(async (root) => {
      const { parent, old } = await twoSets(root);
      for (const k of [1, 2, 3]) {
        expect(await child(parent, 'new', { HN_DIE_AFTER: String(k) })).toBe('killed');
        const said = await recoverInterruptedSwitch(join(parent, 'a'));
        expect(FOLDERS.map((f) => listing(join(parent, f))), `killed after ${k}`).toEqual(old);
        expect(said.join('\n')).toMatch(/was stopped while it replaced the outputs in .*: each was put back as it was before that run/);
        expect(readdirSync(parent).sort(), `killed after ${k}`).toEqual(FOLDERS);
      }
    });
  }, 120_000);

  it('killed at each step of the switch (test-only pause): all three folders old, or all three new, and nothing beside them', async () => {
    await withTempDir(async (root) => {
      const { parent, old, fresh } = await twoSets(root);
      const seen = new Set<string>();
      for (let step = 1; ; step++) {
        const marker = join(root, 'paused');
        const how = await child(parent, 'new', { HIGHNEEDS_TEST_ONLY_SWITCH_PAUSE: `${step}:${marker}` });
        if (how === 'ended') {
          // every step was tried: the last run ended whole, and was new
          expect(FOLDERS.map((f) => listing(join(parent, f)))).toEqual(fresh);
          expect(step).toBeGreaterThan(10);
          break;
        }
        expect(how).toBe('paused');
        const where = readFileSync(marker, 'utf8').trim();
        seen.add(where.replace(/^\d+ /, '').replace(/:.*/, ''));
        rmSync(marker);
        const said = await recoverInterruptedSwitch(join(parent, 'compare'));
        const now = FOLDERS.map((f) => listing(join(parent, f)));
        const committed = /remove old set/.test(where);
        expect(now, `killed at step ${where}`).toEqual(committed ? fresh : old);
        expect(said.length, where).toBeLessThanOrEqual(1);
        expect(readdirSync(parent).sort(), where).toEqual(FOLDERS);
        expect(readFileSync(join(parent, 'b', 'my-notes.txt'), 'utf8')).toBe('kept\n');
        // back to the old set for the next step
        if (committed) {
          rmSync(parent, { recursive: true });
          mkdirSync(parent);
          expect(await child(parent, 'old')).toBe('ended');
          writeFileSync(join(parent, 'b', 'my-notes.txt'), 'kept\n');
        }
      }
      expect([...seen].sort()).toEqual(['aside and in', 'commit', 'new folder in', 'old folder aside', 'previous files aside', 'remove old set']);
    });
  }, 300_000);
});

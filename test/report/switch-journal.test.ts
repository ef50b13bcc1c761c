/**
 * A run's output folders (each scenario's, the comparison's) are switched as one set even across a SIGKILL: a child
 * process writes three folders through HeldOutputs and is killed at each step of the switch (the test-only pause
 * HIGHNEEDS_TEST_ONLY_SWITCH_PAUSE), or kills itself between two folders; the next write's recovery must leave all
 * three the old set or all three the new one, the user's own file untouched, and nothing beside them.
 */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HeldOutputs, MANIFEST, recoverInterruptedSwitch, writeFilesAtomically } from '../../src/report/write-atomic.ts';
import { withTempDir } from '../temp.ts';
import { unmovable } from '../hostile/unmovable.ts';

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

  it('a folder the run cannot put back keeps the journal, and the next write finishes putting it back', async (ctx) => {
    await withTempDir(async (root) => {
      const { writeFilesAtomically, HeldOutputs } = await import('../../src/report/write-atomic.ts');
      const parent = join(root, 'reports');
      await writeFilesAtomically(join(parent, 'a'), [{ rel: 'book.xlsx', data: 'old' }]);
      const held = new HeldOutputs();
      await writeFilesAtomically(join(parent, 'a'), [{ rel: 'book.xlsx', data: 'new' }], held);
      // a/ cannot be moved now (open in another program on Windows, a read-only share): its undo fails
      const undo = unmovable(join(parent, 'a'));
      if (undo === undefined) return ctx.skip('no folder here can be made unmovable (root without chattr +i)');
      try {
        await held.rollback();
      } finally {
        undo();
      }
      // before: the journal went with the failed undo, and a/ stayed the new set with nothing to say so
      expect(readdirSync(parent).filter((n) => n.startsWith('.highneeds-switch-'))).toHaveLength(1);
      expect(readFileSync(join(parent, 'a', 'book.xlsx'), 'utf8')).toBe('new');
      // once this process is gone (here: the journal read as another's), the next write puts it back
      const journal = readdirSync(parent).find((n) => n.startsWith('.highneeds-switch-'))!;
      const gone = spawnSync(process.execPath, ['-e', '0']).pid;
      const text = readFileSync(join(parent, journal), 'utf8').replace(`"pid": ${process.pid}`, `"pid": ${gone}`);
      rmSync(join(parent, journal));
      writeFileSync(join(parent, journal.replace(String(process.pid), String(gone))), text);
      const said = await recoverInterruptedSwitch(join(parent, 'a'));
      expect(said.join('\n')).toMatch(/each was put back as it was before that run/);
      expect(readFileSync(join(parent, 'a', 'book.xlsx'), 'utf8')).toBe('old');
      expect(readdirSync(parent)).toEqual(['a']);
    });
  });

  it('a journal naming folders that are not beside it (copied from elsewhere, or made to) moves and removes nothing', async () => {
    await withTempDir(async (root) => {
      const parent = join(root, 'reports');
      const theirs = join(root, 'my-documents');
      mkdirSync(join(parent, 'a'), { recursive: true });
      mkdirSync(theirs);
      writeFileSync(join(theirs, 'budget.xlsx'), 'mine');
      writeFileSync(join(parent, 'a', 'book.xlsx'), 'old');
      // a process that has ended: its pid names the journal
      const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
      const journals: Array<[string, Record<string, unknown>]> = [
        // committed, a folder's old set elsewhere: before, finishing the switch removed my-documents/ whole
        ['committed', { kind: 'folder', dir: join(parent, 'a'), old: theirs }],
        ['switching', { kind: 'folder', dir: theirs, old: null }],
        // a file 'placed' outside the folder: before, rolling back removed my-documents/budget.xlsx
        ['switching', { kind: 'files', dir: join(parent, 'a'), aside: join(parent, '.a.aside-1-x'), stage: join(parent, '.a.tmp-1-x'), files: ['../../my-documents/budget.xlsx'], before: [], gone: [] }],
      ];
      for (const [i, [state, entry]] of journals.entries()) {
        writeFileSync(join(parent, `.highneeds-switch-${gone}-${i}.json`), JSON.stringify({ id: 'x', pid: gone, state, entries: [entry] }));
        const said = await recoverInterruptedSwitch(join(parent, 'a'));
        expect(readFileSync(join(theirs, 'budget.xlsx'), 'utf8'), `entry ${i}`).toBe('mine');
        expect(said.join('\n'), `entry ${i}`).toMatch(/is damaged or names folders that are not beside it .*it was removed and nothing was moved/);
        expect(readFileSync(join(parent, 'a', 'book.xlsx'), 'utf8')).toBe('old');
        expect(readdirSync(parent)).toEqual(['a']);
      }
    });
  });

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

describe('a journal recovered after a later run wrote its folders', () => {
  it("leaves that run's files, and removes only what the killed switch had moved aside", async () => {
    // a journal is recovered only once its process is gone: one whose pid another live process held (or, in a
    // container, the next run's own pid) waited while a later run wrote the folders, and was then rolled back over
    // them: the old workbook moved aside by the killed switch replaced the later run's, under the later run's manifest
    await withTempDir(async (d) => {
      const parent = join(d, 'out');
      const [files, folder] = [join(parent, 'a'), join(parent, 'b')];
      const manifest = (id: string, names: string[]) => `${JSON.stringify({ files: names, switch: id })}\n`;
      // the killed run K: a/ holds the user's file, K had moved its old workbook aside and placed its own; b/ it had moved aside whole
      mkdirSync(files, { recursive: true });
      writeFileSync(join(files, 'mine.txt'), 'mine');
      const aside = join(parent, '.a.aside-1-1');
      mkdirSync(aside);
      writeFileSync(join(aside, 'book.xlsx'), 'P');
      const old = join(parent, '.b.old-1-1');
      mkdirSync(old);
      writeFileSync(join(old, 'book.xlsx'), 'P');
      writeFileSync(join(old, MANIFEST), manifest('P', ['book.xlsx']));
      const journal = {
        id: 'K',
        pid: 1,
        state: 'switching',
        entries: [
          { kind: 'files', dir: files, aside, stage: join(parent, '.a.tmp-1-x'), files: ['book.xlsx', MANIFEST], before: ['book.xlsx', MANIFEST], gone: [], prev: 'P' },
          { kind: 'folder', dir: folder, old, prev: 'P' },
        ],
      };
      // then the later run L wrote both folders whole
      writeFileSync(join(files, 'book.xlsx'), 'L');
      writeFileSync(join(files, MANIFEST), manifest('L', ['book.xlsx']));
      mkdirSync(folder);
      writeFileSync(join(folder, 'book.xlsx'), 'L');
      writeFileSync(join(folder, MANIFEST), manifest('L', ['book.xlsx']));
      // and K's process is gone now (a pid no process holds)
      const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
      writeFileSync(join(parent, `.highneeds-switch-${gone}-1.json`), JSON.stringify(journal));
      await recoverInterruptedSwitch(files);
      expect([readFileSync(join(files, 'book.xlsx'), 'utf8'), readFileSync(join(folder, 'book.xlsx'), 'utf8')]).toEqual(['L', 'L']);
      expect(readFileSync(join(files, 'mine.txt'), 'utf8')).toBe('mine');
      expect(readdirSync(parent).sort()).toEqual(['a', 'b']);
    });
  });
});

describe("what a killed run of this process's own pid left (a container's runs share one pid)", () => {
  it('is taken for gone: its journal is recovered and its locks taken over, at once', async () => {
    // a journal or lock of this process's pid was taken for this process's own: the journal was never recovered (the
    // folder stayed moved aside), and the locks made the next run wait 120 s and stop with an internal error
    await withTempDir(async (d) => {
      const parent = join(d, 'out');
      const dir = join(parent, 'b');
      const old = join(parent, '.b.old-1-1');
      mkdirSync(old, { recursive: true });
      writeFileSync(join(old, 'book.xlsx'), 'P');
      const journal = { id: 'K', pid: process.pid, state: 'switching', entries: [{ kind: 'folder', dir, old }] };
      writeFileSync(join(parent, `.highneeds-switch-${process.pid}-1.json`), JSON.stringify(journal));
      for (const lock of ['.b.lock', '.highneeds-set.lock']) writeFileSync(join(parent, lock), String(process.pid));
      const said = await recoverInterruptedSwitch(dir);
      expect(said).toHaveLength(1);
      expect(readFileSync(join(dir, 'book.xlsx'), 'utf8')).toBe('P');
      const held = new HeldOutputs();
      await writeFilesAtomically(dir, [{ rel: 'book.xlsx', data: 'N' }], held);
      await held.commit();
      expect(readFileSync(join(dir, 'book.xlsx'), 'utf8')).toBe('N');
      expect(readdirSync(parent)).toEqual(['b']);
    });
  }, 20_000);
});

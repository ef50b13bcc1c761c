/**
 * Signals sent to the real CLI, spawned as a user would run it (issue 15): a `run` killed while it writes its
 * outputs or switches them into place leaves its output folder holding one whole set, the old or the new, never a
 * mix; SIGTERM leaves no staging folder, and what a SIGKILL left is cleaned up by the next run. A `load` of a ZIP
 * holding SEN2 returns (children's personal data) leaves nothing extracted in the temp folder after a signal, and
 * what a SIGKILL left is removed by the next start.
 */
import { describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runCacheDir, runCli, sampleTables } from './helpers.ts';
import { tempDir } from '../temp.ts';
import { zipBytes } from '../etl/zip-writer.ts';

const BIN = join(import.meta.dirname, '../../bin/highneeds.js');
const MANIFEST = '.highneeds-outputs.json';

function cli(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
}

/** Polls (every few ms) until `cond` holds (true) or the child exits first (false). */
async function whenOrExit(child: ChildProcess, cond: () => boolean, timeoutMs = 90_000): Promise<boolean> {
  let exited = child.exitCode !== null || child.signalCode !== null;
  child.once('exit', () => (exited = true));
  const until = Date.now() + timeoutMs;
  while (!exited && Date.now() < until) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 3));
  }
  return false;
}

async function exitOf(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((r) => child.once('exit', r));
}

/** Every file under a folder with its SHA-256 (undefined when the folder does not exist). */
function listing(dir: string): Map<string, string> | undefined {
  if (!existsSync(dir)) return undefined;
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

const leftovers = (parent: string, name: string) => readdirSync(parent).filter((n) => n !== name);

describe('a run killed while it writes its outputs', () => {
  it('leaves the old set or the new set whole, never a mix; staging gone after SIGTERM, cleaned by the next run after SIGKILL', async () => {
    const d = tempDir('hn-kill-run-');
    const out = join(d, 'out');
    // the sample's tables (the runs' data is none of what is checked): the spawned runs read the load and the data
    // step the first run saved in the folder's own cache, and each projects from the published tables, not from the
    // SEN2 returns' persons (about 1.0 s of CPU a run against 1.4 s)
    const data = sampleTables();
    const env = { HIGHNEEDS_CACHE_DIR: runCacheDir(data)! };
    // the old set: baseline with CSVs
    const first = await runCli('run', 'scenarios/baseline.yaml', '--data', data, '--draws', '0', '--demand-only', '--csv', '--quiet', '--out', out);
    expect(first.code, first.stderr).toBe(0);
    const old = listing(out)!;
    expect([...old.keys()].some((f) => f.startsWith('csv/'))).toBe(true);

    const tries: Array<[NodeJS.Signals, 'staging' | 'switch']> = [
      ['SIGTERM', 'switch'],
      ['SIGKILL', 'staging'],
      ['SIGKILL', 'switch'],
    ];
    for (const [signal, at] of tries) {
      const before = listing(out);
      // the new set: another scenario, no CSVs
      const child = cli(['run', 'scenarios/mitigated.yaml', '--data', data, '--draws', '0', '--demand-only', '--quiet', '--out', out], env);
      const hit = await whenOrExit(child, () =>
        at === 'switch'
          ? existsSync(join(d, '.out.lock'))
          : readdirSync(d).some((n) => n.startsWith('.out.tmp-') && readdirSync(join(d, n)).length > 0),
      );
      if (hit) child.kill(signal);
      await exitOf(child);
      const now = listing(out);
      const where = `${signal} at the ${at}${hit ? '' : ' (the run finished first)'}`;
      if (signal === 'SIGTERM') {
        expect(now, where).toBeDefined();
        // nothing of the run is left beside the output folder
        expect(leftovers(d, 'out'), where).toEqual([]);
      }
      if (now === undefined) {
        // a SIGKILL between the switch's two renames: the old set waits beside it, put back by the next run
        expect(leftovers(d, 'out').some((n) => n.startsWith('.out.old-')), where).toBe(true);
        continue;
      }
      const same = (a: Map<string, string>, b: Map<string, string> | undefined) => b !== undefined && a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
      if (same(now, before!)) continue; // the previous set, untouched
      // otherwise the whole new set: exactly the files its manifest lists, nothing of the old set's own files
      const manifest = (JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')) as { files: string[] }).files;
      expect([...now.keys()].sort(), where).toEqual([...manifest, MANIFEST].sort());
      expect(manifest, where).toContain('highneeds-mitigated.xlsx');
      expect([...now.keys()].filter((f) => f.startsWith('csv/') || f.includes('baseline')), where).toEqual([]);
    }

    // a later run cleans what the kills left (staging, an old set moved aside, a lock) and writes its set whole
    const last = await runCli('run', 'scenarios/baseline.yaml', '--data', data, '--draws', '0', '--demand-only', '--quiet', '--out', out);
    expect(last.code, last.stderr).toBe(0);
    expect(leftovers(d, 'out')).toEqual([]);
    const final = listing(out)!;
    // written without --csv into a folder an earlier --csv run used: no old CSV is left
    expect([...final.keys()].filter((f) => f.startsWith('csv/'))).toEqual([]);
    expect([...final.keys()]).toContain('highneeds-baseline.xlsx');
    expect([...final.keys()].filter((f) => f.includes('mitigated'))).toEqual([]);
  }, 300_000);
});

describe('a run of two scenarios killed between its folders', () => {
  it("is rolled back by the next run before it reads anything, which says so: low/, high/ and compare/ are all the killed run's predecessor's", async () => {
    const d = tempDir('hn-kill-set-');
    const out = join(d, 'out');
    const data = sampleTables();
    const env = { HIGHNEEDS_CACHE_DIR: runCacheDir(data)! };
    const scenario = (id: string, inflation: string): string => {
      const f = join(d, `${id}.yaml`);
      writeFileSync(f, readFileSync('scenarios/baseline.yaml', 'utf8').replace('id: baseline', `id: ${id}`).replace('inflation: 0.03', `inflation: ${inflation}`));
      return f;
    };
    const args = [scenario('low', '0.03'), scenario('high', '0.05'), '--draws', '0', '--demand-only', '--quiet', '--out', out];
    expect((await runCli('run', ...args, '--data', data, '--csv')).code).toBe(0);
    const before = ['low', 'high', 'compare'].map((f) => listing(join(out, f)));
    // killed at the third step of its switch (test-only pause): low/ new, high/ about to be moved aside, compare/ old
    const marker = join(d, 'paused');
    const child = cli(['run', ...args, '--data', data], { ...env, HIGHNEEDS_TEST_ONLY_SWITCH_PAUSE: `3:${marker}` });
    expect(await whenOrExit(child, () => existsSync(marker))).toBe(true);
    child.kill('SIGKILL');
    await exitOf(child);
    expect(readFileSync(marker, 'utf8')).toMatch(/^3 old folder aside/);
    expect(readdirSync(out).filter((n) => n.startsWith('.highneeds-switch-'))).toHaveLength(1);
    // the next run, refused for its data (an empty folder), has put the set back first (and says so, but not under --quiet)
    mkdirSync(join(d, 'empty'));
    const next = await runCli('run', ...args.filter((a) => a !== '--quiet'), '--data', join(d, 'empty'));
    expect(next.code, next.stderr).toBe(1);
    expect(next.stderr).toMatch(/a run \(process \d+\) was stopped while it replaced the outputs in .*low, .*high: each was put back as it was before that run/);
    expect(['low', 'high', 'compare'].map((f) => listing(join(out, f)))).toEqual(before);
    expect(readdirSync(out).sort()).toEqual(['compare', 'high', 'low']);
  }, 180_000);
});

describe('a load of a ZIP of SEN2 returns, interrupted', () => {
  /**
   * A ZIP of the sample's SEN2 XML returns (names, birth dates, postcodes, UPNs of made-up children), their entries
   * deflated by Node's zlib (test/etl/zip-writer.ts: 0.2 s of CPU where JSZip's JavaScript deflate took 1 s).
   */
  function sen2Zip(path: string): void {
    const returns = readdirSync('data-samples').filter((n) => /^sen2_\d{4}\.xml$/.test(n));
    writeFileSync(path, zipBytes(returns.map((f) => ({ name: f, chunks: [readFileSync(join('data-samples', f))], method: 'deflate' as const }))));
  }
  /** Every file under the temp folder that holds an extracted return (any XML, anything in an extraction folder). */
  const extracted = (tmp: string): string[] => {
    const found: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) {
          if (e.name.startsWith('highneeds-zip-')) found.push(p);
          walk(p);
        } else if (/\.xml$/i.test(e.name)) found.push(p);
      }
    };
    walk(tmp);
    return found;
  };

  it('leaves nothing extracted after SIGTERM or SIGINT, and the next start removes what SIGKILL left', async () => {
    const d = tempDir('hn-kill-load-');
    const zip = join(d, 'sen2.zip');
    sen2Zip(zip);
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGKILL'] as const) {
      const tmp = join(d, `tmp-${signal}`);
      mkdirSync(tmp);
      const child = cli(['load', zip, '--warehouse', join(d, `w-${signal}.duckdb`), '--quiet'], { TMPDIR: tmp });
      // mid-load: the archive's returns are being read (extracted, if the reader extracts), the warehouse open
      const hit = await whenOrExit(child, () => extracted(tmp).length > 0 || existsSync(join(d, `w-${signal}.duckdb`)));
      if (hit) child.kill(signal);
      await exitOf(child);
      if (signal !== 'SIGKILL') {
        expect(extracted(tmp), signal).toEqual([]);
        continue;
      }
      // the next start of highneeds (any command) removes what the killed one left
      const next = cli(['status', '--warehouse', join(d, 'none.duckdb'), '--quiet'], { TMPDIR: tmp });
      await exitOf(next);
      expect(extracted(tmp), signal).toEqual([]);
    }
  }, 300_000);
});

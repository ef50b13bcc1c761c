/**
 * run's caches are keyed by what the files are, not how --data names them (src/etl/cache-key.ts): a run that names
 * the folder otherwise (relative, with a trailing slash, through a link) reads what the first saved, and writes the
 * same outputs byte for byte as a fresh run under its own spelling, every file named as it names them
 * (src/etl/respell.ts); one saved load, not one per spelling.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/run.ts';
import { copySampleTables } from '../cli/helpers.ts';
import { outputsOf } from '../output-files.ts';
import { tempDir } from '../temp.ts';

/**
 * The sample's tables (without its SEN2 returns, whose reading is none of what this checks and was most of the
 * test's time: three fresh loads) with three notes that name files: an unknown file, a copy of a table, and a copy in
 * a subfolder.
 */
function dataWithNotes(): string {
  const data = join(tempDir(), 'data');
  copySampleTables(data);
  mkdirSync(join(data, 'sub'), { recursive: true });
  writeFileSync(join(data, 'extra.csv'), 'colour,shape\nred,square\n');
  copyFileSync(join(data, 'reserves.csv'), join(data, 'reserves_copy.csv'));
  copyFileSync(join(data, 'other_spend.csv'), join(data, 'sub', 'other_spend_again.csv'));
  return data;
}

async function runOf(dataDir: string, cacheDir: string, fresh = false): Promise<{ outputs: Record<string, unknown>; fromCache: boolean; warnings: string[]; json: string }> {
  const out = tempDir();
  const r = await runPipeline({ scenarioFiles: ['scenarios/baseline.yaml'], dataDir, draws: 0, seed: 1, csv: true, runDate: '2026-01-02T03:04:05.000Z', cacheDir, out, fresh });
  // run --json's document, its output folder aside
  return { outputs: await outputsOf(out), fromCache: r.fromCache, warnings: r.warnings, json: JSON.stringify(r.documents).replaceAll(out, 'OUT') };
}

const notesOf = (outputs: Record<string, unknown>): string => Buffer.from(outputs['csv/data_quality_notes.csv'] as string, 'base64').toString('utf8');

describe('a data folder named otherwise', () => {
  it('reads the first run\'s cache and names every file as a fresh run of its own spelling does', async () => {
    const data = dataWithNotes();
    const link = join(tempDir(), 'link');
    symlinkSync(data, link);
    const cacheDir = tempDir();
    const first = await runOf(data, cacheDir);
    expect(first.fromCache).toBe(false);
    expect(notesOf(first.outputs)).toContain(`same content as ${join(data, 'reserves.csv')} in this load,Input data,${join(data, 'reserves_copy.csv')}`);
    // relative, from the data step saved (run-data); the link, from the saved load alone (the data step worked out
    // again from the warehouse, its rows renamed)
    for (const [spelling, dropRunData] of [[relative(process.cwd(), data), false], [`${link}/`, true]] as const) {
      if (dropRunData) for (const f of readdirSync(cacheDir).filter((f) => f.endsWith('.run-data'))) rmSync(join(cacheDir, f));
      const cached = await runOf(spelling, cacheDir);
      const fresh = await runOf(spelling, tempDir(), true);
      expect([cached.fromCache, fresh.fromCache], spelling).toEqual([true, false]);
      expect(notesOf(cached.outputs)).toContain(`same content as ${join(spelling, 'other_spend.csv')} in this load,Input data,${join(spelling, 'sub', 'other_spend_again.csv')}`);
      expect(notesOf(cached.outputs)).not.toContain(` ${data}/`);
      expect(cached.outputs, spelling).toEqual(fresh.outputs);
      expect(cached.warnings, spelling).toEqual(fresh.warnings);
      expect(cached.json, spelling).toBe(fresh.json);
    }
    // one load, one set of series, however the folder was named
    const saved = readdirSync(cacheDir).filter((f) => !f.startsWith('.'));
    expect(saved.filter((f) => f.endsWith('.duckdb'))).toHaveLength(1);
    expect(saved.filter((f) => f.endsWith('.datasets'))).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(cacheDir, saved.find((f) => f.endsWith('.json'))!), 'utf8')).spelling[0].input).toBe(data);
  });
});

/**
 * forecast --ees and backtest --ees keep what they read from the files (src/pipeline/saved-ees.ts): a second
 * forecast or backtest of the same files reads it back and gives the same results as a fresh read, --fresh reads the
 * files again, a saved file damaged is read again, and the notes name the files as the run names them.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EesDatasets } from '../../src/etl/ees-datasets.ts';
import { backtestFromEes, forecastFromEes } from '../../src/pipeline/forecast.ts';
import { readSaved, saveResult } from '../../src/pipeline/saved-results.ts';
import { writeFixture } from '../model/forecast-fixture.ts';
import { tempDir } from '../temp.ts';

const savedOf = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.ees-datasets')).map((f) => join(dir, f));
const anything = (_d: unknown): _d is unknown => true;

describe('the series forecast and backtest read from EES files', () => {
  it('are read back by the next forecast, with the results of a fresh read; --fresh and a damaged file read the files again', async () => {
    const files = writeFixture(2024, { more: true });
    const cacheDir = tempDir();
    const forecast = (o: { fresh?: boolean; cacheDir?: string; files?: string[] } = {}) =>
      forecastFromEes({ files, all: true, baseYear: 2023, horizon: 1, draws: 50, seed: 1, cacheDir, ...o });
    const first = await forecast();
    const [file] = savedOf(cacheDir);
    expect(savedOf(cacheDir)).toHaveLength(1);
    expect(await forecast()).toEqual(first);
    expect(await forecast({ fresh: true, cacheDir: tempDir() })).toEqual(first);

    // what the next forecast reads: saved with Norfolk's plans doubled, its forecast follows them
    const key = basename(file!).slice(0, 64);
    const good = readFileSync(file!);
    const ees = (await readSaved(cacheDir, 'ees-datasets', key, anything)) as EesDatasets;
    const doubled = structuredClone(ees);
    const norfolk = doubled.datasets.find((d) => d.la.oldCode === '926')!;
    for (const y of Object.keys(norfolk.stockTotal)) norfolk.stockTotal[Number(y)]! *= 2;
    // its age rows too: a total alone doubled is one its own ages contradict, and not forecast (model/age-tiling.ts)
    for (const r of norfolk.stockByAge) r.count *= 2;
    await saveResult(cacheDir, 'ees-datasets', key, doubled);
    const p50 = (r: typeof first) => r.rows.find((x) => x.old_la_code === '926')!.ehcp_p50;
    expect(p50(await forecast())).toBeGreaterThan(1.5 * p50(first));
    // --fresh reads the files, and saves what they hold
    expect(await forecast({ fresh: true })).toEqual(first);
    expect(await forecast()).toEqual(first);

    // a byte of the saved file changed: read again from the files, and saved whole again
    const damaged = Buffer.from(good);
    damaged[damaged.length - 40]! ^= 0xff;
    writeFileSync(file!, damaged);
    expect(await forecast()).toEqual(first);
    expect(await readSaved(cacheDir, 'ees-datasets', key, anything)).toEqual(ees);

    // the same files named otherwise: the same key, the notes naming them as this run does
    const rel = files.map((f) => relative(process.cwd(), f));
    expect(await forecast({ files: rel })).toEqual(await forecast({ files: rel, fresh: true, cacheDir: tempDir() }));
    expect(savedOf(cacheDir)).toHaveLength(1);

    // backtest keeps every year: another key, the same scores as a fresh read
    const backtest = (o: { fresh?: boolean; cacheDir?: string } = {}) => backtestFromEes({ files, all: true, origins: [2020, 2021], horizon: 2, cacheDir, ...o });
    const scored = await backtest();
    expect(savedOf(cacheDir)).toHaveLength(2);
    expect(await backtest()).toEqual(scored);
    expect(await backtest({ fresh: true, cacheDir: tempDir() })).toEqual(scored);
  });

  it('are read afresh when a file changes', async () => {
    const files = writeFixture(2024, { more: true });
    const cacheDir = tempDir();
    const forecast = (dir = cacheDir) => forecastFromEes({ files, all: true, baseYear: 2023, horizon: 1, draws: 0, seed: 1, cacheDir: dir });
    expect((await forecast()).ignoredRows).toBeGreaterThan(0);
    // the files replaced by a release to January 2023: no later rows to ignore (the note saved says 2024's were)
    const shorter = writeFixture(2023, { more: true });
    for (const f of files) writeFileSync(f, readFileSync(shorter.find((s) => basename(s) === basename(f))!));
    const fresh = await forecast(tempDir());
    expect(fresh.ignoredRows).toBe(0);
    expect(await forecast()).toEqual(fresh);
    expect(savedOf(cacheDir)).toHaveLength(2);
  });
});

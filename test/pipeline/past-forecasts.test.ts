/**
 * What `run` works out for every LA of its data, kept for the next run on the same files (src/pipeline/past-forecasts.ts):
 * a run of another LA reads the series and past forecasts the first saved, and writes the same outputs byte for byte
 * as a run without them; a saved file damaged or cut short is worked out again, never used.
 */
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/run.ts';
import { readSaved, saveResult, type SavedKind } from '../../src/pipeline/saved-results.ts';
import type { PastForecast } from '../../src/model/forecast/calibrate.ts';
import type { WarehouseDatasets } from '../../src/pipeline/totals.ts';
import { writeFixture } from '../model/forecast-fixture.ts';
import { outputsOf } from '../output-files.ts';
import { tempDir } from '../temp.ts';

/** Twelve LAs' published files (2012–2024) and a scenario from January 2024. */
function fixture(): { data: string; scenario: string } {
  const data = tempDir();
  writeFixture(2024, { more: true, dir: data });
  const scenario = join(tempDir(), 'rc.yaml');
  writeFileSync(scenario, 'id: rc\nname: Run cache\nbase_year: 2024\nhorizon_years: 3\n');
  return { data, scenario };
}

/** Runs the LA's demand-only scenario into `out` and returns its outputs. */
async function runOf(f: { data: string; scenario: string }, la: string, cacheDir: string, opts: { fresh?: boolean } = {}): Promise<Record<string, unknown>> {
  const out = tempDir();
  await runPipeline({ scenarioFiles: [f.scenario], dataDir: f.data, la, draws: 20, seed: 1, demandOnly: true, runDate: '2026-01-02T03:04:05.000Z', cacheDir, out, ...opts });
  return outputsOf(out);
}

const savedOf = (dir: string, kind: SavedKind): string[] => readdirSync(dir).filter((f) => f.endsWith(`.${kind}`));
const keyOf = (file: string): string => file.slice(0, 64);
const anything = (_d: unknown): _d is unknown => true;

/** The report's text in a run's outputs. */
const reportOf = (outputs: Record<string, unknown>): string => Buffer.from(outputs['recovery-plan-rc.html'] as string, 'base64').toString('utf8');

describe('every LA’s series and past forecasts, kept between runs', () => {
  // the files (never written to) and West Sussex's run with nothing saved, which both tests compare with
  let f: { data: string; scenario: string };
  let alone: Record<string, unknown>;
  /** The cache folder as Brighton and Hove's run (926) left it, never written to after: each test runs on a copy. */
  let after926: string | undefined;
  beforeAll(async () => {
    f = fixture();
    alone = await runOf(f, '938', tempDir());
  });

  /**
   * A cache folder of its own holding what Brighton and Hove's run saved (its load, every LA's series and past
   * forecasts): that run, the same in both tests, is made once and its folder copied (the saved files are keyed and
   * checked by their content, not their folder).
   */
  async function cacheAfter926(): Promise<string> {
    if (after926 === undefined) {
      const dir = tempDir();
      await runOf(f, '926', dir);
      after926 = dir;
    }
    const cacheDir = tempDir();
    cpSync(after926, cacheDir, { recursive: true });
    return cacheDir;
  }

  it('are read by a run of another LA, which writes the same outputs byte for byte as a run without them', async () => {
    const cacheDir = await cacheAfter926();
    expect(savedOf(cacheDir, 'datasets')).toHaveLength(1);
    const [saved] = savedOf(cacheDir, 'past-forecasts');
    const past = await readSaved(cacheDir, 'past-forecasts', keyOf(saved!), anything);
    // the track record's origins: every LA of the files from each (twelve LAs, too few to calibrate their own ranges:
    // they take the shipped reference's calibration of a whole release, docs/model.md "Batch statistics", and forecast
    // no past origin for it)
    expect([...(past as Map<number, PastForecast[]>).keys()].sort()).toEqual([2019, 2020, 2021, 2022, 2023]);
    const cached = await runOf(f, '938', cacheDir);
    // published files give every LA the same batch: one saved set of past forecasts, the first run's
    expect(savedOf(cacheDir, 'past-forecasts')).toEqual([saved]);
    expect(reportOf(alone)).toContain('Accuracy across the 12 LAs of the data with past forecasts to score');
    expect(cached).toEqual(alone);
    // --fresh reads none of them (and saves them again)
    expect(await runOf(f, '938', cacheDir, { fresh: true })).toEqual(alone);
  });

  it('are what the next run uses, and one damaged or cut short is worked out again', async () => {
    const cacheDir = await cacheAfter926();
    const [pastFile] = savedOf(cacheDir, 'past-forecasts').map((n) => join(cacheDir, n));
    const [eesFile] = savedOf(cacheDir, 'datasets').map((n) => join(cacheDir, n));
    const good = { past: readFileSync(pastFile!), ees: readFileSync(eesFile!) };
    const past = (await readSaved(cacheDir, 'past-forecasts', keyOf(basename(pastFile!)), anything)) as Map<number, PastForecast[]>;
    const ees = (await readSaved(cacheDir, 'datasets', keyOf(basename(eesFile!)), anything)) as WarehouseDatasets;
    const rerun = async (): Promise<Record<string, unknown>> => {
      for (const r of savedOf(cacheDir, 'run-data')) rmSync(join(cacheDir, r)); // not the LA's own saved result
      return runOf(f, '938', cacheDir);
    };
    // saved under their keys, other figures are used: the forecasts 30% higher, one LA's plans doubled
    const higher = new Map([...past].map(([o, fs]) => [o, fs.map((x) => ({ ...x, central: x.central.map((c) => c * 1.3) }))]));
    await saveResult(cacheDir, 'past-forecasts', keyOf(basename(pastFile!)), higher);
    expect(reportOf(await rerun())).not.toBe(reportOf(alone));
    writeFileSync(pastFile!, good.past);
    const doubled = structuredClone(ees);
    const other = doubled.datasets.find((d) => d.la.oldCode === '830')!;
    for (const y of Object.keys(other.stockTotal)) other.stockTotal[Number(y)]! *= 2;
    await saveResult(cacheDir, 'datasets', keyOf(basename(eesFile!)), doubled);
    expect(reportOf(await rerun())).not.toBe(reportOf(alone));
    writeFileSync(eesFile!, good.ees);

    // a number damaged inside the file (its high bytes: the figure read would be far from the one saved), a file cut
    // short: a miss, the same outputs, and the file saved whole again (saved-results.ts; each way a file can be
    // wrong, in test/etl/load-cache-damaged.test.ts)
    const firstCentral = Buffer.from(new Float64Array([[...past.values()][0]![0]!.central[0]!]).buffer);
    const at = good.past.indexOf(firstCentral);
    expect(at).toBeGreaterThan(0);
    const damaged = Buffer.from(good.past);
    damaged[at + 6]! ^= 0x0f;
    for (const [file, bytes, kind, saved] of [
      [pastFile!, damaged, 'past-forecasts', past],
      [eesFile!, good.ees.subarray(0, good.ees.length >> 1), 'datasets', ees],
    ] as const) {
      writeFileSync(file, bytes);
      expect(await rerun(), kind).toEqual(alone);
      // saved again: the same figures (v8's bytes for them may differ)
      expect(await readSaved(cacheDir, kind, keyOf(basename(file)), anything), kind).toEqual(saved);
    }
  });
});

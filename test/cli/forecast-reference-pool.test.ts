/**
 * `run`, `forecast` and `backtest` are one model (cli.md): on published data, a run of an LA projects forecast's total
 * plans. On files with no England or regional rows, `run` pooled the LA's trend towards England's series in the
 * shipped reference table (and said so) while `forecast` and `backtest --ees` pooled it towards nothing but the LA
 * itself: the sample's published caseload alone, from January 2022, was 2,426 / 2,719 / 3,048 plans in `forecast`
 * and 2,409 / 2,681 / 2,985 in `run --demand-only --draws 0`. `forecast` and `backtest` now pool towards the shipped
 * series too, with the note `run` gives.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { datasetsFromEesFiles } from '../../src/etl/ees-datasets.ts';
import { runTotals } from '../../src/pipeline/totals.ts';
import { runCli } from './helpers.ts';
import { tempDir } from '../temp.ts';

const FILE = join('data-samples', 'sen2_age_caseload.csv');

describe('files with no England series', () => {
  it("forecast and backtest pool towards the shipped series as run does, and say so: run's totals", async () => {
    const dir = tempDir('hn-fc-ref-pool-');
    const f = await runCli('forecast', '--ees', FILE, '--la', '999', '--base-year', '2022', '--horizon', '2', '--draws', '0', '--out', join(dir, 'f.csv'));
    expect(f.code, f.stderr).toBe(0);
    // the totals run forecasts from the same published rows (pipeline/totals.ts, as `run` of a folder holding them)
    const ees = await datasetsFromEesFiles([FILE], { maxCensusYear: 2022 });
    expect(ees.national).toBeUndefined();
    const ds = ees.datasets.find((d) => d.la.oldCode === '999')!;
    const run = await runTotals(undefined, ds, 2022, 2, [FILE], { ees });
    // in run's words, naming the one LA (forecast and backtest of --la 999 said "each LA's trend is pooled …")
    const said = run.notes.find((n) => n.startsWith('The data hold no England or regional series'))!;
    expect(said).toMatch(/^The data hold no England or regional series: Anyshire's trend is pooled towards England's published series in the shipped reference table/);
    expect(f.stderr).toContain(said);
    const rows = readFileSync(join(dir, 'f.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    expect(rows.map((x) => Number(x[5]))).toEqual(run.forecast.central.slice(0, 2).map(Math.round));

    const b = await runCli('backtest', '--ees', FILE, '--la', '999', '--origins', '2019', '--horizon', '1');
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr).toContain(said);
  });
});

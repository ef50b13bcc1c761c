/**
 * A copy of a release whose LA's "All EHC plans" total of the base year is far from its own age rows (a total edited,
 * an age row lost or counted twice) was forecast from the total with no more than a reconciliation note: Kent's January
 * 2022 total written 10% higher (19,506 where its ages add up to 17,733) gave 21,826 plans a year ahead against 20,201,
 * exit 0. forecast now skips such an LA with the reason, and run stops (exit 1), naming the January, both figures and
 * what to do; a total 1 plan off its ages (rounding) is forecast as before.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './helpers.ts';
import { tempDir } from '../temp.ts';
import { ageGapRefused } from '../../src/model/age-tiling.ts';

/** The sample's caseload with Anyshire's January 2022 total (2,164, as its five age rows add up to) written `total`. */
function caseloadWithTotal(total: number): string {
  const dir = tempDir('hn-age-gap-');
  const text = readFileSync('data-samples/sen2_age_caseload.csv', 'utf8');
  const edited = text.replace(/^(2022,[^\n]*,999,E99999999,Anyshire,Total,z,z,)2164,100,2164,100/m, `$1${total},100,${total},100`);
  expect(edited).not.toBe(text);
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'data', 'sen2_age_caseload.csv'), edited);
  return dir;
}

describe('the base year whose age rows are far from its total', () => {
  it('is not forecast: forecast names the January, both figures and what to do (exit 1)', async () => {
    const dir = caseloadWithTotal(2380);
    const r = await runCli('forecast', '--ees', join(dir, 'data', 'sen2_age_caseload.csv'), '--all', '--base-year', '2022', '--out', join(dir, 'f.csv'));
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/Anyshire \(999\) was skipped \(its 5 age rows of January 2022 add up to 2,164 plans where its "All EHC plans" row says 2,380 \(9% apart\): one of them is not the LA's/);
    expect(r.stderr).toMatch(/correct the files, or choose an earlier --base-year; no file was written/);
  });

  it('stops run of a folder holding that file (exit 1), with no advice to add a release', async () => {
    const dir = caseloadWithTotal(1082);
    const r = await runCli('run', '--data', join(dir, 'data'), '--demand-only', '--draws', '0', '--out', join(dir, 'out'));
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/Anyshire \(999\) cannot be projected from January 2022: its 5 age rows of January 2022 add up to 2,164 plans where its "All EHC plans" row says 1,082 \(100% apart\)/);
    expect(r.stderr).toMatch(/Correct the files, or set base_year in the scenario to an earlier January\./);
    expect(r.stderr).not.toMatch(/Add a release/);
  });
});

describe('ageGapRefused', () => {
  const ages = (year: number, counts: number[]) =>
    [[0, 4], [5, 10], [11, 15], [16, 19], [20, 25]].map(([from, to], i) => ({ year, from: from!, to: to!, count: counts[i]! }));
  const rows = ages(2022, [72, 780, 727, 489, 96]); // 2,164

  it('passes rounding and small gaps, and refuses beyond 5% and 10 plans either way', () => {
    expect(ageGapRefused({ stockTotal: { 2022: 2165 }, stockByAge: rows }, 2022)).toBeUndefined();
    expect(ageGapRefused({ stockTotal: { 2022: 2272 }, stockByAge: rows }, 2022)).toBeUndefined(); // 4.99%
    expect(ageGapRefused({ stockTotal: { 2022: 2380 }, stockByAge: rows }, 2022)).toEqual({ rows: 5, sum: 2164, total: 2380 });
    expect(ageGapRefused({ stockTotal: { 2022: 1082 }, stockByAge: rows }, 2022)).toEqual({ rows: 5, sum: 2164, total: 1082 });
    // a small LA: 5% of 40 is 2 plans, but 10 plans off is still taken as rounding
    expect(ageGapRefused({ stockTotal: { 2022: 50 }, stockByAge: ages(2022, [2, 10, 14, 10, 4]) }, 2022)).toBeUndefined();
    expect(ageGapRefused({ stockTotal: { 2022: 51 }, stockByAge: ages(2022, [2, 10, 14, 10, 4]) }, 2022)?.sum).toBe(40);
  });

  it('reads only ages that tile 0–25 at that January', () => {
    // a suppressed band: the rest say nothing of the total
    expect(ageGapRefused({ stockTotal: { 2022: 5000 }, stockByAge: rows.filter((r) => r.from !== 5) }, 2022)).toBeUndefined();
    expect(ageGapRefused({ stockTotal: { 2022: 2164 }, stockByAge: ages(2021, [1, 1, 1, 1, 1]) }, 2022)).toBeUndefined();
    expect(ageGapRefused({ stockTotal: {}, stockByAge: rows }, 2022)).toBeUndefined();
  });
});

/**
 * An LA whose plans step into the base year beyond ×0.7–×1.5 (the band every projected year must keep) was projected
 * from that January: a partial SEN2 return (the sample's January 2025 with every other child left out, 1,500 plans after
 * 2,663) gave a run falling to 181 plans ten years on, and Kent's January 2022 counted twice (35,466 after 15,281) a
 * forecast of 40,003 plans a year ahead, exit 0, with a note that the step was taken as the level. forecast now skips such
 * an LA with the reason, and run stops (exit 1): model/base-step.ts. A step inside the band is forecast as before.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './helpers.ts';
import { tempDir } from '../temp.ts';
import { BASE_STEP, baseStepRefused } from '../../src/model/base-step.ts';
import { STEP_MAX, STEP_MIN } from '../../src/pipeline/plausible.ts';

/** The sample's caseload with every figure of Anyshire's January 2022 (its total and its ages alike) times `factor`. */
function caseloadScaled(factor: number): string {
  const file = join(tempDir('hn-base-step-'), 'sen2_age_caseload.csv');
  const lines = readFileSync('data-samples/sen2_age_caseload.csv', 'utf8').split('\n');
  const scaled = lines.map((l) => {
    if (!/^2022,.*,999,E99999999,Anyshire,/.test(l)) return l;
    const cells = l.split(',');
    for (const i of [13, 15]) cells[i] = String(Math.round(Number(cells[i]) * factor));
    return cells.join(',');
  });
  expect(scaled).not.toEqual(lines);
  writeFileSync(file, scaled.join('\n'));
  return file;
}

describe('a base year its plans step into beyond ×0.7–×1.5', () => {
  it('is not forecast (halved: 2,164 plans read 1,082), and a step of ×0.8 is', async () => {
    const half = caseloadScaled(0.5);
    const r = await runCli('forecast', '--ees', half, '--all', '--base-year', '2022', '--out', `${half}.out.csv`);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/Anyshire \(999\) was skipped \(its plans step from [\d,]+ in January 2021 to 1,082 in January 2022 \(×0\.\d\d\), beyond the ×0\.7–×1\.5 a year any projected year must keep/);
    expect(r.stderr).toMatch(/correct the files, or choose an earlier --base-year; no file was written/);
    expect(r.stderr).not.toMatch(/age rows/);
    const lower = caseloadScaled(0.8);
    const ok = await runCli('forecast', '--ees', lower, '--all', '--base-year', '2022', '--out', `${lower}.out.csv`);
    expect(ok.code, ok.stderr).toBe(0);
  });
});

describe('baseStepRefused', () => {
  it('is the band every projected year keeps', () => {
    expect([BASE_STEP.min, BASE_STEP.max]).toEqual([STEP_MIN, STEP_MAX]);
  });

  it('refuses a step beyond the band of 25 plans or more, either way', () => {
    expect(baseStepRefused({ stockTotal: { 2024: 2663, 2025: 1500 } }, 2025)).toEqual({ before: 2663, now: 1500, ratio: 1500 / 2663 });
    expect(baseStepRefused({ stockTotal: { 2021: 15281, 2022: 35466 } }, 2022)?.ratio).toBeCloseTo(2.321, 3);
    expect(baseStepRefused({ stockTotal: { 2021: 1000, 2022: 1500 } }, 2022)).toBeUndefined();
    expect(baseStepRefused({ stockTotal: { 2021: 1000, 2022: 700 } }, 2022)).toBeUndefined();
    expect(baseStepRefused({ stockTotal: { 2021: 1000, 2022: 699 } }, 2022)?.now).toBe(699);
    // the Isles of Scilly's 6 plans to 10 (January 2013 to 2014, as published): a handful, not a return gone wrong
    expect(baseStepRefused({ stockTotal: { 2013: 6, 2014: 10 } }, 2014)).toBeUndefined();
    // no January before (a first January), or none at all
    expect(baseStepRefused({ stockTotal: { 2022: 1500 } }, 2022)).toBeUndefined();
    expect(baseStepRefused({ stockTotal: {} }, 2022)).toBeUndefined();
  });
});

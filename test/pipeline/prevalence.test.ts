/**
 * Plans beyond any council's share of its children: a trend compounded over a long horizon passed every gate, Kent
 * from January 2021 over 30 years giving P90 1,001,893 plans in 2051 (more than its 483,824 people aged 0–25) and the
 * sample's Anyshire 80,411 at P50 (of about 108,000), exit 0. `run` now stops where a total passes PREVALENCE_MAX of
 * the LA's people aged 0–25 (when the data have its population), naming the year and the horizon that would pass;
 * at the base year the plans and the population files disagree, and the message says to check the files' area.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProjection, type GateInput } from '../../src/pipeline/gates.ts';
import { PREVALENCE_MAX, populationStepRange, projectionProblem } from '../../src/pipeline/plausible.ts';
import type { ProjectionResult } from '../../src/model/result.ts';
import { runCli } from '../cli/helpers.ts';
import { tempDir } from '../temp.ts';

const q = (p10: number, p50: number, p90: number) => ({ p10, p50, p90 });

describe('the prevalence gate', () => {
  it('projectionProblem names the first year whose P50 passes 20% of the people aged 0–25, or whose P90 passes all of them', () => {
    expect(PREVALENCE_MAX).toBe(0.2);
    const totals = [q(100, 100, 100), q(150, 180, 210), q(190, 230, 260)];
    expect(projectionProblem({ years: [2025, 2026, 2027], totals, population: [1000, 1000, 1000] })).toEqual({
      kind: 'prevalence',
      year: 2027,
      plans: 230,
      population: 1000,
      quantile: 'P50',
      limit: 0.2,
    });
    // a P90 above 20% is the range's width, not a problem; above the population itself it is
    expect(projectionProblem({ years: [2025, 2026], totals: [q(100, 100, 100), q(150, 180, 210)], population: [1000, 1000] })).toBeUndefined();
    expect(projectionProblem({ years: [2025, 2026], totals: [q(100, 100, 100), q(150, 180, 1210)], population: [1000, 1000] })).toMatchObject({ year: 2026, quantile: 'P90', limit: 1 });
    expect(projectionProblem({ years: [2025, 2026, 2027], totals, population: [1000, 2000, 1000] })).toMatchObject({ year: 2027, quantile: 'P50' });
    // without population (a run of the published tables alone) nothing is known to compare with
    expect(projectionProblem({ years: [2025, 2026, 2027], totals })).toBeUndefined();
    expect(projectionProblem({ years: [2025, 2026, 2027], totals, population: [undefined, 0, 2000] })).toBeUndefined();
  });

  it('the gate: a later year says how far to project; the base year says the population files are for another area', () => {
    const g = (totals: ReturnType<typeof q>[], population = [1000, 1000, 1000], more: Partial<GateInput> = {}) => () =>
      checkProjection({
        la: 'Anyshire (999)',
        baseYear: 2025,
        projection: { central: totals.map((t) => Float64Array.of(t.p50)), years: [2025, 2026, 2027], totalQuantiles: totals } as unknown as ProjectionResult,
        published: {},
        files: [],
        population,
        populationFiles: ['/data/snpp.csv'],
        ...more,
      });
    // a base year's share as an LA's (150 of 4,000 people aged 0 to 25: 3.75%)
    expect(g([q(150, 150, 150), q(150, 160, 170), q(190, 230, 260)], [4000, 1000, 1000])).toThrow(
      /Anyshire \(999\): the projection for January 2027 is 230 plans at P50, 23% of the 1,000 people aged 0 to 25 there \(more than 20%, .*Project to January 2026 at most \(horizon_years: 1 in the scenario\)/,
    );
    // a base year's share above every English LA's (at most 4.6%; here 15%): the population may be too small (a table
    // of one sex read as persons), which the stop put down to growth, naming the population in its last sentence: it
    // now leads with the population file, the share and the factor, and then the stop and the horizon
    expect(g([q(150, 150, 150), q(150, 160, 170), q(190, 230, 260)])).toThrow(
      /^Anyshire \(999\): its 150 plans in January 2025 are already 15% of the 1,000 people aged 0 to 25 that snpp\.csv gives it for mid-2024, ×3\.00 the 5% no English LA reaches .*Even twice the people .* would leave it at 7\.5%: a district's population .*Check snpp\.csv first, against the ONS table of persons for the LA's area code\. That is what stops the run: the projection for January 2027 is 230 plans at P50, .*project to January 2026 at most/,
    );
    expect(g([q(150, 150, 150), q(150, 160, 170), q(190, 230, 260)], [4000, 1000, 1000])).toThrow(/^(?!.*already).*growth compounded over 2 years/s);
    // Kent's plans of a halved population: twice the people would be as other LAs'; files that agree year on year are all out
    const halved = { midYear: 2020, files: ['ONS2020_PopnByAgeYearEstimate.csv'], area: 'E10000016', steps: { from: 2020, to: 2021, min: 1.001, max: 1.004 } };
    const populationFiles = ['/d/ONS2019_PopnByAgeYearEstimate.csv', '/d/ONS2020_PopnByAgeYearEstimate.csv'];
    const kent = g([q(70, 70, 70), q(95, 100, 105), q(140, 145, 150)], [1000, 1000, 700], { basePopulation: halved, populationFiles });
    expect(kent).toThrow(
      /its 70 plans in January 2025 are already 7% of the 1,000 people aged 0 to 25 that ONS2020_PopnByAgeYearEstimate\.csv gives it for mid-2020, ×1\.40 the 5% .*Twice the people would make it 3\.5%, as other LAs': a table of one sex read as persons gives half .*move by ×1\.00 a year from mid-2019 to mid-2020 in the population files, as an LA's do, so the files agree with each other: all of them are out alike, not one year's\. Check ONS2019_PopnByAgeYearEstimate\.csv, ONS2020_PopnByAgeYearEstimate\.csv first, against the ONS table of persons for E10000016\. That is what stops the run/,
    );
    // files that do not agree year on year: the base year's file is the one to check
    expect(g([q(70, 70, 70), q(95, 100, 105), q(140, 145, 150)], [1000, 1000, 700], { basePopulation: { ...halved, steps: { from: 2020, to: 2021, min: 0.8, max: 1.01 } }, populationFiles })).toThrow(
      /^(?!.*agree).*Check ONS2020_PopnByAgeYearEstimate\.csv first/s,
    );
    expect(g([q(150, 150, 150), q(150, 160, 1170), q(190, 200, 230)])).toThrow(/January 2026 is 1,170 plans at P90, 117% of the 1,000 people aged 0 to 25 there \(more than all of them\)/);
    expect(g([q(300, 300, 300), q(310, 320, 330), q(320, 330, 340)])).toThrow(/in January 2025 the data give 300 plans at P50, 30% .* population files \(snpp\.csv\) are probably for another area/);
  });

  it('populationStepRange: the yearly steps of people aged 0–25 across the years given', () => {
    expect(populationStepRange({ 2020: 1000 })).toBeUndefined();
    expect(populationStepRange({ 2020: 1000, 2021: 1010, 2023: 1030.301 })).toEqual({ from: 2020, to: 2023, min: expect.closeTo(1.01, 9), max: expect.closeTo(1.01, 9) });
    expect(populationStepRange({ 2020: 1000, 2021: 500, 2022: 520 })).toMatchObject({ min: 0.5, max: 1.04 });
  });

  it('run: the sample over 30 years stops where the central path passes 20%; the horizon it names runs', async () => {
    const dir = tempDir('hn-prevalence-');
    const file = join(dir, 'long.yaml');
    writeFileSync(file, 'id: long\nname: Long\nhorizon_years: 30\n');
    const r = await runCli('run', file, '--demand-only', '--draws', '0', '--out', join(dir, 'out'));
    expect(r.code, r.stderr).toBe(1);
    const m = /the projection for January (\d{4}) is ([\d,]+) plans at P50, ([\d.]+)% of the ([\d,]+) people aged 0 to 25 there.*horizon_years: (\d+) in the scenario/.exec(r.stderr);
    expect(m, r.stderr).not.toBeNull();
    expect(Number(m![3])).toBeGreaterThan(20);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    writeFileSync(file, `id: long\nname: Long\nhorizon_years: ${m![5]}\n`);
    const ok = await runCli('run', file, '--demand-only', '--draws', '0', '--quiet', '--out', join(dir, 'out'));
    expect(ok.code, ok.stderr).toBe(0);
  });

  it('goal-seek refuses the same scenario as run, before seeking (it checked only that the total was reachable)', async () => {
    const dir = tempDir('hn-prevalence-goal-');
    const file = join(dir, 'long.yaml');
    writeFileSync(file, 'id: long\nname: Long\nhorizon_years: 30\n');
    const r = await runCli('goal-seek', file, '--lever', 'new_plans', '--target', 'in-year-balance=0@2030-31', '--draws', '0', '--out', join(dir, 'goal.yaml'));
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/the projection for January \d{4} is [\d,]+ plans at P50, [\d.]+% of the [\d,]+ people aged 0 to 25 there/);
    expect(existsSync(join(dir, 'goal.yaml'))).toBe(false);
  });
});

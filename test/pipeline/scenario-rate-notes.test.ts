/**
 * A money rate of a scenario above 100% a year (`funding.growth: 3` meant as 3%) is accepted by the schema (rates go up
 * to 1,000%, as the explorer's levers do), and run priced the budget on it with exit 0 and no word: the sample's block
 * grown at 300% a year over five years gave a cumulative surplus of £4.6bn by 2029-30. The run now says so on stderr
 * and the Data quality sheet, naming the key, the file and what to write; a rate below 100% says nothing, unless it is a
 * fall of 10% a year or more (`inflation: -0.5` meant as -0.5%).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rateNotes } from '../../src/scenario/rate-notes.ts';
import { runCli, sampleTables } from '../cli/helpers.ts';
import { tempDir } from '../temp.ts';

describe('money rates above 100% a year', () => {
  it('run says so on stderr, naming the key and the file, and runs on as written', async () => {
    const dir = tempDir('hn-rate-');
    const data = sampleTables();
    const s = join(dir, 'fast-growth.yaml');
    // and a schools block transfer in £ thousands (£1.25m as 1250), named as such (scenario/money-notes.ts)
    writeFileSync(s, 'id: fast\nname: Fast growth\nhorizon_years: 2\nfunding:\n  growth: 3\n  schools_block_transfer_gbp: 1250\n');
    const r = await runCli('run', s, '--data', data, '--draws', '0', '--json', '--out', join(dir, 'out'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`Scenario rate: funding.growth in ${s} is 300% a year (3), which multiplies by 16 over 2 years: a rate is a fraction or a percentage (0.05 or 5%), so 3 is 300%. The figures are priced as written; if 3% was meant, write 0.03 or 3%.`);
    expect(r.stderr).toContain(`Scenario amount: funding.schools_block_transfer_gbp in ${s} is £1,250 a year, under £10,000`);
  });

  it('goal-seek says so on stderr too', async () => {
    const dir = tempDir('hn-rate-goal-');
    const s = join(dir, 'fast-growth.yaml');
    // five years, not mitigated.yaml's ten: at 300% a year the tenth year's balance is beyond £1 trillion, which
    // goal-seek refuses as run does (test/pipeline/budget-gate.test.ts)
    writeFileSync(s, `extends: ${join(process.cwd(), 'scenarios', 'mitigated.yaml')}\nid: fast\nname: Fast growth\nhorizon_years: 5\nfunding:\n  growth: 3\n`);
    const r = await runCli('goal-seek', s, '--lever', 'new_plans', '--target', 'in-year-balance=860000000@2028-29', '--draws', '0', '--out', join(dir, 'goal.yaml'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`Scenario rate: funding.growth in ${s} is 300% a year (3)`);
  });

  it('names each money rate of 100% or more, by placement or year too, and nothing below 100%', () => {
    const s = { file: 's.yaml', horizon_years: 5 };
    expect(rateNotes({ ...s, costs: { inflation: { default: 0.03, ISS: 4, '2026-27': 1 }, complexity_drift: { SSM: 1.5 } }, funding: { growth: 0.03 } }).map((n) => n.split(' in ')[0])).toEqual([
      'Scenario rate: costs.inflation.ISS',
      'Scenario rate: costs.inflation.2026-27',
      'Scenario rate: costs.complexity_drift.SSM',
    ]);
    // `inflation: 1` is 1% written as a whole number more often than anything: run at 100% a year, the sample's deficit
    // came to £125bn by 2034-35 with exit 0, its notes blaming the Section 251 outturn
    expect(rateNotes({ ...s, costs: { inflation: 1, complexity_drift: {} }, funding: { growth: -0.05 } })).toEqual([
      expect.stringContaining('Scenario rate: costs.inflation in s.yaml is 100% a year (1), which multiplies by 32 over 5 years'),
    ]);
    expect(rateNotes({ ...s, costs: { inflation: 0.99, complexity_drift: {} }, funding: { growth: -0.099 } })).toEqual([]);
  });

  it('names a fall of 10% a year or more too: -0.5 meant as -0.5% is the same slip', () => {
    // costs.inflation: -0.5 halved the sample's prices every year and turned its deficit into a surplus of £262m by
    // 2031-32, exit 0, the only note on the unit costs' price year (the test above took growth -0.5 as saying nothing)
    const s = { file: 's.yaml', horizon_years: 5 };
    expect(rateNotes({ ...s, costs: { inflation: -0.5, complexity_drift: { ISS: -0.1 } }, funding: { growth: -0.2 } })).toEqual([
      'Scenario rate: costs.inflation in s.yaml is -50% a year (-0.5), which multiplies by 0.031 over 5 years: a rate is a fraction or a percentage (0.05 or 5%), so -0.5 is -50%. The figures are priced as written; if -0.5% was meant, write -0.005 or -0.5%.',
      expect.stringContaining('Scenario rate: costs.complexity_drift.ISS in s.yaml is -10% a year (-0.1), which multiplies by 0.59 over 5 years'),
      expect.stringContaining('Scenario rate: funding.growth in s.yaml is -20% a year (-0.2), which multiplies by 0.33 over 5 years'),
    ]);
  });

  it('names a rate under a tenth of a per cent a year, not 0: 0.03% for 3% is a percentage written twice', () => {
    // `inflation: 0.03%` (read as 0.0003) priced the sample's later years at 2025-26's prices, its deficit at 31 March
    // 2028 £65.6m in place of £71.2m, exit 0, no word
    const s = { file: 's.yaml', horizon_years: 5 };
    expect(rateNotes({ ...s, costs: { inflation: 0.0003, complexity_drift: { ISS: -0.0002 } }, funding: { growth: 0.0009 } })).toEqual([
      "Scenario rate: costs.inflation in s.yaml is 0.03% a year (0.0003): no price index or funding settlement moves by under a tenth of a per cent a year, so it is most likely a percentage written twice ('0.03%' is 0.0003, not 0.03). The figures are priced as written; if 3% was meant, write 0.03 or 3%.",
      expect.stringContaining('Scenario rate: costs.complexity_drift.ISS in s.yaml is -0.02% a year (-0.0002)'),
      expect.stringContaining('Scenario rate: funding.growth in s.yaml is 0.09% a year (0.0009)'),
    ]);
    expect(rateNotes({ ...s, costs: { inflation: 0, complexity_drift: { ISS: 0.001 } }, funding: { growth: -0.001 } })).toEqual([]);
  });
});

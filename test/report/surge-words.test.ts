/**
 * A surge already under way in the data's last year is divided out of the rates (model/levers/surge.ts), so the
 * scenario can end below the baseline (the shipped Post-Covid surge, from January 2025, ends 237 plans below it in
 * 2035): the report, the comparison and the Assumptions sheet say why, instead of only "adds a surge".
 */
import { describe, expect, it } from 'vitest';
import { scenarioDifferences } from '../../src/report/html/scenario-differences.ts';
import { surgeInData } from '../../src/report/surge-words.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { surgeUplift } from '../../src/model/levers/surge.ts';

const covid = { name: 'Lockdown birth cohorts', peak_uplift: 0.3, start_year: 2023, peak_year: 2026, half_life_years: 3 };

describe('a surge already in the data', () => {
  it('is said with the share of it the base year already holds', () => {
    // new plans of 2024: 2 of the 4 years' climb to 30%
    expect(surgeInData(covid, 2025)).toMatch(/^The new plans of 2024, from which the rates are estimated, already hold 15% of “Lockdown birth cohorts”/);
    expect(surgeInData(covid, 2025)).toMatch(/fewer new plans than the baseline/);
  });

  it('is not mentioned when the surge starts after the data end', () => {
    expect(surgeInData(covid, 2023)).toBeUndefined();
    expect(surgeInData({ ...covid, start_year: 2030, peak_year: 2031 }, 2025)).toBeUndefined();
  });

  it("is in the comparison's differences of the shipped covid-surge scenario", async () => {
    const [baseline, surge] = await Promise.all([loadScenario('scenarios/baseline.yaml'), loadScenario('scenarios/covid-surge.yaml')]);
    const words = scenarioDifferences(baseline, surge, 2025).join('\n');
    expect(words).toMatch(/Adds a surge in new plans: Lockdown birth cohorts .* already hold 15% of/);
    expect(scenarioDifferences(baseline, surge, 2023).join('\n')).not.toMatch(/already hold/);
  });
});

describe('a surge whose peak_year is before its start_year', () => {
  // the model peaks it when it starts (surgeUplift), and the words said 'peaking in 2026' of a surge from 2027
  it('is said to peak when it starts, as the model peaks it', async () => {
    const baseline = await loadScenario('scenarios/baseline.yaml');
    const late = { ...covid, start_year: 2027, peak_year: 2026, target: {} } as (typeof baseline)['surges'][number];
    const words = scenarioDifferences(baseline, { ...baseline, surges: [late] }, 2025).join('\n');
    expect(words).toMatch(/peaking in 2027,/);
    expect(words).not.toMatch(/2026/);
    expect(surgeUplift(late, 2027)).toBe(0.3);
  });
});

/**
 * Money rates of a scenario of 100% a year or more, or falls of 10% a year or more, named for the reader:
 * `costs.inflation: 5` or `funding.growth: 3` is most likely 5% or 3% written as a whole number (`-0.5` likewise −0.5%),
 * and the schema accepts it (rates go up to 1,000% a year, as the explorer's levers do). The budget then ran on it with
 * exit 0: the sample's block grown at 300% a year over five years gave a cumulative surplus of £4.6bn by 2029-30, with
 * no word but the figures. Pure.
 */
import { scenarioMsg } from '../messages/index.ts';
import type { Scenario } from './schema.ts';

/**
 * The least yearly money rate that is noted: 100% a year (prices or the block doubling every year). `inflation: 1` is
 * 1% written as a whole number more often than anything; noted only above 1, it ran the sample's deficit to £125bn by
 * 2034-35 with exit 0, its notes blaming the Section 251 outturn.
 */
export const RATE_NOTED = 1;

/**
 * The yearly fall that is noted: −10% a year or more (prices or the block more than halving over seven years; the
 * explorer's levers go down to −2%). `inflation: -0.5` meant as −0.5% is the same slip as `inflation: 1`: run at −50%
 * a year, the sample's prices halved every year and its deficit turned to a surplus of £262m by 2031-32, exit 0, the
 * only note on the unit costs' price year.
 */
export const RATE_FALL_NOTED = -0.1;

/**
 * Under this size (and not 0) a yearly money rate is noted as a percentage written twice: `inflation: 0.03%` is read
 * as 0.0003, three hundredths of a per cent, where 3% was meant (the reverse slip of `inflation: 3`). The sample so
 * written priced its later years at about 2025-26's prices and its deficit at 31 March 2028 at £65.6m in place of £71.2m,
 * with exit 0 and no word. No price index or funding settlement moves by under a tenth of a per cent a year; 0 is a
 * rate (prices held) and says nothing.
 */
export const RATE_TINY_NOTED = 0.001;

/**
 * A note for each compounding money rate of the scenario of RATE_NOTED or more, of RATE_FALL_NOTED or less, or under
 * RATE_TINY_NOTED either way and not 0 (costs.inflation, per placement or year too; costs.complexity_drift; funding.growth), or none.
 * @example rateNotes({ file: 's.yaml', horizon_years: 5, costs: { inflation: 5, complexity_drift: {} }, funding: { growth: 0.03 } }) // one note on costs.inflation
 */
export function rateNotes(s: Pick<Scenario, 'file' | 'horizon_years'> & { costs: Pick<Scenario['costs'], 'inflation' | 'complexity_drift'>; funding: Pick<Scenario['funding'], 'growth'> }): string[] {
  const rates: Array<[string, number]> = [];
  if (typeof s.costs.inflation === 'number') rates.push(['costs.inflation', s.costs.inflation]);
  else for (const [k, v] of Object.entries(s.costs.inflation)) rates.push([`costs.inflation.${k}`, v]);
  for (const [k, v] of Object.entries(s.costs.complexity_drift)) if (v !== undefined) rates.push([`costs.complexity_drift.${k}`, v]);
  rates.push(['funding.growth', s.funding.growth]);
  return rates.flatMap(([key, v]) =>
    v >= RATE_NOTED || v <= RATE_FALL_NOTED
      ? [scenarioMsg.rateAsWholeNumber(s.file, key, v, s.horizon_years)]
      : v !== 0 && Math.abs(v) < RATE_TINY_NOTED
        ? [scenarioMsg.rateAsPercentTwice(s.file, key, v)]
        : [],
  );
}

/**
 * The Assumptions sheet's total.model wrote the LA's own weight in the pooled growth beside the words "the LA's own
 * recent growth": Kent (real 2022 release) read 'growth of 12.9% a year (45.7% the LA's own recent growth, the rest
 * its region's and England's)', a growth of 45.7% a year to a reader, where Kent's own recent growth is about 16% and
 * 45.7% is the weight it is given. Each figure now says what it is, and the three agree.
 */
import { describe, expect, it } from 'vitest';
import { totalsModelDescription } from '../../src/messages/model-pooling.ts';

const pctOf = (text: string, before: string): number => Number(new RegExp(`([\\d.]+)% a year, ${before}`).exec(text)![1]);

describe('the total-plans model as the Assumptions sheet describes it', () => {
  it('names the pooled growth, the LA’s own growth and its weight, and the prior and its weight', () => {
    // Kent's pooled trend at January 2022 (log growths a year)
    const t = { growth: Math.log(1.129), ownWeight: 0.457, prior: Math.log(1.107) };
    const s = totalsModelDescription(t, "its region's and England's", 'blended with the cohort engine', 156);
    expect(s).toMatch(/^Total plans follow the model that highneeds forecast and backtest use: growth of 12\.9% a year, pooled from the LA's own recent growth \([\d.]+% a year, weight 46%\) and its region's and England's \(10\.7% a year, weight 54%\), blended with the cohort engine; 80% ranges calibrated on past forecasts of 156 LAs scored against what followed\.$/);
    expect(s).not.toMatch(/45\.7%/);
    // the LA's own growth it names, weighed with the prior's, gives the pooled growth (log scale, to the rounding)
    const own = Math.log1p(pctOf(s, 'weight 46%') / 100);
    expect(0.457 * own + 0.543 * Math.log(1.107)).toBeCloseTo(Math.log(1.129), 3);
    expect(pctOf(s, 'weight 46%')).toBeCloseTo(15.6, 1);
  });

  it('leaves out an own growth it cannot tell (a weight under 1%), says one LA, and says when no past forecast was scored', () => {
    const s = totalsModelDescription({ growth: 0.05, ownWeight: 0.001, prior: 0.05 }, "England's", 'alone (the data hold no new plans up to the base year)', 1);
    expect(s).toContain("pooled from the LA's own recent growth (weight 0%) and England's (5.1% a year, weight 100%)");
    expect(s).toContain('80% ranges calibrated on past forecasts of 1 LA scored against what followed.');
    expect(s).not.toMatch(/NaN|Infinity/);
    // no past forecast scored: the ranges are the model's own, not "calibrated across" the LAs of the data
    expect(totalsModelDescription({ growth: 0.05, ownWeight: 0.5, prior: 0.05 }, "England's", 'blended with the cohort engine', 0)).toMatch(
      /80% ranges the model's own: no past forecast of the data could be scored against what followed\.$/,
    );
  });

  it("names the published release when the ranges' calibration came from the shipped reference (data of too few LAs)", () => {
    const s = totalsModelDescription({ growth: 0.05, ownWeight: 0.5, prior: 0.05 }, "England's", 'blended with the cohort engine', 151, 2022);
    expect(s).toMatch(/80% ranges calibrated on past forecasts of 151 LAs of the published release \(to January 2022; reference\/batch-statistics\.csv\) scored against what followed\.$/);
  });
});

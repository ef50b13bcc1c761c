/** The caveat comparison's omissions (kinds.ts): a caveat one command gives that another owes is listed; one owed by nobody else is not. */
import { describe, expect, it } from 'vitest';
import { omissions } from './kinds.ts';

const unscored = "Forecasts for January 2025: the ranges were calibrated on past forecasts scored at most 2 years ahead, and later years take that scale. Kent's recent growth …";
const pooled = "The data hold no England or regional series: Anyshire's trend is pooled towards England's published series in the shipped reference table (to January 2022).";

describe('caveat omissions', () => {
  it("lists a totals caveat forecast gives and run does not, and not backtest's lack of it", () => {
    expect(omissions({ forecast: [unscored], backtest: [], run: [] })).toEqual([{ kind: 'ranges further ahead than scored', missing: ['run'], saidBy: ['forecast'], example: unscored }]);
    expect(omissions({ forecast: [unscored], backtest: [], run: [unscored.replace('Kent', 'Kent')] })).toEqual([]);
  });

  it('owes the pooling note from all three, and nothing for what only run does', () => {
    expect(omissions({ forecast: [pooled], backtest: [], run: [pooled] }).map((o) => o.missing)).toEqual([['backtest']]);
    expect(omissions({ forecast: [], backtest: [], run: ['No age breakdown of Kent’s plans in the data: …', 'Population: the data have no population …'] })).toEqual([]);
  });
});

/**
 * A reorganised LA's years before it existed are its predecessors' figures apportioned (model/reorganise.ts): the
 * backtest forecasts a successor only from the years it exists, so its apportioned years are never scored as
 * outcomes and no plan is scored twice (the predecessor scores its own years).
 */
import { describe, expect, it } from 'vitest';
import { growingLa } from './growing-la.ts';
import { joinReorganisations } from '../../src/model/reorganise.ts';
import { backtestPoints } from '../../src/model/backtest/backtest.ts';

describe('backtest of a reorganised LA', () => {
  it('scores a successor only on years it published, and the predecessor on its own', () => {
    const others = Array.from({ length: 8 }, (_, i) => growingLa(String(800 + i), `LA ${i}`, 2012, 2026, 1000 + 300 * i, 0.06 + 0.005 * i));
    const datasets = joinReorganisations([...others, growingLa('928', 'Northamptonshire', 2012, 2021, 3000, 0.09), growingLa('940', 'North Northamptonshire', 2022, 2026, 2500, 0.09), growingLa('941', 'West Northamptonshire', 2022, 2026, 2600, 0.09)]);
    const north = datasets.find((d) => d.la.oldCode === '940')!;
    expect(north.history).toBeDefined();
    expect(north.stockTotal[2019]).toBeGreaterThan(0); // apportioned history to forecast from
    const bp = backtestPoints({ datasets, regions: [] }, { origins: [2019, 2020, 2021, 2022, 2023], horizon: 3 });
    const scored = (code: string) => bp.points.filter((p) => p.la === code && p.method === 'model').map((p) => p.origin + p.h);
    expect(scored('940').length).toBeGreaterThan(0);
    expect(Math.min(...scored('940'))).toBeGreaterThanOrEqual(2023);
    expect(Math.max(...scored('928'))).toBeLessThanOrEqual(2021);
  });
});

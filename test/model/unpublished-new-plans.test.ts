/**
 * A year's new-plans total published as a marker (`c`): which forecasts say so (the year is where the rates of plans
 * ending and of requests becoming plans stop), what the cohort route's note and the unreachable-total stop say.
 */
import { describe, expect, it } from 'vitest';
import { emptyDataset } from '../../src/model/dataset.ts';
import { estimateRatesFromAggregates } from '../../src/model/estimate/aggregate.ts';
import { unpublishedNewPlansNotes } from '../../src/model/forecast/unpublished-new-plans.ts';
import { checkReachable } from '../../src/pipeline/gates.ts';

const marker = { reason: 'suppressed', file: 'newplans.csv', line: 464 };

function anyshire(published: number[], unpublished: number[]) {
  const ds = emptyDataset({ oldCode: '999', newCode: 'E99999999', name: 'Anyshire' });
  for (const y of published) ds.newPlansTotal[y] = 100;
  ds.unpublishedNewPlans = Object.fromEntries(unpublished.map((y) => [y, marker]));
  return ds;
}

describe('new plans of a year published as a marker', () => {
  it('a forecast says the year where its rates stop, and where they then come from', () => {
    expect(unpublishedNewPlansNotes(anyshire([2018, 2019, 2020], [2021]), 2022)).toEqual([
      expect.stringMatching(/^Anyshire: new plans of 2021 not published \(suppressed\) in newplans\.csv \(line 464\)\. .*Anyshire's come from England's alone \(2021 is the latest year/),
    ]);
    expect(unpublishedNewPlansNotes(anyshire([2021], [2020]), 2022)[0]).toContain("England's alone (only 2021 is read after it, and they need two years)");
    expect(unpublishedNewPlansNotes(anyshire([2021, 2022], [2020]), 2023)[0]).toContain("its own of 2021–2022 only, pooled with England's");
    // older than the rates read, behind a year with no row (not a marker), or published by another file: not said
    expect(unpublishedNewPlansNotes(anyshire([2020, 2021, 2022], [2019]), 2023)).toEqual([]);
    expect(unpublishedNewPlansNotes(anyshire([2022], [2020]), 2023)).toEqual([]);
    expect(unpublishedNewPlansNotes({ ...anyshire([2021], []), unpublishedNewPlans: undefined }, 2022)).toEqual([]);
  });

  it("the cohort route's note names the marker, not a table to add", () => {
    const ds = anyshire([2019, 2020], [2021]);
    ds.stockTotal[2022] = 1000;
    for (const [from, to, count] of [[0, 4, 50], [5, 10, 330], [11, 15, 330], [16, 19, 220], [20, 25, 70]] as const) ds.stockByAge.push({ year: 2022, from, to, count });
    const notes = estimateRatesFromAggregates(ds, { baseYear: 2022 }).notes;
    expect(notes).toContain('No new plans for flow year 2021: the figure is not published (suppressed) in newplans.csv (line 464); incidence is zero until the new-plan flow below sets it.');
    delete ds.unpublishedNewPlans;
    expect(estimateRatesFromAggregates(ds, { baseYear: 2022 }).notes).toContain('No new plans for flow year 2021: incidence is zero until the new-plan flow below sets it.');
  });

  it('a total the run cannot reach says the figure is suppressed and what would stand in, not to add the table it read', () => {
    const stop = (unpublished?: typeof marker & { year: number }) => {
      try {
        checkReachable('Anyshire', { year: 2023, target: 1200, reached: 950, ...(unpublished ? { unpublished } : {}) }, ['newplans.csv']);
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    };
    const said = stop({ ...marker, year: 2021 });
    expect(said).toContain('fall short of the forecast by 250 plans');
    expect(said).toContain('Its new plans of 2021 are in the data, but the figure is not published (suppressed) in newplans.csv (line 464), and nothing stood in for them');
    expect(said).not.toContain("Add the release's new-plans table");
    expect(stop()).toContain("Add the release's new-plans table");
  });
});

/**
 * backtest --data scored a folder whose January 2024 return held every other child (1,324 plans after 2,413, then
 * 3,007 in January 2025) at a MAPE of 26.4% a year ahead (0.94% as given) with no word of the January, which a run
 * refuses to start from; and a return holding no plan at its census was passed over, its January left out. It now names
 * the steps beyond ×0.7–×1.5 in the Januaries it scores, and refuses such a return as run does.
 */
import { describe, expect, it } from 'vitest';
import { emptyDataset } from '../../src/model/dataset.ts';
import { scoredSteps } from '../../src/pipeline/forecast.ts';

const anyshire = (stockTotal: Record<number, number>) => ({ ...emptyDataset({ oldCode: '999', newCode: 'E99999999', name: 'Anyshire' }), stockTotal });

describe('backtest --data: steps beyond the base-year band in the Januaries scored', () => {
  it('are named, each with both Januaries, their plans and the step', () => {
    const ds = anyshire({ 2019: 1510, 2020: 1743, 2021: 1940, 2022: 2164, 2023: 2413, 2024: 1324, 2025: 3007 });
    expect(scoredSteps(ds, [2020, 2021, 2022, 2023, 2024], 1)).toEqual([
      "The Januaries this backtest starts from or scores against hold steps beyond ×0.7–×1.5 a year, from which a run does not start: Anyshire (999)'s plans go " +
        'from 2,413 in January 2023 to 1,324 in January 2024 (×0.55), and from 1,324 in January 2024 to 3,007 in January 2025 (×2.27). Such a January is most likely ' +
        "a return or file missing many of its plans or holding some twice, and the scores rest on the figures as given: check those Januaries' returns or files against the LA's own records.",
    ]);
  });

  it('say nothing of steps within the band, of Januaries before the first origin or after the last outcome, or of a change under 25 plans', () => {
    const ds = anyshire({ 2015: 1000, 2016: 400, 2017: 420, 2018: 460, 2019: 500, 2020: 1200 });
    expect(scoredSteps(ds, [2017, 2018], 1)).toEqual([]);
    expect(scoredSteps(anyshire({ 2020: 6, 2021: 10 }), [2020], 1)).toEqual([]);
  });
});

/**
 * An LA's plans stepping into the January a forecast starts from beyond the band every projected year must keep
 * (pipeline/plausible.ts STEP_MIN–STEP_MAX, ×0.7–×1.5): the stock the forecast starts from is then not a figure it can
 * start from (forecast/select.ts skipReason). From 2011 to 2022 no English LA's published plans stepped outside it from
 * one January to the next but the Isles of Scilly's (6 plans to 10). A partial SEN2 return (the sample's January 2025
 * with every other child left out: 1,500 plans after 3,007) was projected from, falling to 181 plans ten years on,
 * exit 0; a total counted twice (Kent's January 2022 doubled, 35,466) gave 40,003 plans a year ahead.
 */
import type { LaDataset } from './dataset.ts';

/**
 * The band of one January's plans over the January before a forecast starts from, and the least change refused; the
 * band is also every projected year's (pipeline/plausible.ts STEP_MIN–STEP_MAX take it from here).
 */
export const BASE_STEP = { min: 0.7, max: 1.5, plans: 25 };

/**
 * The step into `year` when it is outside BASE_STEP (and at least BASE_STEP.plans plans), or undefined.
 * @example baseStepRefused({ stockTotal: { 2024: 3007, 2025: 1500 } }, 2025) // { before: 3007, now: 1500, ratio: 0.4988… }
 */
export function baseStepRefused(ds: Pick<LaDataset, 'stockTotal'>, year: number): { before: number; now: number; ratio: number } | undefined {
  const [before, now] = [ds.stockTotal[year - 1], ds.stockTotal[year]];
  if (!(before! > 0) || !(now! > 0)) return undefined;
  const ratio = now! / before!;
  const outside = ratio < BASE_STEP.min || ratio > BASE_STEP.max;
  return outside && Math.abs(now! - before!) >= BASE_STEP.plans ? { before: before!, now: now!, ratio } : undefined;
}

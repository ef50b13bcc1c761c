/**
 * What a reader needs to know of a surge that was already under way in the data's last year (model/levers/surge.ts
 * divides it out of the base-year rates so it is not counted twice). Pure.
 */
import { surgeUplift } from '../model/levers/surge.ts';
import type { Surge } from '../scenario/schema.ts';
import { fmtPercent } from './format.ts';

/**
 * The sentence for a surge whose uplift on the new plans of `baseYear − 1` (the ones the rates are estimated from)
 * is above zero, or undefined: the baseline carries that level forward for good, the scenario only as the surge runs
 * its course, so a surge past its peak can end with fewer plans than the baseline.
 * @example surgeInData({ name: 'Lockdown birth cohorts', peak_uplift: 0.3, start_year: 2023, peak_year: 2026, half_life_years: 3, … }, 2025)
 * // 'The new plans of 2024, from which the rates are estimated, already hold 15% of “Lockdown birth cohorts”: …'
 */
export function surgeInData(s: Pick<Surge, 'name' | 'peak_uplift' | 'start_year' | 'peak_year' | 'half_life_years'>, baseYear: number): string | undefined {
  const seen = surgeUplift(s, baseYear - 1);
  if (!(seen > 0)) return undefined;
  return (
    `The new plans of ${baseYear - 1}, from which the rates are estimated, already hold ${fmtPercent(seen, 0)} of “${s.name}”: ` +
    'the baseline carries that level forward for every later year, this scenario only as the surge runs its course, ' +
    'so once it fades below that level it gives fewer new plans than the baseline.'
  );
}

/**
 * Population by census year (ages 0–25): the given projection, the last known year carried forward when a year is
 * missing, or the base year grown at the scenario's override rate.
 */
import { N_AGES } from '../../domain/index.ts';
import { HighneedsError, ExitCode } from '../../errors.ts';
import { noPopulation } from '../../messages/model.ts';

/**
 * The people aged 0–25 at each of `years` (populationAt's rule, with the scenario's growth override when it has one).
 * @example childPopulation(ds.population, [2025, 2026], 2025) // [101234, 101530]
 */
export function childPopulation(population: Record<number, Float64Array>, years: readonly number[], baseYear: number, growth?: number): number[] {
  return years.map((y) => populationAt(population, y, baseYear, growth).reduce((s, v) => s + v, 0));
}

/** Population for census `year`. */
export function populationAt(population: Record<number, Float64Array>, year: number, baseYear: number, growth?: number): Float64Array {
  const years = Object.keys(population).map(Number).sort((a, b) => a - b);
  if (years.length === 0) throw new HighneedsError(ExitCode.INVALID_INPUT, noPopulation());
  const pick = (y: number): Float64Array => {
    let best = years[0]!;
    for (const k of years) if (k <= y) best = k;
    return population[best]!;
  };
  if (growth === undefined) return pick(year);
  const base = pick(baseYear);
  const f = Math.pow(1 + growth, year - baseYear);
  const out = new Float64Array(N_AGES);
  for (let a = 0; a < N_AGES; a++) out[a] = (base[a] ?? 0) * f;
  return out;
}

/**
 * Mitigations (budget.md "Mitigations and recovery plans"): each with a start year, a linear ramp, an effect at
 * full delivery and a delivery share. `unit_cost_change` is priced by the budget model and ignored here.
 */
import type { Mitigation } from '../../scenario/schema.ts';

/**
 * Strength of a mitigation in the year beginning `year` (its plans show at census `year` + 1): effect × ramp ×
 * delivery, where the ramp climbs linearly from 1/ramp_years in the start year to 1 after `ramp_years` years (1 at
 * once when ramp_years = 0), as the budget's rampShare does by financial year.
 * @example mitigationStrength({ effect: 0.2, start_year: 2026, ramp_years: 2, delivery: 0.5, … }, 2026) // 0.05
 */
export function mitigationStrength(m: Pick<Mitigation, 'effect' | 'start_year' | 'ramp_years' | 'delivery'>, year: number): number {
  if (year < m.start_year) return 0;
  const ramp = m.ramp_years > 0 ? Math.min(1, (year - m.start_year + 1) / m.ramp_years) : 1;
  return m.effect * ramp * m.delivery;
}

/** Whether a mitigation reduces new plans (fewer requests, lower conversion). */
export function reducesNewPlans(m: Pick<Mitigation, 'kind'>): boolean {
  return m.kind === 'fewer_requests' || m.kind === 'lower_conversion';
}

/**
 * Compiles a scenario's levers into one `YearLevers` per projected step (the step into census year `year`).
 * Independent of the rates, so Monte Carlo draws share it.
 */
import {
  DEFAULT_TRANSITION_AGES,
  N_AGES,
  N_NEEDS,
  placementIndex,
  type Placement,
  type TransitionAges,
  type TransitionPoint,
} from '../../domain/index.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { mitigationStrength, reducesNewPlans } from './mitigation.ts';
import { surgeMultiplier } from './surge.ts';
import { ageMatches, targetMask } from './target.ts';

/** A redirect of a share of flows into placement `from` towards `to`. */
export interface Shift {
  name: string;
  from: number;
  to: number;
  share: number;
  /** Whether plans already in `from` moving on within it are redirected too (transition policy shifts). */
  includeStayers: boolean;
}

export interface YearLevers {
  /** Census year the step arrives at. */
  year: number;
  /** Multiplier on new plans by destination age × need (1 = none). */
  surgeMult: Float64Array;
  /** New-plan factors of `fewer_requests` / `lower_conversion`, in scenario order (1 − strength per age × need). */
  newFactors: Array<{ name: string; kind: 'fewer_requests' | 'lower_conversion'; factor: Float64Array }>;
  /** `more_ceasing`: ceasing multiplied by (1 + strength) per origin age × need, in scenario order. */
  ceaseFactors: Array<{ name: string; factor: Float64Array }>;
  /** Move redirects by origin age (the step a → a+1). */
  moveShifts: Shift[][];
  /**
   * Move redirects restricted to some needs (placement_shift with `target.needs`), by origin age: applied to each
   * targeted need's share of the moving stock, so no per-need move matrices are needed.
   */
  moveNeedShifts: Array<Array<Shift & { needMask: Float64Array }>>;
  /** New-plan redirects by destination age; `needMask` restricts them to needs (N_NEEDS, 1/0). */
  newShifts: Array<Array<Shift & { needMask: Float64Array }>>;
  /** Names of every mitigation acting on plans (so flows list them even at 0). */
  mitigationNames: string[];
}

/** Levers of every step base+1 … base+horizon. No scenario gives neutral levers. */
export function compileLevers(
  scenario: Scenario | undefined,
  baseYear: number,
  horizon: number,
  transitionAges: TransitionAges = DEFAULT_TRANSITION_AGES,
): YearLevers[] {
  const out: YearLevers[] = [];
  for (let k = 1; k <= horizon; k++) out.push(compileYear(scenario, baseYear + k, transitionAges, baseYear));
  return out;
}

/**
 * The levers of the step into census `year`. One calendar for every lever (docs/model.md "When a lever starts"): a
 * `start_year` of Y is the academic and financial year beginning in Y, so the step into census Y + 1 (plans issued,
 * moves made and plans ceased during the year beginning Y) is the first it changes, as the budget counts delivery
 * costs and unit-cost levers from financial year Y-(Y+1).
 */
function compileYear(scenario: Scenario | undefined, year: number, ta: TransitionAges, baseYear?: number): YearLevers {
  const during = year - 1;
  const lv: YearLevers = {
    year,
    surgeMult: surgeMultiplier(scenario?.surges ?? [], ta, year, baseYear),
    newFactors: [],
    ceaseFactors: [],
    moveShifts: Array.from({ length: N_AGES }, () => []),
    moveNeedShifts: Array.from({ length: N_AGES }, () => []),
    newShifts: Array.from({ length: N_AGES }, () => []),
    mitigationNames: [],
  };
  for (const t of scenario?.transition_shifts ?? []) {
    if (during < t.start_year) continue;
    const age = ta[t.transition as TransitionPoint];
    if (age === undefined || age < 0 || age >= N_AGES - 1) continue;
    lv.moveShifts[age]!.push({
      name: t.name ?? `${t.transition} ${t.from}→${t.to}`,
      from: placementIndex(t.from as Placement),
      to: placementIndex(t.to as Placement),
      share: t.share,
      includeStayers: true,
    });
  }
  for (const m of scenario?.mitigations ?? []) {
    if (m.kind === 'unit_cost_change') continue;
    lv.mitigationNames.push(m.name);
    const s = mitigationStrength(m, during);
    if (s === 0) continue;
    if (reducesNewPlans(m)) {
      const mask = targetMask(m.target, ta, year, 'destination');
      const f = new Float64Array(mask.length);
      for (let i = 0; i < f.length; i++) f[i] = mask[i] ? Math.max(0, 1 - s) : 1;
      lv.newFactors.push({ name: m.name, kind: m.kind as 'fewer_requests' | 'lower_conversion', factor: f });
    } else if (m.kind === 'more_ceasing') {
      const mask = targetMask(m.target, ta, year - 1, 'origin');
      const f = new Float64Array(mask.length);
      for (let i = 0; i < f.length; i++) f[i] = mask[i] ? Math.max(0, 1 + s) : 1;
      lv.ceaseFactors.push({ name: m.name, factor: f });
    } else if (m.kind === 'placement_shift' && m.from && m.to) {
      const share = Math.min(1, Math.max(0, s));
      const from = placementIndex(m.from as Placement);
      const to = placementIndex(m.to as Placement);
      const needMask = targetMask({ needs: m.target.needs }, ta, year, 'destination').subarray(0, N_NEEDS);
      for (let b = 0; b < N_AGES; b++) {
        if (!ageMatches(m.target, ta, year, 'destination', b)) continue;
        lv.newShifts[b]!.push({ name: m.name, from, to, share, includeStayers: false, needMask });
        if (b === 0) continue;
        if (m.target.needs) lv.moveNeedShifts[b - 1]!.push({ name: m.name, from, to, share, includeStayers: false, needMask });
        else lv.moveShifts[b - 1]!.push({ name: m.name, from, to, share, includeStayers: false });
      }
    }
  }
  return lv;
}

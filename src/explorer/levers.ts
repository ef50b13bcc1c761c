/**
 * The levers of a scenario as the explorer shows them: a key path into the scenario (`mitigations[0].effect`), a
 * label a finance officer understands, a range and step, and the current value in the scenario's own units
 * (0.03 = 3%). `setLever` returns a new scenario; nothing is mutated. Pure.
 */
import { Placement, TransitionPoint, financialYearLabel, financialYearsForCensusRange } from '../domain/index.ts';
import type { Rates } from '../model/rates.ts';
import type { Mitigation, Scenario } from '../scenario/schema.ts';
import { COST, EFFECT, HALF_LIFE, MONEY, NET_MIGRATION, PLACES, RAMP_YEARS, RATE, SHARE, UPLIFT, YEAR, withinBounds, type Bounds } from '../scenario/limits.ts';
import { fmtMoney } from '../report/format.ts';
import { leverNotWhole, leverOutOfRange, leverNotANumber } from '../messages/explorer.ts';

/** How a lever's value reads: a rate or share as a percentage, a year, a count of years, money, places. */
export type LeverUnit = 'percent' | 'share' | 'year' | 'years' | 'gbp' | 'places';

export interface Lever {
  path: string;
  label: string;
  /** The section of the controls it belongs to. */
  group: string;
  unit: LeverUnit;
  min: number;
  max: number;
  step: number;
  value: number;
  /** Whether the scenario file sets it (else it is the run's estimate, written to YAML only once moved). */
  fromScenario: boolean;
  /** What a scenario file accepts (scenario/limits.ts): a typed value outside [min, max] but inside these widens the slider. */
  limits: Bounds;
}

export interface LeverContext {
  /** The run's estimated trend (the value of the trend levers when the scenario does not set them). */
  trend: Rates['trend'];
  baseYear: number;
  horizon: number;
  /** The last financial year of the funding table (for the funding growth label). */
  lastFundingFy?: number;
  /** The funding table's financial years: when they hold every year of the run, the block's growth changes nothing. */
  fundingFys?: readonly number[];
  /** A `run --demand-only` page: no lever that moves only money (prices, funding, delivery costs, unit-cost levers). */
  demandOnly?: boolean;
}

type Key = string | number;

/** `mitigations[0].effect` → ['mitigations', 0, 'effect']. */
export function parsePath(path: string): Key[] {
  const keys: Key[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!m) throw new Error(`not a lever path: ${path}`);
    keys.push(m[1]!);
    for (const i of m[2]!.matchAll(/\[(\d+)\]/g)) keys.push(Number(i[1]));
  }
  return keys;
}

/** The value at a key path, or undefined. */
export function getAt(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const k of parsePath(path)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<Key, unknown>)[k];
  }
  return cur;
}

/** A copy of `obj` with the value at `path` replaced (objects on the way are created when missing). */
export function setAt<T>(obj: T, path: string, value: unknown): T {
  const keys = parsePath(path);
  const rec = (node: unknown, i: number): unknown => {
    if (i === keys.length) return value;
    const k = keys[i]!;
    if (Array.isArray(node)) {
      const copy = [...(node as unknown[])];
      copy[k as number] = rec(copy[k as number], i + 1);
      return copy;
    }
    const base = node !== null && typeof node === 'object' ? (node as Record<Key, unknown>) : {};
    return { ...base, [k]: rec(base[k], i + 1) };
  };
  return rec(obj, 0) as T;
}

const EFFECT_WORDS: Record<Mitigation['kind'], string> = {
  fewer_requests: 'fewer new plans (requests avoided) at full effect',
  lower_conversion: 'fewer requests becoming plans at full effect',
  more_ceasing: 'more plans ending when needs are met, at full effect',
  placement_shift: 'share of moves redirected at full effect',
  unit_cost_change: 'lower unit cost at full effect',
};

const placementLabel = (p: string): string => (p in Placement ? Placement[p as Placement].label : p);

function mitigationEffectLabel(m: Mitigation): string {
  if (m.kind === 'placement_shift' && m.from && m.to)
    return `Share of moves into ${placementLabel(m.from).toLowerCase()} going to ${placementLabel(m.to).toLowerCase()} instead, at full effect`;
  return EFFECT_WORDS[m.kind].replace(/^./, (c) => c.toUpperCase());
}

/**
 * Every lever of a scenario, in the order the controls show them.
 * @example leversOf(baseline, ctx).map((l) => l.path) // ['projection.incidence_growth', …, 'costs.inflation', 'funding.growth']
 */
export function leversOf(s: Scenario, ctx: LeverContext): Lever[] {
  const out: Lever[] = [];
  const first = ctx.baseYear - 5;
  const last = ctx.baseYear + ctx.horizon;
  // Every position of a year slider gives a different run, so no stretch of a slider silently does nothing. A start
  // year Y is the academic and financial year beginning in Y (docs/model.md "When a lever starts"): it first changes
  // the census of Y + 1 and the financial year Y-(Y+1), so the last start that reaches the run is the year before the
  // horizon census (a start at the horizon would be the lever switched off), and a transition shift gains nothing
  // from a start before the base year. Places counted at a census open from the base year's are already open at the
  // first projected census and funded in full from the first financial year (those of the next census for its months
  // from September, budget/place-funding.ts openingYearShare).
  const lastStart = last - 1;
  const add = (l: Omit<Lever, 'fromScenario' | 'value'> & { value: unknown; fallback?: number }): void => {
    const own = typeof l.value === 'number';
    const value = own ? (l.value as number) : l.fallback;
    if (value === undefined || !Number.isFinite(value)) return;
    const rest = { ...l };
    delete rest.fallback;
    out.push({ ...rest, value, fromScenario: own, min: Math.min(l.min, value), max: Math.max(l.max, value) });
  };
  const trendGroup = 'New plans';
  // The three trend levers start from the trend of the run's rates. A run held to the forecast of total plans steps
  // with a solved trend path; moving a lever moves each year's growth on that path by the change it makes to the
  // growth curve (model/levers/trend.ts movedPath), as the same keys do in a scenario, so a lever set to the value it
  // shows changes nothing and a small move makes a small change.
  add({ path: 'projection.incidence_growth', group: trendGroup, label: 'Yearly growth in the rate of new plans (first projected year)', unit: 'percent', min: -0.1, max: 0.3, step: 0.0025, value: s.projection.incidence_growth, fallback: ctx.trend.growth, limits: RATE });
  add({ path: 'projection.long_run_growth', group: trendGroup, label: 'Long-run yearly growth the trend settles to', unit: 'percent', min: -0.1, max: 0.2, step: 0.0025, value: s.projection.long_run_growth, fallback: ctx.trend.longRun, limits: RATE });
  add({ path: 'projection.trend_damping', group: trendGroup, label: 'How fast growth settles (share of the gap closed each year)', unit: 'share', min: 0, max: 1, step: 0.05, value: s.projection.trend_damping, fallback: ctx.trend.damping, limits: SHARE });
  add({ path: 'projection.net_migration_rate', group: trendGroup, label: 'Plans moving into the area each year, net (share of plans)', unit: 'percent', min: -0.1, max: 0.1, step: 0.0025, value: s.projection.net_migration_rate, limits: NET_MIGRATION });
  add({ path: 'population.growth', group: trendGroup, label: 'Population growth, ages 0 to 25, per year', unit: 'percent', min: -0.05, max: 0.05, step: 0.0025, value: s.population.growth, limits: RATE });

  s.surges.forEach((g, i) => {
    const group = `Surge: ${g.name}`;
    const p = `surges[${i}]`;
    add({ path: `${p}.peak_uplift`, group, label: 'Extra new plans at the peak', unit: 'percent', min: -0.5, max: 1.5, step: 0.05, value: g.peak_uplift, limits: UPLIFT });
    add({ path: `${p}.start_year`, group, label: 'First year (academic year beginning; 2026 = 2026-27)', unit: 'year', min: first, max: lastStart, step: 1, value: g.start_year, limits: YEAR });
    // a peak before the first year counts as the first year (model/levers/surge.ts), so the slider starts there
    add({ path: `${p}.peak_year`, group, label: 'Peak year (academic year beginning)', unit: 'year', min: Math.max(first, Math.min(g.start_year, last)), max: last, step: 1, value: g.peak_year, limits: YEAR });
    add({ path: `${p}.half_life_years`, group, label: 'Years for the extra to halve after the peak', unit: 'years', min: 0.5, max: 10, step: 0.5, value: g.half_life_years, limits: HALF_LIFE });
  });

  s.transition_shifts.forEach((t, i) => {
    const group = `Transition: ${t.name ?? TransitionPoint[t.transition as TransitionPoint].label}`;
    const p = `transition_shifts[${i}]`;
    const from = Placement[t.from as Placement].label.toLowerCase();
    const to = Placement[t.to as Placement].label.toLowerCase();
    add({ path: `${p}.share`, group, label: `Share of ${TransitionPoint[t.transition as TransitionPoint].label.toLowerCase()} moves into ${from} going to ${to}`, unit: 'percent', min: 0, max: 1, step: 0.01, value: t.share, limits: SHARE });
    add({ path: `${p}.start_year`, group, label: 'From (academic year beginning; 2026 = 2026-27)', unit: 'year', min: ctx.baseYear, max: lastStart, step: 1, value: t.start_year, limits: YEAR });
  });

  s.mitigations.forEach((m, i) => {
    if (ctx.demandOnly && m.kind === 'unit_cost_change') return;
    const group = `Recovery plan: ${m.name}`;
    const p = `mitigations[${i}]`;
    add({ path: `${p}.effect`, group, label: mitigationEffectLabel(m), unit: 'percent', min: 0, max: 0.6, step: 0.01, value: m.effect, limits: EFFECT });
    add({ path: `${p}.start_year`, group, label: 'Starts (academic and financial year beginning; 2026 = 2026-27)', unit: 'year', min: ctx.baseYear, max: lastStart, step: 1, value: m.start_year, limits: YEAR });
    add({ path: `${p}.ramp_years`, group, label: 'Years to build up to full effect (1 = full effect in the first year)', unit: 'years', min: 1, max: 10, step: 1, value: m.ramp_years, limits: RAMP_YEARS });
    add({ path: `${p}.delivery`, group, label: 'Share of the planned effect actually delivered', unit: 'percent', min: 0, max: 1, step: 0.05, value: m.delivery, limits: SHARE });
    if (!ctx.demandOnly) add({ path: `${p}.cost_gbp_per_year`, group, label: 'Cost of delivery per year (£, at price-year prices)', unit: 'gbp', min: 0, max: Math.max(1_000_000, 3 * m.cost_gbp_per_year), step: 10_000, value: m.cost_gbp_per_year, limits: COST });
  });

  s.capacity.changes.forEach((c, i) => {
    const group = `Places: ${Placement[c.placement as Placement].label}`;
    const p = `capacity.changes[${i}]`;
    add({ path: `${p}.places`, group, label: `New places (negative = places closing)`, unit: 'places', min: Math.min(0, c.places), max: Math.max(500, 3 * c.places), step: 10, value: c.places, limits: PLACES });
    add({ path: `${p}.year`, group, label: 'Open from (January census year)', unit: 'year', min: ctx.baseYear + 1, max: last, step: 1, value: c.year, limits: YEAR });
  });

  if (ctx.demandOnly) return out;
  const money = 'Prices and funding';
  const infl = s.costs.inflation;
  if (typeof infl === 'number') add({ path: 'costs.inflation', group: money, label: 'Yearly rise in unit costs (inflation)', unit: 'percent', min: -0.02, max: 0.12, step: 0.0025, value: infl, limits: RATE });
  else
    for (const [k, v] of Object.entries(infl))
      add({ path: `costs.inflation.${k}`, group: money, label: `Yearly rise in unit costs: ${k in Placement ? Placement[k as Placement].label : k}`, unit: 'percent', min: -0.02, max: 0.12, step: 0.0025, value: v, limits: RATE });
  for (const [k, v] of Object.entries(s.costs.complexity_drift))
    add({ path: `costs.complexity_drift.${k}`, group: money, label: `Complexity drift: yearly rise in ${Placement[k as Placement].label.toLowerCase()} top-ups beyond inflation`, unit: 'percent', min: -0.02, max: 0.1, step: 0.0025, value: v, limits: RATE });
  const after = ctx.lastFundingFy !== undefined ? ` after ${financialYearLabel(ctx.lastFundingFy)}` : '';
  // the block grows only into years the funding table does not give: with every year of the run given (a one-year
  // horizon inside the table) the lever would move nothing, so it is not offered
  const given = new Set(ctx.fundingFys ?? []);
  const blockGrows = financialYearsForCensusRange(ctx.baseYear, last).some((fy) => !given.has(fy));
  if (blockGrows) add({ path: 'funding.growth', group: money, label: `Yearly growth of the High Needs block${after}`, unit: 'percent', min: -0.02, max: 0.12, step: 0.0025, value: s.funding.growth, limits: RATE });
  add({ path: 'funding.schools_block_transfer_gbp', group: money, label: 'Transfer from the schools block each year (£)', unit: 'gbp', min: 0, max: 5_000_000, step: 50_000, value: s.funding.schools_block_transfer_gbp, limits: MONEY });
  return out;
}

/**
 * Notes the controls show under a group of levers, where a lever does something its label alone does not say.
 * A surge is measured against the data (model/levers/surge.ts surgeMultiplier): the base year's rates already carry
 * its uplift of then, so a surge under way makes new plans fall back as it fades, and a larger peak gives more plans
 * while it lasts and fewer after (covid-surge on the sample: a peak of 45% instead of 30% gives more plans up to
 * January 2031 and a deeper deficit at 31 March 2028, but 8,599 plans at January 2035 instead of 8,677).
 */
export function leverNotes(s: Scenario, ctx: LeverContext): Record<string, string> {
  const notes: Record<string, string> = {};
  for (const g of s.surges)
    notes[`Surge: ${g.name}`] =
      `A surge is measured against the data: the rates of new plans already carry what it added to the plans issued in ${financialYearLabel(ctx.baseYear - 1)}, so only its change from that level is added. ` +
      'A surge already under way then makes new plans fall back below the trend as it fades: a larger peak gives more plans while it lasts and fewer after, so plans at the horizon can fall as the peak rises. ' +
      'A peak year before the first year counts as the first year.';
  return notes;
}

/**
 * Why a value (in the scenario's units) cannot be given to a lever, in the units people type (2000% for 20), or
 * undefined when it can: outside what a scenario file accepts (scenario/limits.ts), or not whole where it must be.
 * @example leverProblem(inflation, -1) // 'Yearly rise in unit costs (inflation): -100% is outside what a scenario file accepts (above -100%, up to 1000%); the lever is unchanged.'
 */
export function leverProblem(l: Lever, value: number): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return leverNotANumber(l.label, String(value));
  const b = l.limits;
  if (withinBounds({ ...b, integer: false }, value)) return b.integer && !Number.isInteger(value) ? leverNotWhole(l.label, describeValue(l, value)) : undefined;
  return leverOutOfRange(l.label, describeValue(l, value), describeValue(l, b.min), describeValue(l, b.max), b.minExclusive === true);
}

const PCT = new Set<LeverUnit>(['percent', 'share']);

/** The value as typed and shown (percent for rates, to two decimals: 8.26 for an estimated 0.082608). */
export function toDisplay(l: Pick<Lever, 'unit'>, v: number): number {
  return PCT.has(l.unit) ? Number((v * 100).toFixed(2)) : v;
}

/** A typed value in the scenario's units (0.03 for 3 typed as a percentage). */
export function fromDisplay(l: Pick<Lever, 'unit'>, d: number): number {
  return PCT.has(l.unit) ? Number((d / 100).toFixed(8)) : d;
}

/** A lever value in words. */
export function describeValue(l: Pick<Lever, 'unit'>, v: number): string {
  switch (l.unit) {
    case 'percent':
    case 'share':
      return `${toDisplay(l, v)}%`;
    case 'gbp':
      return fmtMoney(v);
    case 'year':
      return String(v);
    case 'years':
      return `${v} year${v === 1 ? '' : 's'}`;
    case 'places':
      return `${v} places`;
  }
}

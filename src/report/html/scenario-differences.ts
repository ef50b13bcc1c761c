/**
 * What differs between two scenarios, setting by setting, in plain words (for the comparison report). Pure.
 */
import { isPlacement, isTransitionPoint, Placement, TransitionPoint } from '../../domain/index.ts';
import { fmtMoney, fmtPercent } from '../format.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { surgeInData } from '../surge-words.ts';
import { counted } from '../../util/plural.ts';
import { surgePeakYear } from '../../model/levers/surge.ts';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** A placement in words with its code: 'LA maintained special school (SSM)'. */
const place = (code: string): string => (isPlacement(code) ? `${Placement[code].label} (${code})` : code);
/** A transition point in words: 'Y6-Y7 (primary to secondary)'. */
const step = (t: string): string => (isTransitionPoint(t) ? `${t} (${TransitionPoint[t].label.toLowerCase()})` : t);

function rate(x: Scenario['costs']['inflation']): string {
  return typeof x === 'number' ? `${fmtPercent(x)} a year` : `rates by placement or year (${Object.entries(x).map(([k, v]) => `${k} ${fmtPercent(v)}`).join(', ')})`;
}

/** Settings already worded below; anything else that differs is named by its key. */
const WORDED = new Set(['id', 'name', 'description', 'file', 'sha256', 'extended', 'extends', 'horizon_years', 'base_year', 'costs', 'funding', 'surges', 'transition_shifts', 'mitigations', 'capacity', 'projection']);

/**
 * The differences of `b` from `a`, one sentence each.
 * @example scenarioDifferences(baseline, covid) // ['Adds a surge in new plans: Lockdown birth cohorts (up to 30% more new plans, peaking in 2026).']
 */
export function scenarioDifferences(a: Scenario, b: Scenario, baseYear?: number): string[] {
  const out: string[] = [];
  if (a.horizon_years !== b.horizon_years) out.push(`Projects ${counted(b.horizon_years, 'year')} ahead instead of ${a.horizon_years}.`);
  if (a.base_year !== b.base_year) out.push(`Starts from January ${b.base_year ?? 'latest'} instead of ${a.base_year ?? 'the latest census'}.`);
  if (!same(a.costs.inflation, b.costs.inflation)) out.push(`Unit costs rise by ${rate(b.costs.inflation)} instead of ${rate(a.costs.inflation)}.`);
  if (!same(a.costs.complexity_drift, b.costs.complexity_drift)) out.push('Assumes a different complexity drift on top-ups.');
  if (a.funding.growth !== b.funding.growth) out.push(`The High Needs block grows by ${fmtPercent(b.funding.growth)} a year after the funding table instead of ${fmtPercent(a.funding.growth)}.`);
  if (!same(a.funding, { ...b.funding, growth: a.funding.growth })) out.push('Assumes a different schools-block transfer.');
  for (const s of b.surges.filter((x) => !a.surges.some((y) => same(x, y))))
    out.push(
      [`Adds a surge in new plans: ${s.name} (up to ${fmtPercent(s.peak_uplift, 0)} more new plans, peaking in ${surgePeakYear(s)}, halving every ${s.half_life_years === 1 ? 'year' : `${s.half_life_years} years`}).`, (baseYear !== undefined && surgeInData(s, baseYear)) || '']
        .join(' ')
        .trim(),
    );
  for (const s of a.surges.filter((x) => !b.surges.some((y) => same(x, y)))) out.push(`Leaves out the surge “${s.name}”.`);
  for (const t of b.transition_shifts.filter((x) => !a.transition_shifts.some((y) => same(x, y))))
    out.push(`Shifts ${fmtPercent(t.share, 0)} of ${step(t.transition)} moves from ${place(t.from)} to ${place(t.to)} from ${t.start_year}${t.name ? ` (${t.name})` : ''}.`);
  for (const t of a.transition_shifts.filter((x) => !b.transition_shifts.some((y) => same(x, y)))) out.push(`Leaves out the transition shift ${t.name ?? `${t.transition} ${t.from} to ${t.to}`}.`);
  for (const m of b.mitigations.filter((x) => !a.mitigations.some((y) => same(x, y))))
    out.push(
      `Adds the lever “${m.name}”: ${fmtPercent(m.effect, 0)} at full effect from ${m.start_year}${m.ramp_years ? ` over ${counted(m.ramp_years, 'year')}` : ''}, ${fmtPercent(m.delivery, 0)} delivered` +
        `${m.cost_gbp_per_year ? `, costing ${fmtMoney(m.cost_gbp_per_year)} a year` : ''}.`,
    );
  for (const m of a.mitigations.filter((x) => !b.mitigations.some((y) => same(x, y)))) out.push(`Leaves out the lever “${m.name}”.`);
  if (!same(a.capacity, b.capacity)) {
    const c = b.capacity;
    out.push(
      (c.from_places_table ? 'Limits placements to the commissioned places (the places table)' : 'Does not limit placements to commissioned places') +
        (c.changes.length ? `, with ${c.changes.map((x) => `${x.places > 0 ? '+' : ''}${x.places} places in ${place(x.placement)} from January ${x.year}`).join(', ')}` : '') +
        (c.from_places_table ? `; children beyond capacity go from ${Object.entries(c.overflow).map(([f, t]) => `${place(f)} to ${place(String(t))}`).join(', from ')}` : '') +
        '.',
    );
  }
  for (const [k, v] of Object.entries(b.projection)) {
    const was = (a.projection as Record<string, unknown>)[k];
    if (!same(v, was)) out.push(`Sets projection.${k} to ${String(v)}${was === undefined ? ' (estimated from the data otherwise)' : ` instead of ${String(was)}`}.`);
  }
  for (const k of Object.keys(a.projection)) if (!(k in b.projection)) out.push(`Leaves projection.${k} to the data.`);
  const rest = Object.keys({ ...a, ...b }).filter((k) => !WORDED.has(k) && !same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  for (const k of rest) out.push(`Sets ${k} differently (see the scenario file).`);
  return out;
}

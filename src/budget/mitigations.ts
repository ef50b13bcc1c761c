/**
 * Savings per lever and the bridge from the unmitigated to the mitigated deficit (spec budget.md "Mitigations").
 *
 * Three paths are priced with the same tables: U = unmitigated projection, no unit-cost levers, no delivery costs;
 * M0 = mitigated projection at unmitigated unit costs; M = mitigated projection with everything. Then per FY:
 * - demand levers (fewer requests, lower conversion, more ceasing, placement shift) together save
 *   V = exp(U) − exp(M0). A lever with its own run (unmitigated + that lever only) saves exp(U) − exp(solo).
 *   What is left of V is shared among the other demand levers in proportion to their plans avoided; a placement
 *   shift has no plans avoided, so when one has no run of its own nothing is shared and the rest stays in the
 *   interaction line (with a warning);
 * - a unit-cost lever saves Σ plans(M) × unit cost × its reduction (reductions of several levers add up);
 * - delivery cost: the lever's yearly cost from its start year, inflated from base-year prices, charged in full
 *   whatever the ramp or delivery share (staff and contracts are paid for whether or not the effect arrives);
 * - net saving = spend avoided − delivery cost;
 * - the interaction line = (exp(U) − exp(M)) − Σ lever net savings, so the bridge closes exactly (income is the
 *   same on both paths): cumulative balance(U) + Σ cumulative net savings (interaction included) = cumulative
 *   balance(M), i.e. deficit(U) − Σ savings = deficit(M).
 * Plans avoided by a lever without its own run are the engine's `avoidedByMitigation` flows added up as a stock
 * (a plan avoided stays avoided; its later ceasing is not netted off), financial-year converted.
 */
import { financialYearValue } from '../domain/index.ts';
import type { ProjectionResult } from '../model/result.ts';
import { mitigationPlansNotReported, mitigationShiftNotSeparable } from '../messages/budget.ts';
import type { Mitigation } from '../scenario/schema.ts';
import type { BudgetPath } from './path.ts';
import type { MitigationBridge, MitigationYear } from './types.ts';

/** Name of the row holding what levers do together beyond the sum of their separate effects. */
export const INTERACTION_LINE = 'Interaction between levers';

const DEMAND_KINDS_WITH_PLANS = new Set(['fewer_requests', 'lower_conversion', 'more_ceasing']);

export interface MitigationPaths {
  unmitigated: BudgetPath;
  /** Mitigated projection priced without unit-cost levers or delivery costs. */
  mitigatedAtUnmitigatedPrices: BudgetPath;
  mitigated: BudgetPath;
  /** Paths of runs with only one lever on (priced like U), by lever name. */
  solo: Record<string, BudgetPath>;
}

/**
 * Plans avoided by a lever as a stock at each census year: Σ of `flows[].avoidedByMitigation[name]` of the steps
 * into census years up to it. @example flows 2026: 10, 2027: 15 → stock 2025: 0, 2026: 10, 2027: 25
 */
export function avoidedStock(projection: Pick<ProjectionResult, 'years' | 'flows'>, name: string): number[] {
  return projection.years.map((y, k) =>
    k === 0 ? 0 : projection.flows.filter((f) => f.year > projection.years[0]! && f.year <= y).reduce((s, f) => s + (f.avoidedByMitigation[name] ?? 0), 0),
  );
}

function sum(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]!;
  return s;
}

/** Per lever (then the interaction line) and FY: plans avoided, spend avoided, delivery cost, net saving. */
export function mitigationYears(
  levers: readonly Mitigation[],
  paths: MitigationPaths,
  mitigated: Pick<ProjectionResult, 'years' | 'flows'>,
  changeMonth: number,
): { rows: MitigationYear[]; warnings: string[] } {
  const { unmitigated: U, mitigatedAtUnmitigatedPrices: M0, mitigated: M } = paths;
  const warnings: string[] = [];
  const fys = M.fys;
  const costLevers = levers.filter((m) => m.kind === 'unit_cost_change');
  const deliveryLevers = levers.filter((m) => m.cost_gbp_per_year > 0);
  const unsolved = levers.filter((m) => m.kind !== 'unit_cost_change' && !paths.solo[m.name]);
  const shared = unsolved.every((m) => DEMAND_KINDS_WITH_PLANS.has(m.kind));
  if (!shared) for (const m of unsolved) if (!DEMAND_KINDS_WITH_PLANS.has(m.kind)) warnings.push(mitigationShiftNotSeparable(m.name));

  const rows: MitigationYear[] = [];
  const perLever = levers.map((m) => {
    const solo = paths.solo[m.name];
    const plans = fys.map((_, i) => {
      if (solo) return financialYearValue(sum(U.plans[i]!) - sum(solo.plans[i]!), sum(U.plans[i + 1]!) - sum(solo.plans[i + 1]!), changeMonth);
      if (!DEMAND_KINDS_WITH_PLANS.has(m.kind)) return 0;
      const stock = avoidedStock(mitigated, m.name);
      return financialYearValue(stock[i] ?? 0, stock[i + 1] ?? 0, changeMonth);
    });
    const spend = fys.map((_, i) => {
      if (m.kind === 'unit_cost_change') return M.costLeverSavings[costLevers.indexOf(m)]![i]!;
      if (solo) return U.lines[i]!.expenditure - solo.lines[i]!.expenditure;
      return 0;
    });
    const dj = deliveryLevers.indexOf(m);
    const delivery = fys.map((_, i) => (dj >= 0 ? M.deliveryCosts[dj]![i]! : 0));
    return { m, plans, spend, delivery };
  });

  let unreported = false;
  fys.forEach((_, i) => {
    const volume = U.lines[i]!.expenditure - M0.lines[i]!.expenditure;
    const explained = perLever.reduce((s, l) => s + (paths.solo[l.m.name] ? l.spend[i]! : 0), 0);
    const toShare = perLever.filter((l) => unsolved.includes(l.m));
    const weight = toShare.reduce((s, l) => s + Math.max(0, l.plans[i]!), 0);
    if (shared && weight > 0) for (const l of toShare) l.spend[i] = ((volume - explained) * Math.max(0, l.plans[i]!)) / weight;
    else if (shared && toShare.length > 0 && Math.abs(volume - explained) >= 0.5) unreported = true;
  });
  if (unreported) warnings.push(mitigationPlansNotReported(unsolved.map((m) => m.name)));

  for (const l of perLever) {
    fys.forEach((fy, i) => {
      rows.push({
        name: l.m.name,
        kind: l.m.kind,
        fy,
        plansAvoided: l.plans[i]!,
        spendAvoided: l.spend[i]!,
        deliveryCost: l.delivery[i]!,
        netSaving: l.spend[i]! - l.delivery[i]!,
      });
    });
  }
  const interaction: MitigationYear[] = fys.map((fy, i) => {
    const total = U.lines[i]!.expenditure - M.lines[i]!.expenditure;
    const levered = perLever.reduce((s, l) => s + l.spend[i]! - l.delivery[i]!, 0);
    const plansTotal = financialYearValue(sum(U.plans[i]!) - sum(M.plans[i]!), sum(U.plans[i + 1]!) - sum(M.plans[i + 1]!), changeMonth);
    const plansLevered = perLever.reduce((s, l) => s + l.plans[i]!, 0);
    const net = total - levered;
    return { name: INTERACTION_LINE, kind: 'interaction', fy, plansAvoided: plansTotal - plansLevered, spendAvoided: net, deliveryCost: 0, netSaving: net };
  });
  if (interaction.some((r) => Math.abs(r.netSaving) >= 0.005 || Math.abs(r.plansAvoided) >= 0.005)) rows.push(...interaction);
  return { rows, warnings };
}

/**
 * The bridge at the end of financial year `fy`: unmitigated cumulative balance, each lever's cumulative net saving
 * (a saving raises the balance), mitigated cumulative balance.
 */
export function mitigationBridge(rows: readonly MitigationYear[], unmitigated: BudgetPath, mitigated: BudgetPath, fy: number): MitigationBridge | undefined {
  const i = mitigated.fys.indexOf(fy);
  if (i < 0) return undefined;
  const names = [...new Set(rows.map((r) => r.name))];
  return {
    fy,
    unmitigatedCumulative: unmitigated.lines[i]!.cumulativeBalance,
    steps: names.map((name) => ({ name, amount: rows.filter((r) => r.name === name && r.fy <= fy).reduce((s, r) => s + r.netSaving, 0) })),
    mitigatedCumulative: mitigated.lines[i]!.cumulativeBalance,
  };
}

/**
 * The levers of the scenario that change no plan and no spend in any year of the run although they are set to act
 * (effect and delivery above 0), each with its yearly delivery cost as the scenario gives it: a placement_shift out of a placement that holds
 * no plans (`from: WBL` on data with none), or a unit_cost_change of placements or a target no plan is in. Priced as
 * written, such a lever's line showed its delivery cost and £0 saved, and the mitigated figures were the unmitigated
 * ones less that cost, under the lever's name, with exit 0 and no word. Only a lever whose saving can be told apart is
 * judged: a unit-cost lever, or a demand lever with its own run (`solo`).
 * @example idleLevers([{ name: 'Shift', kind: 'placement_shift', effect: 0.5, delivery: 1, … }], rows, new Set(['Shift'])) // [{ name: 'Shift', cost: 100000 }]
 */
export function idleLevers(levers: readonly Mitigation[], rows: readonly MitigationYear[], solo: ReadonlySet<string>): Array<{ name: string; kind: string; cost: number }> {
  return levers
    .filter((m) => m.effect > 0 && m.delivery > 0 && (m.kind === 'unit_cost_change' || solo.has(m.name)))
    .filter((m) => {
      const own = rows.filter((r) => r.name === m.name);
      return own.length > 0 && own.every((r) => Math.abs(r.plansAvoided) < 1e-6 && Math.abs(r.spendAvoided) < 0.005);
    })
    .map((m) => ({ name: m.name, kind: m.kind, cost: m.cost_gbp_per_year }));
}

/**
 * The largest share of the LA's High Needs spend (without the plan) one lever's delivery cost may be in a year without
 * a note: the sample's recovery plan (scenarios/mitigated.yaml) costs £100,000–£400,000 a lever, 0.2%–0.6% of the
 * sample LA's spend of about £70m a year, while on City of London (spend under £1m a year) the same levers cost 13%–53%
 * of it, its mitigated figures carrying costs set for a council a hundred times its size.
 */
export const LEVER_COST_SHARE_NOTED = 0.1;

/** A lever whose delivery cost passes LEVER_COST_SHARE_NOTED of the spend in some year: its largest share. */
export interface LeverOutOfScale {
  name: string;
  fy: number;
  cost: number;
  spend: number;
}

/**
 * The levers whose delivery cost in some financial year is more than LEVER_COST_SHARE_NOTED of the LA's High Needs
 * spend that year without the plan (`unmitigated`: the unmitigated path's lines), each at its year of largest share: a
 * cost written for another council (a scenario shared between LAs), or in pence or with a digit too many.
 * @example leversOutOfScale(rows, [{ fy: 2026, expenditure: 750_000 }]) // [{ name: 'Early help', fy: 2026, cost: 400_000, spend: 750_000 }]
 */
export function leversOutOfScale(rows: readonly MitigationYear[], unmitigated: ReadonlyArray<{ fy: number; expenditure: number }>): LeverOutOfScale[] {
  const spendOf = new Map(unmitigated.map((l) => [l.fy, l.expenditure]));
  const worst = new Map<string, LeverOutOfScale>();
  for (const r of rows) {
    const spend = spendOf.get(r.fy);
    if (!(r.deliveryCost > 0) || !(spend! > 0) || r.deliveryCost <= LEVER_COST_SHARE_NOTED * spend!) continue;
    const w = worst.get(r.name);
    if (!w || r.deliveryCost / spend! > w.cost / w.spend) worst.set(r.name, { name: r.name, fy: r.fy, cost: r.deliveryCost, spend: spend! });
  }
  return [...worst.values()];
}

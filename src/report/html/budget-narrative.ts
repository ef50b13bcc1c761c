/**
 * Report text for what a section 151 officer asks next (budget.md): places against plans, life after March 2028,
 * the base-year reconciliation and what a goal-seek scenario sought. Pure: RunReport → paragraphs.
 */
import { financialYearLabel, monthName, Placement, STATUTORY_OVERRIDE_END_FY } from '../../domain/index.ts';
import { fmtBalance, fmtCount, fmtMoney, fmtPercent } from '../format.ts';
import type { RunReport } from '../run-report.ts';

/** Whether plans show as one (a small council's gap of 0.87 plans reads '1'): the noun and verb follow it. */
const one = (n: number): boolean => fmtCount(n) === '1';
/** Plans as shown, with the noun in the number shown: '1 plan', '3 plans' (it read 'The 1 plans beyond places cost'). */
const plansShown = (n: number): string => `${fmtCount(n)} ${one(n) ? 'plan' : 'plans'}`;

/**
 * Whether a placement's plans beyond its places are a gap to speak of and cost: a gap under half a plan is rounding in
 * the model's expected plans (a placement held at its places by the scenario's capacity limits sits a hair above them;
 * a small LA's pooled placement mix puts 0.3 of a plan where it has no places), not plans beyond places: said as such,
 * it read "the 0 plans beyond places cost £2", and the report's table 'AP | 0 | 0 | 0 | £4k | £7k | £19k'.
 */
export function isRealGap(g: { gap: number }): boolean {
  return g.gap >= 0.5;
}

export function placesParagraphs(r: RunReport): string[] {
  const rows = r.budget?.placesVsPlans ?? [];
  if (rows.length === 0) return ['No places table was loaded, so funded places cannot be set against plans.'];
  const out: string[] = [];
  const placements = [...new Set(rows.map((g) => g.placement))];
  const lastFy = Math.max(...rows.map((g) => g.fy));
  const real = isRealGap;
  for (const p of placements) {
    const first = rows.find((g) => g.placement === p && real(g));
    const last = rows.find((g) => g.placement === p && g.fy === lastFy)!;
    if (!first) continue;
    const since = `${Placement[p].label}: plans exceed the ${fmtCount(first.places)} funded places from ${financialYearLabel(first.fy)}`;
    if (!real(last)) {
      out.push(`${since}; by ${financialYearLabel(lastFy)} its ${fmtCount(last.places)} funded places hold its ${plansShown(last.plans)}.`);
      continue;
    }
    out.push(
      `${since}; by ${financialYearLabel(lastFy)} ` +
        `${plansShown(last.plans)} ${one(last.plans) ? 'shares' : 'share'} ${fmtCount(last.places)} places. The ${plansShown(last.gap)} beyond places ${one(last.gap) ? 'costs' : 'cost'} ${fmtMoney(last.costAsTopUps)} that year as top-ups ` +
        `(already in the budget, with no place funding), ${fmtMoney(last.costAsPlaces)} if commissioned as places, or ${fmtMoney(last.costAsIssFees)} if placed in independent special schools.`,
    );
  }
  if (out.length === 0) out.push('Plans stay within funded places in every placement and year of the run.');
  const added = r.scenario.capacity.changes;
  if (added.length) {
    out.push(
      `The scenario adds ${added.map((c) => `${fmtCount(c.places)} ${c.placement} places from January ${c.year}`).join(', ')}; each adds place funding from the financial year of that census (from ${monthName(r.scenario.costs.change_month)} in that year, in full after)` +
        (added.some((c) => c.capital_cost_gbp) ? `, and a capital cost of ${fmtMoney(added.reduce((s, c) => s + (c.capital_cost_gbp ?? 0), 0))} outside the block.` : '.'),
    );
  }
  return out;
}

export function afterOverrideParagraphs(r: RunReport): string[] {
  const gf = r.budget?.generalFund;
  if (!gf || gf.years.length === 0) return [];
  const out: string[] = [];
  const y28 = gf.years.find((y) => y.fy === STATUTORY_OVERRIDE_END_FY);
  const last = gf.years[gf.years.length - 1]!;
  if (gf.reservesGiven) {
    if (y28?.usableReserves !== undefined && y28.dsgBalance < 0) {
      // the share general-fund.ts gives (none for reserves of £0: worked again here it was 'Infinity%', exit 70)
      const share = y28.deficitShareOfReserves;
      out.push(share === undefined
        ? `At 31 March 2028 the deficit of ${fmtMoney(-y28.dsgBalance)} would exceed the council’s usable reserves, which are ${fmtMoney(Math.max(0, y28.usableReserves))}.`
        : `At 31 March 2028 the deficit of ${fmtMoney(-y28.dsgBalance)} would be ${fmtPercent(share, 0)} of the council’s usable reserves of ${fmtMoney(y28.usableReserves)}.`);
    }
    out.push(
      gf.firstYearDeficitExceedsReserves !== undefined
        ? `The deficit exceeds the usable reserves from the end of ${financialYearLabel(gf.firstYearDeficitExceedsReserves)}${gf.firstYearDeficitExceedsReserves < STATUTORY_OVERRIDE_END_FY ? ', before the override ends' : gf.firstYearDeficitExceedsReserves === STATUTORY_OVERRIDE_END_FY ? ', as the override ends' : ''}.`
        : `The deficit stays within the usable reserves to 31 March ${last.fy + 1}.`,
    );
  } else {
    out.push('No reserves table was loaded, so the deficit is not compared with the council’s usable reserves.');
  }
  const after = gf.years.filter((y) => y.fy > STATUTORY_OVERRIDE_END_FY).reduce((s, y) => s + y.interest, 0);
  out.push(
    `Carrying the deficit costs the general fund interest at ${fmtPercent(gf.interestRate)} a year on the average negative balance: ${fmtMoney(last.cumulativeInterest)} to 31 March ${last.fy + 1}` +
      (after > 0 ? `, of which ${fmtMoney(after)} after the override ends` : '') +
      `. This is shown apart from the High Needs block and is not in the DSG balance (${fmtBalance(last.dsgBalance)} at 31 March ${last.fy + 1}).`,
  );
  return out;
}

export function reconciliationParagraphs(r: RunReport): string[] {
  const rec = r.budget?.reconciliation;
  if (!rec?.length) return [];
  const scaled = rec.filter((l) => l.scale !== undefined);
  return [
    `The base year ${financialYearLabel(rec[0]!.fy)} is reconciled to the council’s Section 251 outturn: ` +
      (scaled.length
        ? scaled.map((l) => `${l.label.toLowerCase()} unit costs × ${l.scale!.toFixed(3)}`).join('; ')
        : 'no top-up line needed scaling') +
      '. Every later year uses the scaled unit costs.',
  ];
}

export function goalSeekParagraphs(r: RunReport): string[] {
  const g = r.budget?.goalSeek;
  if (!g) return [];
  return [
    `This scenario was written by goal-seek${g.fromScenario ? ` from ${g.fromScenario}` : ''}: lever ${g.lever} at an effect of ${fmtPercent(g.effect)} meets the target ${g.target} on the central path (achieved ${fmtBalance(g.achievedGbp)}).` +
      (g.probabilityMet !== undefined ? ` Across ${fmtCount(g.draws ?? 0)} simulated futures the target is met in ${fmtPercent(g.probabilityMet, 0)} of them.` : ''),
  ];
}

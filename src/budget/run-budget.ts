/**
 * The budget model (spec budget.md), pure: projection(s) + input tables + scenario in, BudgetResult out.
 *
 *   unit-cost table ──► cell unit costs ─┐
 *   scenario costs/funding ──► params ───┼─► budgetPath(projection)   ──► lines, balance, March 2028
 *   places, other spend, funding, opening┘        │
 *                                                 ├─► budgetQuantiles(draws)           ──► P10/P50/P90
 *   unmitigated (+ per-lever) projections ───────► ├─► mitigationYears / bridges      ──► savings per lever
 *   reproject(variant) ──────────────────────────► └─► sensitivity                     ──► tornado rows
 *   Section 251 outturn ──► reconcile (scale unit costs first)   places-vs-plans, general fund, Section 251 view
 */
import { STATUTORY_OVERRIDE_END_FY } from '../domain/index.ts';
import type { ProjectionResult } from '../model/result.ts';
import { financialYearLabel } from '../domain/index.ts';
import {
  deficitExceedsReserves,
  noOtherSpendTable,
  leverCostsOutOfScale,
  leversActOnNothing,
  noPlacesTable,
  openingBalanceAnchored,
  openingBalanceYearMismatch,
  outturnImplausibleScale,
  outturnZero,
  outturnUnknownLine,
  placeRatesOffNational as placeRatesOffNote,
  unmitigatedMissing,
} from '../messages/budget.ts';
import { generalFund, reservesAgainstBlock } from './general-fund.ts';
import { PLACE_RATE_BAND, fullFeePlaceNotes, placeRatesOffNational, zeroRatePlaceNotes } from './place-funding.ts';
import { fyPlansByPlacement, placesAgainstPlans, placesVsPlans } from './places-gap.ts';
import { PLAUSIBLE_SCALE, SECTION_251_CODES, SECTION_251_LINES, otherYearApart, reconcile, scaledUnitCosts, section251Code, section251Years } from './section-251.ts';
import type { ReconciliationLine } from './types.ts';
import type { Section251Code } from './section-251.ts';
import { budgetAssumptions } from './assumptions.ts';
import { idleLevers, LEVER_COST_SHARE_NOTED, leversOutOfScale, mitigationBridge, mitigationYears } from './mitigations.ts';
import { budgetQuantiles } from './monte-carlo.ts';
import { resolveOpening, type OpeningOutOfScale, type OpeningResolved } from './opening.ts';
import { blockAgainstSpend, blockBeyondUnits, blockOutOfScaleWithSpend } from './income.ts';
import { openingAgainstBlock } from './opening-scale.ts';
import { otherSpendAgainstSpend } from './other-spend.ts';
import { costPerPlanOffReference, withOutturnScale } from './cost-per-plan.ts';
import { costPerPlanOffReference as costPerPlanOffNote, topUpsLowTogether as topUpsLowNote } from '../messages/money-reference.ts';
import { TOP_UPS_LOW, topUpsLowTogether } from './top-ups-low.ts';
import { outturnNoBaseYear, outturnOtherYears } from '../messages/outturn.ts';
import { leversPastWholeCost as leversPastWholeCostNote } from '../messages/mitigations.ts';
import { leversPastWholeCost } from './levers.ts';
import { tableYearWarnings } from './table-years.ts';
import { priceYearNotes } from './price-years.ts';
import { budgetParams } from './params.ts';
import type { BudgetParams, BudgetScenario } from './params.ts';
import { budgetPath, financialYearsOf } from './path.ts';
import type { BudgetPath } from './path.ts';
import { sensitivity } from './sensitivity.ts';
import type { Reproject } from './sensitivity.ts';
import type { BudgetTables } from './tables.ts';
import type { CellUnitCosts } from './unit-costs.ts';
import type { BudgetResult, MitigationBridge } from './types.ts';
import { resolveUnitCosts } from './unit-costs.ts';

export interface BudgetInputs {
  scenario: BudgetScenario;
  tables: BudgetTables;
  /** The scenario's projection (with its demand levers when it has mitigations). */
  projection: ProjectionResult;
  /** The same scenario run without its mitigations; needed to value demand levers. */
  unmitigatedProjection?: ProjectionResult;
  /**
   * The path the Section 251 outturn scaling is taken on (model/levers/reference.ts: the data's own deterministic
   * path, no scenario effects); without it the unmitigated path, else the projection.
   */
  referenceProjection?: ProjectionResult;
  /** Optional: the unmitigated scenario plus one lever, by lever name, to value that lever on its own. */
  perLeverProjections?: Record<string, ProjectionResult>;
  /** Optional: re-runs the projection for the sensitivity rows that need the engine. */
  reproject?: Reproject;
}

/** What every use of the budget starts from: parameters, reconciled tables, unit costs, opening balance, central path. */
export interface PreparedBudget {
  params: BudgetParams;
  /** The input tables, with unit costs scaled when the base year was reconciled to the outturn. */
  tables: BudgetTables;
  unit: CellUnitCosts;
  fys: number[];
  opening: Omit<OpeningResolved, 'warnings'>;
  path: BudgetPath;
  reconciliation?: ReconciliationLine[];
  warnings: string[];
  /** Of `warnings`, the figures that stand in for missing ones, and implausible outturn scales (BudgetResult.fallbacks). */
  fallbacks: string[];
  /** Of `fallbacks`, those that say an input figure is probably wrong (BudgetResult.suspect). */
  suspect: string[];
  /** Of `suspect`, those that say the spend or the block is probably in other units (BudgetResult.spendNotes). */
  spendNotes: string[];
}

/** Resolves the scenario and tables and prices the central path (runBudget's first half; draw-values.ts uses it too). */
export function prepareBudget(inputs: BudgetInputs): PreparedBudget {
  const { scenario, projection } = inputs;
  let tables = inputs.tables;
  const warnings: string[] = [];
  const { params, warnings: pw } = budgetParams(scenario, true);
  warnings.push(...pw);
  const fys = financialYearsOf(projection);
  const opening = resolveOpening(tables.openingBalances, fys[0] ?? projection.baseYear);
  // figures standing in for missing ones so far: a £0 opening balance, £0 place funding, £0 other spend (a council
  // always has some: an other-spend table missing, or not read, left £7.95m a year out of the sample's spend unremarked)
  // years a money table fills from an earlier row (a missing middle year, a table ending before the run) change
  // what those years' figures rest on: said on stderr as well
  // unit costs at the prices of a year far from the run's (a typo in price_year changes every cost)
  const prices = fys.length > 0 ? priceYearNotes(tables.unitCosts, fys[0]!, params) : [];
  // of the notes below, those that say a figure is probably wrong (a slip to correct), said before the others
  const suspect = [...prices];
  const fallbacks = [...opening.warnings, ...(tables.places.length === 0 ? [noPlacesTable()] : []),
    ...(tables.otherSpend.length === 0 ? [noOtherSpendTable()] : []),
    ...tableYearWarnings(tables, fys, params),
    // places given to a placement paid a full fee (ISS, NMSS, SPI) add no place funding: said, since the table gives it
    ...fullFeePlaceNotes(tables.places, params.placesChanges, fys, params.changeMonth),
    // places at a rate of £0: place funding of £0 for places the council commissions, said as a £0 unit cost is
    ...zeroRatePlaceNotes(tables.places),
    ...prices];
  warnings.push(...fallbacks);
  let reconciliation: ReconciliationLine[] | undefined;
  const apart: string[] = [];
  if ((tables.outturn ?? []).length > 0 && scenario.costs.reconcile_to_outturn !== false && fys.length > 0) {
    const r = reconcileTables(inputs, fys[0]!, opening.balance);
    tables = r.tables;
    reconciliation = r.lines;
    warnings.push(...r.warnings);
    // unit costs scaled by a factor outside PLAUSIBLE_SCALE (an outturn line of £100bn, or of £1,000 typed for
    // £1,000,000) change every figure of the run: said on stderr too, not only on the Data quality sheet
    fallbacks.push(...r.implausible, ...(r.unreconciled ? [r.unreconciled] : []));
    suspect.push(...r.implausible);
    // another year's top-ups far from the base year's: probably wrong, and said beside the budget table (spendNotes)
    if (r.apart && r.unreconciled) apart.push(r.unreconciled);
  }
  const unit = resolveUnitCosts(tables.unitCosts);
  warnings.push(...unit.warnings);
  const anchored = anchorOpening(opening, (balance) => budgetPath(projection, tables, params, unit, balance));
  const path = anchored.path;
  warnings.push(...anchored.warnings);
  fallbacks.push(...anchored.warnings);
  warnings.push(...path.warnings);
  fallbacks.push(...path.fallbacks);
  // a block in the wrong units (typed in £ thousands or millions) gave a deficit the size of the whole spend, believed
  // so did other spend in £ thousands, the other way: £7.9m a year out of the sample's spend, unremarked
  // and an opening balance in £ thousands, or a deficit written positive: every cumulative balance off by it, unremarked
  const openingRow = tables.openingBalances.find((r) => r.fy === (opening.fromFy ?? opening.fy));
  // and place rates per term (a third of the national rate) or holding the top-up, place funding off by millions a year
  const rates = placeRatesOffNational(tables.places);
  const scale = [...blockAgainstSpend(tables.funding, path.lines), ...otherSpendAgainstSpend(tables.otherSpend, path.lines), ...openingAgainstBlock(openingRow, path.lines),
    ...(rates.length > 0 ? [placeRatesOffNote(rates, financialYearLabel, PLACE_RATE_BAND)] : [])];
  warnings.push(...scale);
  fallbacks.push(...scale);
  suspect.push(...scale);
  const resolved = { balance: anchored.balance, fy: opening.fy, fromFy: opening.fromFy, ...(anchored.anchored ? { anchored: true } : {}), ...(anchored.outOfScale ? { outOfScale: anchored.outOfScale } : {}) };
  suspect.push(...apart);
  return { params, tables, unit, fys, opening: resolved, path, reconciliation, warnings, fallbacks, suspect, spendNotes: [...apart, ...scale] };
}

/**
 * The central path from the opening balance, or, when the opening-balance table's only figures are for years the run
 * projects (`fromFy` from the first on), from the opening that makes the cumulative balance equal the table's figure
 * at the end of `fromFy`: that figure was used as the opening itself, so the in-year balances up to it were counted
 * twice (a run from January 2021 with the balance at 31 March 2022 of -£100m started from -£100m and added 2021-22's
 * deficit again). The cumulative balance is linear in the opening, so one path at the table's figure gives it.
 * The opening worked back is only as good as the in-year balances it is worked back over: `outOfScale` names the first
 * of those years whose block is outside BLOCK_TO_SPEND of its modelled spend (the run refuses it, gates.ts checkBudget:
 * the sample from January 2022 with its block typed in £ thousands worked back a surplus of £157m at 31 March 2022).
 */
function anchorOpening(
  opening: OpeningResolved,
  priced: (balance: number) => ReturnType<typeof budgetPath>,
): { balance: number; path: ReturnType<typeof budgetPath>; warnings: string[]; anchored?: boolean; outOfScale?: OpeningOutOfScale } {
  const first = priced(opening.balance);
  const fromFy = opening.fromFy;
  if (fromFy === undefined || fromFy <= opening.fy) return { balance: opening.balance, path: first, warnings: [] };
  const at = first.lines.find((l) => l.fy === fromFy);
  // a figure for a year after the horizon: nothing of the run reaches it (said as before, and used as the opening)
  if (!at) return { balance: opening.balance, path: first, warnings: [openingBalanceYearMismatch(financialYearLabel(fromFy), financialYearLabel(opening.fy))] };
  const balance = opening.balance - (at.cumulativeBalance - opening.balance);
  const worked = first.lines.filter((l) => l.fy <= fromFy);
  const off = worked.find(blockOutOfScaleWithSpend);
  return {
    balance,
    anchored: true,
    ...(off ? { outOfScale: { fy: off.fy, hnBlock: off.hnBlock, expenditure: off.expenditure } } : {}),
    path: priced(balance),
    warnings: [openingBalanceAnchored(financialYearLabel(fromFy), financialYearLabel(opening.fy), opening.balance, balance)],
  };
}

/**
 * Runs the budget model.
 * @example const budget = runBudget({ scenario, tables, projection, unmitigatedProjection });
 *          budget.lines[0].expenditure // central expenditure of the base year's financial year
 */
export function runBudget(inputs: BudgetInputs): BudgetResult {
  const { scenario, projection } = inputs;
  const { params, tables, unit, fys, opening, path, reconciliation, warnings, fallbacks, suspect, spendNotes } = prepareBudget(inputs);
  const levels = scenario.uncertainty?.quantiles ?? [0.1, 0.5, 0.9];
  const q = budgetQuantiles(path, projection, tables, unit, params, opening.balance, levels);
  warnings.push(...q.warnings);
  const gf = generalFund(path, opening.balance, params.interestRate, tables.reserves ?? []);
  const over = gf.years.find((y) => y.fy === gf.firstYearDeficitExceedsReserves);
  if (over) warnings.push(deficitExceedsReserves(financialYearLabel(over.fy), -over.dsgBalance, over.usableReserves ?? 0));
  // reserves in £ thousands put the deficit above them from the first year, at thousands of percent, unremarked
  const gap = placesVsPlans(path, unit, params);
  // and places typed with a digit too many or too few, place funding off by millions a year
  const reference = inputs.referenceProjection ?? inputs.unmitigatedProjection ?? projection;
  // a placement's cost per plan far from the published figure for its kind (unit costs per term: the sample's spend
  // £36m against £69m and a surplus at March 2028, unremarked), on the data's own base census, the table's own figures
  // (scaled to an outturn, the sample's ISS ×10 moved its NMSS fee to £7,829 and the note named NMSS)
  const census = reference.central[0];
  const asGiven = reconciliation ? resolveUnitCosts(inputs.tables.unitCosts) : unit;
  const costOff = census && fys.length > 0 ? withOutturnScale(costPerPlanOffReference(asGiven, census, tables.places, fys[0]!, inputs.tables.unitCosts), reconciliation) : [];
  const places = placesAgainstPlans(tables.places, fyPlansByPlacement(reference, params.changeMonth));
  // top-ups per term with fees per year: each top-up under its figure, the block meeting the spend (sample: a surplus);
  // not where the outturn scaled a line (an outturn of another year scales none)
  const low = !reconciliation?.some((l) => l.scale !== undefined) && census && fys.length > 0 ? topUpsLowTogether(asGiven, census, tables.places, fys[0]!, tables.funding, path.lines) : undefined;
  spendNotes.unshift(...(costOff.length > 0 ? [costPerPlanOffNote(costOff, fys[0]!)] : []), ...(low ? [topUpsLowNote(low, fys[0]!, TOP_UPS_LOW)] : []));
  spendNotes.push(...places);
  const scaleNotes = [...spendNotes.filter((n) => !suspect.includes(n)), ...reservesAgainstBlock(tables.reserves ?? [], path.lines)];
  warnings.push(...scaleNotes);
  fallbacks.push(...scaleNotes);
  suspect.push(...scaleNotes);

  // a funding table in £ thousands: every year's deficit the whole spend (pipeline/gates.ts refuses it)
  const beyondUnits = blockBeyondUnits(tables.funding, path.lines);
  const result: BudgetResult = {
    financialYears: fys,
    lines: path.lines,
    expenditureQuantiles: q.expenditure,
    inYearQuantiles: q.inYear,
    cumulativeQuantiles: q.cumulative,
    openingBalance: opening.balance,
    openingBalanceFy: opening.fy,
    ...(opening.fromFy !== undefined ? { openingBalanceFromFy: opening.fromFy } : {}),
    ...(opening.anchored ? { openingBalanceAnchored: true as const } : {}),
    ...(opening.outOfScale ? { openingBalanceOutOfScale: opening.outOfScale } : {}),
    ...(beyondUnits ? { blockBeyondUnits: beyondUnits } : {}),
    balanceAtMarch2028: path.lines.find((l) => l.fy === STATUTORY_OVERRIDE_END_FY)?.cumulativeBalance,
    mitigations: [],
    sensitivity: [],
    placesVsPlans: gap,
    generalFund: gf,
    reconciliation,
    section251: { mitigated: section251Years(path) },
    goalSeek: scenario.goal_seek && {
      lever: scenario.goal_seek.lever,
      target: scenario.goal_seek.target,
      effect: scenario.goal_seek.effect,
      achievedGbp: scenario.goal_seek.achieved_gbp,
      probabilityMet: scenario.goal_seek.probability_met,
      draws: scenario.goal_seek.draws,
      fromScenario: scenario.goal_seek.from_scenario,
    },
    warnings,
    fallbacks,
    suspect,
    spendNotes,
    assumptions: budgetAssumptions({ scenario, params, tables, fys, opening, draws: projection.draws, levels }),
  };

  if (scenario.mitigations.length > 0) {
    const onlyCostLevers = scenario.mitigations.every((m) => m.kind === 'unit_cost_change');
    if (!inputs.unmitigatedProjection && !onlyCostLevers) warnings.push(unmitigatedMissing());
    const { params: plain } = budgetParams(scenario, false);
    const unmitigated = budgetPath(inputs.unmitigatedProjection ?? projection, tables, plain, unit, opening.balance);
    const solo: Record<string, BudgetPath> = {};
    for (const [name, p] of Object.entries(inputs.perLeverProjections ?? {})) solo[name] = budgetPath(p, tables, plain, unit, opening.balance);
    const paths = {
      unmitigated,
      mitigatedAtUnmitigatedPrices: budgetPath(projection, tables, plain, unit, opening.balance),
      mitigated: path,
      solo,
    };
    const m = mitigationYears(scenario.mitigations, paths, projection, params.changeMonth);
    warnings.push(...m.warnings);
    // a lever acting on plans the run does not hold: the "mitigated" figures were the unmitigated ones less its cost
    const idle = idleLevers(scenario.mitigations, m.rows, new Set(Object.keys(inputs.perLeverProjections ?? {})));
    if (idle.length > 0) {
      warnings.push(leversActOnNothing(idle));
      fallbacks.push(leversActOnNothing(idle));
      suspect.push(leversActOnNothing(idle));
    }
    // unit-cost levers taking more than the whole cost off the same plans: priced at £0, their savings past the spend
    const past = leversPastWholeCost(scenario.mitigations, fys);
    if (past) {
      const note = leversPastWholeCostNote({ ...past, fy: financialYearLabel(past.fy) });
      warnings.push(note);
      fallbacks.push(note);
      suspect.push(note);
    }
    // a lever's cost out of scale with the LA's spend (a recovery plan's pounds set for another council): said, priced as written
    const big = leversOutOfScale(m.rows, unmitigated.lines);
    if (big.length > 0) {
      const note = leverCostsOutOfScale(big.map((b) => ({ ...b, fy: financialYearLabel(b.fy) })), LEVER_COST_SHARE_NOTED);
      warnings.push(note);
      fallbacks.push(note);
      suspect.push(note);
    }
    result.unmitigated = unmitigated.lines;
    result.section251 = { mitigated: result.section251!.mitigated, unmitigated: section251Years(unmitigated) };
    result.mitigations = m.rows;
    const horizon = fys[fys.length - 1];
    result.bridges = [...new Set([STATUTORY_OVERRIDE_END_FY, horizon])]
      .filter((fy): fy is number => fy !== undefined)
      .map((fy) => mitigationBridge(m.rows, unmitigated, path, fy))
      .filter((b): b is MitigationBridge => b !== undefined);
  }

  if (scenario.sensitivity && fys.length > 0) {
    const s = sensitivity({ projection, tables, params, unit, opening: opening.balance, steps: scenario.sensitivity }, inputs.reproject);
    result.sensitivity = s.rows;
    result.sensitivityBase = { balanceAtHorizon: s.base.horizon, balanceAtMarch2028: Number.isNaN(s.base.march2028) ? undefined : s.base.march2028 };
    warnings.push(...s.warnings);
  }
  result.warnings = [...new Set(warnings)];
  return result;
}

/** Scales the unit-cost table so the base financial year of the reference path matches the Section 251 outturn. */
function reconcileTables(
  inputs: BudgetInputs,
  baseFy: number,
  opening: number,
): { tables: BudgetTables; lines: ReconciliationLine[]; warnings: string[]; implausible: string[]; unreconciled?: string; apart?: boolean } {
  const { tables, scenario } = inputs;
  const outturn = tables.outturn ?? [];
  const warnings: string[] = [];
  for (const line of new Set(outturn.map((r) => r.line))) if (!section251Code(line)) warnings.push(outturnUnknownLine(line, SECTION_251_CODES));
  const others = [...new Set(outturn.filter((r) => r.fy !== baseFy).map((r) => r.fy))].sort();
  const { params: plain } = budgetParams(scenario, false);
  // only the base financial year is compared, and each year's line depends on its own two censuses alone: price the
  // first two censuses, not the whole horizon (the explorer reconciles again on every lever move)
  const whole = inputs.referenceProjection ?? inputs.unmitigatedProjection ?? inputs.projection;
  const firstYear = { ...whole, years: whole.years.slice(0, 2), central: whole.central.slice(0, 2) };
  const base = budgetPath(firstYear, tables, plain, resolveUnitCosts(tables.unitCosts), opening);
  // no row of the base year: nothing reconciled, said on stderr too (`unreconciled`), naming the years it gives, and
  // among the figures probably wrong when a near year's top-ups are far from the base year's (top-ups per term)
  if (!outturn.some((r) => r.fy === baseFy)) {
    const apart = otherYearApart(base, outturn, baseFy);
    const none = outturnNoBaseYear(financialYearLabel(baseFy), others.map(financialYearLabel), apart);
    return { tables, lines: [], warnings: [...warnings, none], implausible: [], unreconciled: none, ...(apart.length ? { apart: true } : {}) };
  }
  if (others.length) warnings.push(outturnOtherYears(others.map(financialYearLabel), financialYearLabel(baseFy)));
  const r = reconcile(base, outturn, baseFy);
  const implausible = r.lines
    .filter((l) => l.scale !== undefined && (l.scale < PLAUSIBLE_SCALE[0] || l.scale > PLAUSIBLE_SCALE[1]))
    .map((l) => outturnImplausibleScale(l.label, l.scale!));
  // a line of £0 where the model spends on it: a blank typed as 0 more often than a nil outturn; the line is left as
  // modelled (not scaled to £0), and the reader is told the base year does not agree with the accounts there
  for (const l of r.lines) if (l.outturn === 0 && l.modelled > 0) implausible.push(outturnZero(l.label, financialYearLabel(baseFy), l.modelled, 'placements' in SECTION_251_LINES[l.line as Section251Code]));
  warnings.push(...implausible);
  return { tables: { ...tables, unitCosts: scaledUnitCosts(tables.unitCosts, r.scale) }, lines: r.lines, warnings, implausible };
}

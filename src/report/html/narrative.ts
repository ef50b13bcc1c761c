/**
 * The report's plain-English text, generated from the numbers. Pure: RunReport → paragraphs (plain text; the
 * HTML builder escapes it).
 */
import { financialYearLabel, Need, NEEDS, reorganisationOf, STATUTORY_OVERRIDE_END_FY } from '../../domain/index.ts';
import { countDirection, fmtBalance, fmtCount, fmtMoney, fmtPercent } from '../format.ts';
import { budgetMsg, reportMsg } from '../../messages/index.ts';
import { hasBudget, type BacktestRow, type BudgetedReport, type RunReport } from '../run-report.ts';
import { surgeInData } from '../surge-words.ts';
import { ageShapeAt } from '../../model/estimate/aggregate.ts';
import {
  backtestMethodName,
  beyondScored,
  balanceAt,
  byGroup,
  basePlans,
  baseObserved,
  historyYears,
  horizonFy,
  isInteractionLine,
  isModelMethod,
  movesObserved,
  needsRecorded,
  netSavingByLever,
  plansByAge,
  plansByNeed,
  plansByPlacement,
  sensitivityBySwing,
  sumAges,
  unmitigatedBalance,
  successorOf,
} from '../series.ts';
import { counted } from '../../util/plural.ts';
import { SHARE_FROM_FORECASTS } from '../../model/backtest/metrics.ts';
import { surgePeakYear } from '../../model/levers/surge.ts';
import { possessive } from '../../util/possessive.ts';
import { unheldPlacementWords } from '../unheld-placements.ts';

/** Compound yearly growth from a to b over n years. */
function cagr(a: number, b: number, n: number): number {
  return n > 0 && a > 0 ? Math.pow(b / a, 1 / n) - 1 : 0;
}

/**
 * What the data show. With suppression (`suppressBelow`) the trend starts after the last small total before the base
 * year, as the fan chart does: a growth rate from a small total gives it back ('up from fewer than 10 in January 2010:
 * growth of 12.2% a year … over 12 years' from 16 is 4).
 */
export function dataParagraphs(r: RunReport, suppressBelow?: number): string[] {
  const hist = historyYears(r, suppressBelow);
  const base = basePlans(r);
  const out: string[] = [];
  if (hist.length) {
    const y0 = hist[0]!;
    const n0 = r.dataset.stockTotal[y0]!;
    const g = cagr(n0, base, r.baseYear - y0);
    const years = r.baseYear - y0;
    const since = {
      up: `up from ${fmtCount(n0)} in January ${y0}: growth of ${fmtPercent(g)} a year on average over ${counted(years, 'year')}`,
      down: `down from ${fmtCount(n0)} in January ${y0}: a fall of ${fmtPercent(-g)} a year on average over ${counted(years, 'year')}`,
      same: `as many as in January ${y0}`,
    }[countDirection(n0, base)];
    out.push(`In January ${r.baseYear} ${r.la.name} maintained ${fmtCount(base)} EHC plans, ${since}.`);
    const y5 = r.baseYear - 5;
    const n5 = r.dataset.stockTotal[y5];
    // the five years only where the trend above does not already start there (shown, and not said twice)
    if (n5 && hist.includes(y5) && y5 !== hist[0]) {
      const g5 = cagr(n5, base, 5);
      out.push({
        up: `Over the last five years alone plans grew by ${fmtPercent(g5)} a year, from ${fmtCount(n5)} in January ${y5}.`,
        down: `Over the last five years alone plans fell by ${fmtPercent(-g5)} a year, from ${fmtCount(n5)} in January ${y5}.`,
        same: `Over the last five years alone plans did not change: ${fmtCount(n5)} in January ${y5}.`,
      }[countDirection(n5, base)]);
    }
  } else {
    // a council a reorganisation made: its forecast reads its predecessors' history (model/reorganise.ts), so "no trend" is not so
    const made = reorganisationOf(r.la.oldCode);
    if (made && made.to.includes(r.la.oldCode) && made.fromCensusYear <= r.baseYear)
      out.push(reportMsg.successorWithoutOwnHistory(r.la.name, r.baseYear, fmtCount(base), made.fromCensusYear, made.note));
    else out.push(`In January ${r.baseYear} ${r.la.name} maintained ${fmtCount(base)} EHC plans. The data loaded has no earlier totals to show a trend.`);
  }
  const byP = plansByPlacement(r, r.baseYear);
  const pTot = byP ? Object.values(byP).reduce((a, b) => a + b, 0) : 0;
  if (byP && pTot > 0) {
    const g = byGroup(byP);
    const tot = pTot;
    // placements of an earlier January (none given for this one) are the model's estimate, and read as one
    out.push(reportMsg.basePlacementShares(r.baseYear, !baseObserved(r, 'placement'), tot, { mainstream: g.MAINSTREAM, stateSpecial: g.STATE_SPECIAL, independentSpecial: g.INDEPENDENT_SPECIAL }));
  }
  out.push(...unheldPlacementWords(r));
  const byN = plansByNeed(r, r.baseYear);
  if (!needsRecorded(r)) out.push(reportMsg.needsNotRecorded());
  else if (byN) {
    const tot = NEEDS.reduce((s, n) => s + byN[n], 0);
    const top = [...NEEDS].sort((a, b) => byN[b] - byN[a]).slice(0, 2);
    if (tot > 0) out.push(reportMsg.topNeeds(tot, top.map((n) => ({ label: Need[n].label.toLowerCase(), plans: byN[n] }))));
  }
  return out;
}

export function scenarioParagraphs(r: RunReport): string[] {
  const s = r.scenario;
  const money = hasBudget(r);
  const out: string[] = [];
  out.push(`Scenario “${s.name}” (id ${s.id}, from ${s.file}). ${s.description ?? ''}`.trim());
  const growth = r.projection.assumptions.find((a) => a.key.endsWith('incidence_growth'));
  out.push(
    `It projects ${counted(s.horizon_years, 'year')} from January ${r.baseYear}` +
      (growth ? `, with new plans growing by ${fmtPercent(Number(growth.value))} a year at first (${growth.source === 'data' ? 'estimated from the data' : `set by the ${growth.source}`})` : '') +
      '.' +
      // a demand-only run prices nothing: its report names no costs, inflation or funding (cli.md --demand-only)
      (money
        ? ` Unit costs rise with inflation of ${typeof s.costs.inflation === 'number' ? fmtPercent(s.costs.inflation) : 'the rates set per placement or year'} a year and the High Needs block grows by ${fmtPercent(s.funding.growth)} a year after the years in the funding table.`
        : ''),
  );
  if (s.surges.length)
    out.push(
      `It includes ${s.surges.length === 1 ? 'a surge' : `${s.surges.length} surges`} in new plans: ` +
        s.surges.map((x) => `${x.name} (up to ${fmtPercent(x.peak_uplift, 0)} more new plans, peaking in ${surgePeakYear(x)})`).join('; ') +
        '.',
      ...s.surges.flatMap((x) => surgeInData(x, r.baseYear) ?? []),
    );
  if (s.mitigations.length)
    out.push(
      `It assumes ${s.mitigations.length} mitigations: ` +
        s.mitigations
          .map((m) => `${m.name} from ${m.start_year}${m.ramp_years ? `, reaching full effect over ${counted(m.ramp_years, 'year')}` : ''}, delivering ${fmtPercent(m.delivery, 0)} of its planned effect${money && m.cost_gbp_per_year ? ` at a cost of ${fmtMoney(m.cost_gbp_per_year)} a year` : ''}`)
          .join('; ') +
        '.',
    );
  else out.push('It assumes no mitigations: it shows current trends continuing.');
  return out;
}

export function pathParagraphs(r: BudgetedReport): string[] {
  const b = r.budget;
  const hz = horizonFy(r);
  const first = b.lines[0]!;
  const last = b.lines[b.lines.length - 1]!;
  const lastYear = r.projection.years[r.projection.years.length - 1]!;
  const q = r.projection.totalQuantiles[r.projection.totalQuantiles.length - 1]!;
  const out = [
    `On the central path plans reach ${fmtCount(q.p50)} by January ${lastYear}. High Needs spending rises from ${fmtMoney(first.expenditure)} in ${financialYearLabel(first.fy)} ` +
      `to ${fmtMoney(last.expenditure)} in ${financialYearLabel(last.fy)}, while income rises from ${fmtMoney(first.income)} to ${fmtMoney(last.income)}.`,
    `The in-year balance is ${fmtBalance(first.inYearBalance).replace('a deficit', 'an overspend').replace('a surplus', 'an underspend')} in ${financialYearLabel(first.fy)} ` +
      `and ${fmtBalance(last.inYearBalance).replace('a deficit', 'an overspend').replace('a surplus', 'an underspend')} in ${financialYearLabel(last.fy)}; ` +
      `starting from ${fmtBalance(b.openingBalance)} at 31 March ${b.openingBalanceFy + 1}${budgetMsg.openingStandsIn(b.openingBalanceFromFy, b.openingBalanceAnchored)}, the cumulative DSG balance reaches ${fmtBalance(last.cumulativeBalance)} by 31 March ${hz + 1}.`,
  ];
  const uHz = unmitigatedBalance(r, hz);
  if (uHz !== undefined) {
    out.push(
      `Without the mitigations (current trends) the cumulative balance would be ${fmtBalance(uHz)} by 31 March ${hz + 1}; the mitigations improve it by ${fmtMoney(last.cumulativeBalance - uHz)}.`,
    );
  }
  return out;
}

export function march2028Paragraphs(r: BudgetedReport): string[] {
  const b28 = balanceAt(r, STATUTORY_OVERRIDE_END_FY);
  if (b28 === undefined) return [`This run does not cover 31 March 2028, the end of the statutory override.`];
  const i = r.budget.financialYears.indexOf(STATUTORY_OVERRIDE_END_FY);
  const q = r.budget.cumulativeQuantiles[i]!;
  const u28 = unmitigatedBalance(r, STATUTORY_OVERRIDE_END_FY);
  const out = [
    `The statutory override that keeps DSG deficits off the council’s general fund ends on 31 March 2028. On the central path the cumulative DSG balance then is ${fmtBalance(b28)}` +
      (u28 !== undefined ? ` (${fmtBalance(u28)} without mitigations)` : '') +
      (r.projection.draws > 0 ? `. In 8 out of 10 outcomes it lies between ${fmtBalance(q.p10)} and ${fmtBalance(q.p90)}.` : '.'),
  ];
  if (b28 < 0) {
    const inc = r.budget.lines[i]!.income;
    out.push(`That deficit equals ${fmtPercent(-b28 / inc, 0)} of a year’s High Needs income in ${financialYearLabel(STATUTORY_OVERRIDE_END_FY)}.`);
  }
  return out;
}

export function leverParagraphs(r: BudgetedReport): string[] {
  const hz = horizonFy(r);
  const levers = netSavingByLever(r, hz);
  if (!levers.length) return ['This scenario has no mitigations, so there are no savings to show. Run a scenario with levers to see a bridge from the unmitigated to the mitigated deficit.'];
  const total = levers.reduce((s, l) => s + l.netSaving, 0);
  const at28 = netSavingByLever(r, STATUTORY_OVERRIDE_END_FY);
  const total28 = at28.reduce((s, l) => s + l.netSaving, 0);
  const best = [...levers].filter((l) => !isInteractionLine(l.name)).sort((a, b) => b.netSaving - a.netSaving)[0] ?? levers[0]!;
  const uHz = unmitigatedBalance(r, hz);
  // a net saving below zero is a net cost: said as one ("save -£401k" read as a saving)
  const net = (x: number): string => (x >= 0 ? `save ${fmtMoney(x)} net of their delivery costs` : `cost ${fmtMoney(-x)} more than they save`);
  // by 31 March 2028 as well only when the run goes past it (otherwise it is the horizon, or beyond it)
  const by28 = hz > STATUTORY_OVERRIDE_END_FY ? `; by 31 March 2028 they ${net(total28)}${total28 < 0 ? ' (their delivery costs come before their savings)' : ''}` : '';
  return [
    `Together the levers ${net(total)} by 31 March ${hz + 1}${by28}.` +
      (uHz !== undefined && uHz < 0 && total > 0 ? ` The ${fmtMoney(total)} is ${fmtPercent(total / -uHz, 0)} of the unmitigated deficit at 31 March ${hz + 1}.` : ''),
    `The largest is ${best.name}: ${fmtMoney(best.spendAvoided)} of spending avoided for ${fmtMoney(best.deliveryCost)} of delivery cost.` +
      ' Recovery plans most often fail because mitigations arrive later and smaller than planned; the delivery shares and ramps above are the assumptions to test first.',
  ];
}

export function uncertaintyParagraphs(r: RunReport): string[] {
  const q = r.projection.totalQuantiles[r.projection.totalQuantiles.length - 1]!;
  const lastYear = r.projection.years[r.projection.years.length - 1]!;
  const plans = `The forecast is uncertain and the uncertainty grows with time. From ${fmtCount(r.projection.draws)} simulated futures, plans in January ${lastYear} lie between ${fmtCount(q.p10)} and ${fmtCount(q.p90)} in 8 cases out of 10`;
  const scored = beyondScored(r, 'report');
  // a deterministic run (--draws 0) has no range: 'From 0 simulated futures … between 5,257 and 5,257 in 8 cases out of 10'
  // read as a forecast known to the plan
  const none = r.projection.draws === 0 ? [reportMsg.noRangeWithoutDraws(lastYear)] : undefined;
  if (!hasBudget(r)) return none ? [...none, ...scored] : [`${plans}.`, ...scored];
  const hz = horizonFy(r);
  const cq = r.budget.cumulativeQuantiles[r.budget.cumulativeQuantiles.length - 1]!;
  const out = none ? [...none, ...scored] : [`${plans}, and the cumulative balance at 31 March ${hz + 1} between ${fmtBalance(cq.p10)} and ${fmtBalance(cq.p90)}.`, ...scored];
  const s = sensitivityBySwing(r, 'horizon');
  if (s.length >= 2)
    out.push(
      `The assumptions that move the deficit most are ${s[0]!.assumption.toLowerCase()} (${s[0]!.change}: a swing of ${fmtMoney(s[0]!.swing)}) and ` +
        `${s[1]!.assumption.toLowerCase()} (${s[1]!.change}: ${fmtMoney(s[1]!.swing)}).`,
    );
  return out;
}

/** The plans-only path of a demand-only run (its money chapters are left out). */
export function plansPathParagraphs(r: RunReport): string[] {
  const q = r.projection.totalQuantiles;
  const first = q[0]!.p50;
  const last = q[q.length - 1]!.p50;
  const lastYear = r.projection.years[r.projection.years.length - 1]!;
  const n = lastYear - r.baseYear;
  return [
    `On the central path plans go from ${fmtCount(first)} in January ${r.baseYear} to ${fmtCount(last)} by January ${lastYear}: ${fmtPercent(cagr(first, last, n))} a year on average over ${counted(n, 'year')}.`,
    reportMsg.demandOnlyNote(),
  ];
}

export function transitionParagraphs(r: RunReport): string[] {
  if (!movesObserved(r)) return [reportMsg.transitionsNeedPersonData(), ...ageParagraphs(r)];
  const y = r.baseYear + 1;
  const t = r.projection.transitions.find((x) => x.transition === 'Y6-Y7' && x.year === y);
  const out: string[] = [];
  if (t) {
    // the children the Sankey draws: plans carried on from Year 6 (new plans at the step are counted apart)
    const continuing = t.moves.reduce((s, m) => s + m.count, 0);
    const moved = t.moves.filter((m) => m.from !== m.to).reduce((s, m) => s + m.count, 0);
    out.push(
      `Of ${fmtCount(continuing)} children with plans moving from Year 6 to Year 7 in September ${y - 1}, ${fmtCount(moved)} (${fmtPercent(continuing ? moved / continuing : 0, 0)}) are projected to change type of setting` +
        (t.newPlans >= 0.5 ? `; a further ${fmtCount(t.newPlans)} new plans start at this step.` : '.'),
    );
  }
  return [...out, ...ageParagraphs(r)];
}

function ageParagraphs(r: RunReport): string[] {
  const now = plansByAge(r, r.baseYear);
  const last = r.projection.years[r.projection.years.length - 1]!;
  const then = plansByAge(r, last);
  if (!now || !then) return [];
  // an LA whose data hold no ages (a release with totals only) has its plans spread over ages like a reference
  // series, and its new plans too: its ages, and how they grow, are the reference's, not its own
  const borrowed = r.dataset.stockCube[r.baseYear] === undefined && !ageShapeAt(r.dataset, r.baseYear);
  return [
    `Plans for young people aged 16 to 25 go from ${fmtCount(sumAges(now, 16, 25))} to ${fmtCount(sumAges(then, 16, 25))} by January ${last}, ` +
      `and plans for children under 5 from ${fmtCount(sumAges(now, 0, 4))} to ${fmtCount(sumAges(then, 0, 4))}.` +
      (borrowed ? ` These are estimates: the data hold no ages of ${possessive(r.la.name)} plans, so they and its new plans are spread over ages like a reference series (the Data quality sheet says which).` : ''),
  ];
}

export function accuracyParagraphs(r: RunReport): string[] {
  if (!r.backtest.length && !r.backtestAll) {
    return ['The data hold too short a history to score this forecast on past years (the backtest needs five years before its first starting year), so its accuracy is not known here.'];
  }
  const out = [
    'The model that produced this run, with the same pooling, damping and calibrated ranges, was re-run from earlier years using only the data available then.',
    ...scoreSentences(r.backtest, `On ${reportMsg.trackRecordScope(r.la.name, successorOf(r))}`),
  ];
  if (r.backtestAll) out.push(...scoreSentences(r.backtestAll.rows, `Across ${reportMsg.scoredAcross(r.backtestAll.las)}`));
  return out;
}

function scoreSentences(rows: readonly BacktestRow[], scope: string): string[] {
  const out: string[] = [];
  const horizons = [...new Set(rows.map((b) => b.horizon))].sort((a, b) => a - b);
  for (const h of horizons) {
    const atH = rows.filter((b) => b.horizon === h);
    const model = atH.find((b) => isModelMethod(b.method));
    const baselines = atH.filter((b) => b !== model).sort((a, b) => a.mape - b.mape);
    if (!model) continue;
    const best = baselines[0];
    out.push(
      `${scope}, ${h} year${h > 1 ? 's' : ''} ahead, the model’s forecasts of total plans were out by ${fmtPercent(model.mape)} on average (${model.n} forecast${model.n === 1 ? '' : 's'})` +
        (best
          ? `; ${comparedWords(model.mape, best.mape)} the best simple method, ${backtestMethodName(best.method).toLowerCase()}, at ${fmtPercent(best.mape)}`
          : '') +
        (Number.isFinite(model.coverage80) ? `; ${coverageWords(model.coverage80, model.n)} fell inside its 80% range` : '') +
        '.',
    );
  }
  return out;
}

/** The model's error against a baseline's, judged as printed: "better than 2.1%" of a model shown out by 2.1% read false. */
function comparedWords(model: number, baseline: number): string {
  const [m, b] = [fmtPercent(model), fmtPercent(baseline)];
  if (m === b) return 'as accurate as';
  return model < baseline ? 'better than' : 'less accurate than';
}

/**
 * How many outcomes fell inside the range: a share from ten forecasts on (SHARE_FROM_FORECASTS, as `backtest` prints
 * it), below that the count ("1 of 2 outcomes"), since "0%" or "100%" of one or two forecasts reads as a finding it is not.
 */
function coverageWords(share: number, n: number): string {
  if (n >= SHARE_FROM_FORECASTS) return `${fmtPercent(share, 0)} of outcomes`;
  return `${Math.round(share * n)} of ${n} outcome${n === 1 ? '' : 's'}`;
}

export function caveatParagraphs(r: RunReport): string[] {
  // each warning listed counts (the same message on seven files is seven warnings); the budget's warnings are
  // among the data-quality notes, and one that is not is counted once
  const listed = r.dataQuality.filter((d) => d.severity === 'warning');
  const messages = new Set(listed.map((d) => d.message));
  const warnings = listed.length + new Set((r.budget?.warnings ?? []).filter((m) => !messages.has(m))).size;
  return [
    `These are projections, not predictions: they show what follows if the assumptions hold. ${reportMsg.centralPathNote(r.projection.draws)} The central path is not a target.`,
    `Figures after January ${r.baseYear} are modelled; figures up to then are from the data loaded (${r.inputs.length} file${r.inputs.length === 1 ? '' : 's'}). ` +
      (warnings ? `${warnings} data warning${warnings === 1 ? ' was' : 's were'} raised; they are listed below and in the workbook’s Data quality sheet.` : 'No data warnings were raised.'),
    hasBudget(r)
      ? 'Costs use the unit costs and place rates given, inflated as the scenario says; changes in the complexity of need beyond the scenario’s drift, new national funding rules and tribunal decisions are not modelled.'
      : reportMsg.demandOnlyNote(),
  ];
}


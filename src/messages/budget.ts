/**
 * User-facing messages of the budget stage: warnings, line names and the labels of the sensitivity view. Every
 * message says what was found and what the model did about it.
 */
export const STAGE = 'budget';

/** £1,234,567 (negative: -£1,234,567): the one money format of the outputs (report/format.ts). */
import { typedAsIs } from './invocation.ts';
import { fmtMoneyExact, fmtRate } from '../report/format.ts';
import { counted } from '../util/plural.ts';
import { possessive } from '../util/possessive.ts';
export const gbp = fmtMoneyExact;
export { unitCostsMissing, type UncostedLine } from './unit-costs.ts';
export { openingBalanceAnchored, openingBalanceInOtherUnits, openingBalanceYearMismatch, openingSurplusBesideOverspend, openingBarNote, openingOnAxis, openingStandsIn, openingWorkedBackOutOfScale } from './opening-balance.ts';
export { blockInOtherUnits, blockOutOfScale, blockWellAboveSpend } from './funding-block.ts';
export { leverCostsOutOfScale, leversActOnNothing, otherSpendOutOfScale, placeRatesOffNational, placesOutOfScale, reservesOutOfScale, type PlacesOffPlans } from './money-scale.ts';

/** 0.035 → 3.5% (report/format.ts fmtRate). */
export const pct = fmtRate;

export function unknownInflationKey(key: string): string {
  return `costs.inflation: '${key}' is not a placement code, a financial year (2026-27) or 'default'; it is ignored.`;
}

export function duplicateUnitCost(placement: string, phase?: string, need?: string): string {
  return `Unit costs: more than one row for ${placement}, phase ${phase ?? 'all'}, need ${need ?? 'all'}; the last row is used.`;
}

export function uncostedPlans(placement: string, plans: number, year: number, hasRows: boolean): string {
  const why = hasRows ? `no unit-cost row matches some of its plans (by phase or need)` : `the unit-cost table has no row for it`;
  return `Unit costs: ${placement} — ${why}; up to ${Math.round(plans).toLocaleString('en-GB')} plans (census ${year}) are costed at £0. Add a row for ${placement} to the unit-cost table.`;
}

/** Plans in a placement the block pays for, priced by a unit-cost row of £0. */
export function zeroUnitCost(placement: string, plans: number, year: number): string {
  return (
    `Unit costs: ${placement} — the unit-cost table gives £0 a plan-year for some or all of its plans; up to ${Math.round(plans).toLocaleString('en-GB')} plans (census ${year}) ` +
    `are costed at £0, as given. If the council pays nothing for them leave it; if the cost is not known yet, enter an estimate (a £0 row is read as the cost, not as missing).`
  );
}

/** A capacity change that adds places without saying what they cost to build. */
export function capitalCostNotGiven(places: number, placement: string, year: number): string {
  return `Capacity: ${places.toLocaleString('en-GB')} new ${placement} places from January ${year} have no capital_cost_gbp in the scenario; their one-off capital cost is left out of the general-fund view (shown empty, not £0). Add capital_cost_gbp to the capacity change to count it.`;
}

const DELIVERY_LINE = 'Mitigation delivery: ';
export function deliveryLineName(lever: string): string {
  return `${DELIVERY_LINE}${lever}`;
}
/** Whether an other-spend line is a lever's delivery cost (deliveryLineName). */
export function isDeliveryLineName(line: string): boolean {
  return line.startsWith(DELIVERY_LINE);
}

/** One note for every year before the funding table's first (the same words each year, so said once). */
export function fundingBeforeTable(first: string, growth: number): string {
  return `Funding: the funding table starts in ${first}; the High Needs block of each year of the run before it is the ${first} figure taken back at the funding growth rate (${pct(growth)} a year). Add rows for those years.`;
}

/** A series of a money table with years filled from an earlier row, or left at £0 before its first (budget/table-years.ts). */
export interface FilledSeries {
  /** The block allocation, a placement code, a line of other spend. */
  name: string;
  /** Runs of filled years ('2026-27', '2025-26 to 2030-31') and the row's year they come from. */
  years: Array<{ years: string; from: string }>;
  /** When the series' last row is before the run's first financial year. */
  endsBefore?: { last: string; firstFy: string };
  /** The run's years before the series' first row, left at £0 (places, other spend: a series starting after its table). */
  zeroBefore?: { years: string; first: string };
  /** The run's years before the table's first year, taken back from the series' first row (places, other spend). */
  takenBack?: { years: string; first: string };
}

/** How each table fills a year that has no row (docs/budget.md §4–6). */
const FILLED_HOW: Record<'funding' | 'places' | 'other spend', (growth: number) => string> = {
  funding: (g) =>
    `its High Needs block is the latest earlier row's grown by funding.growth (${pct(g)} a year), and its schools block transfer, import/export adjustment and other income are £0 unless the scenario sets them or carries them forward`,
  places: () => `its places and place rate are the latest earlier row's, unchanged`,
  'other spend': () => `its amount is the latest earlier row's, inflated at the general rate`,
};

/** How the places and other-spend tables fill the years before their first year. */
const BACK_HOW: Record<'places' | 'other spend', string> = {
  places: `its places and place rate unchanged`,
  'other spend': `its amount deflated at the general rate`,
};

/**
 * A money table fills years of the run from an earlier row (a missing middle year, a table that ends before the run
 * starts) or leaves them at £0 (before a series' first row). Names the years, the row each comes from and how, and
 * what to do.
 */
export function tableYearsFilled(table: 'funding' | 'places' | 'other spend', series: FilledSeries[], growth: number): string {
  const file = table === 'funding' ? 'funding' : table === 'places' ? 'places' : 'other-spend';
  const carried = series.some((s) => s.years.length > 0);
  const zero = series.some((s) => s.zeroBefore);
  const back = table !== 'funding' && series.some((s) => s.takenBack);
  const how = [
    ...(carried ? [`a year with no row of its own is filled from an earlier row: ${FILLED_HOW[table](growth)}`] : []),
    ...(back ? [`a year before the table's first year takes a ${table === 'places' ? 'placement' : 'line'}'s first row, ${BACK_HOW[table]}`] : []),
    ...(zero ? [`a year before a ${table === 'places' ? 'placement' : 'line'}'s first row, when the table starts earlier, is £0`] : []),
  ].join('; ');
  const each = series.map((s) => {
    const parts = [
      ...(s.takenBack ? [`${s.takenBack.years} (taken back from ${s.takenBack.first})`] : []),
      ...(s.zeroBefore ? [`£0 in ${s.zeroBefore.years} (its first row is ${s.zeroBefore.first})`] : []),
      ...s.years.map((r) => `${r.years} (from ${r.from})`),
    ];
    const ends = s.endsBefore ? `; its last row is ${s.endsBefore.last}, before the run's first financial year ${s.endsBefore.firstFy}` : '';
    return `${s.name}: ${parts.join(', ')}${ends}`;
  });
  return (
    `${table === 'funding' ? 'Funding' : table === 'places' ? 'Place funding' : 'Other spend'}: the ${file} table has no row of its own for some years of the run; ` +
    `${how}. ${each.join('; ')}. Add rows for those years to the ${file} table if the figures are known.`
  );
}

export function noFundingTable(): string {
  return 'Funding: the funding table is empty, so income is £0 in every year. Load a funding table (financial_year, hn_block_gbp).';
}

export function schoolsBlockTransferAboveLimit(fy: string, transfer: number, schoolsBlock: number): string {
  return `Funding ${fy}: the schools block transfer of ${gbp(transfer)} is ${pct(transfer / schoolsBlock)} of the schools block (${gbp(schoolsBlock)}); above 0.5% it needs the Secretary of State's approval.`;
}

export function unitCostLeverIgnoredTarget(lever: string): string {
  return `Mitigation '${lever}': a unit-cost change applies by placement, age, phase and need; its transitions and cohorts targets are ignored.`;
}

export function noOpeningBalance(expected: string): string {
  return `Opening balance: the opening balance table is empty; the cumulative DSG balance starts from £0 at 31 March (end of ${expected}).`;
}

/** Unit costs at the prices of a year far from the run's first (price-years.ts). */
export function unitCostPriceYear(priceYear: string, rows: number, placements: string, firstFy: string, years: number, factor: number, after: boolean): string {
  const what = after
    ? `after the run's first financial year ${firstFy}: prices of a year to come, deflated by the scenario's inflation (×${factor.toFixed(2)} in ${firstFy})`
    : `${years} years before the run's first financial year ${firstFy}: inflated by the scenario's inflation for each of those years (×${factor.toFixed(2)} in ${firstFy})`;
  return `Unit costs: ${rows} row${rows === 1 ? '' : 's'} (${placements}) ${rows === 1 ? 'is' : 'are'} at ${priceYear} prices, ${what}. Check price_year in the unit-cost table (a typo there changes every cost), or give this year's costs.`;
}

export function noOtherSpendTable(): string {
  return 'Other spend: the other-spend table is empty, so High Needs spend that is not per plan (SEN support services, hospital education, therapies, direct payments, alternative provision without a plan) is £0 in every year. Load an other-spend table (line, financial_year, amount_gbp).';
}

/** Places-table rows with places at a rate of £0 in a placement that is paid place funding (not a full fee). */
export function zeroPlaceRate(placement: string, places: number, fys: string, national: number | undefined): string {
  return (
    `Place funding: ${placement} has ${places.toLocaleString('en-GB')} places at a place rate of £0 in ${fys}, so they add no place funding, as given. ` +
    `Commissioned places are funded${national ? ` (${fmtMoneyExact(national)} a place for ${placement} nationally)` : ''}; if the rate is not known, enter the national rate (a £0 rate is read as the rate, not as missing).`
  );
}

/** Places given (places table or capacity change) to a placement paid a full fee per plan, whose place funding is left out. */
export function placeFundingOnFullFee(placement: string, places: number, money: number, fy: string): string {
  return (
    `Place funding: ${placement} is paid a full fee per plan (its unit cost is the whole cost of the place), so its ` +
    `${places.toLocaleString('en-GB')} places in ${fy} add no place funding; places × place rate (${fmtMoneyExact(money)} that year) would count each place twice. ` +
    `They still count as ${possessive(placement)} places. If the ${placement} unit cost you gave is only a top-up above place funding, add the place rate to it.`
  );
}

export function noPlacesTable(): string {
  return 'Place funding: the places table is empty, so place funding is £0 in every year (special schools and resourced provision are paid their top-ups only). Load a places table (placement, financial_year, places, place_rate_gbp).';
}

export function drawShapeMismatch(length: number, draws: number, years: number, placements: number): string {
  return `Monte Carlo: the projection has ${length} draw totals, not ${draws} draws × ${years} years × ${placements} placements = ${draws * years * placements}; the budget quantiles are the central path only. This is a bug: please report it.`;
}

export function mitigationShiftNotSeparable(lever: string): string {
  return `Mitigation '${lever}': its saving cannot be separated from the other demand levers without a run of its own, so the demand levers' combined saving is shown on the interaction line.`;
}

export function mitigationPlansNotReported(levers: string[]): string {
  return `Mitigations: the projection reports no plans avoided by ${levers.map((l) => `'${l}'`).join(', ')} in some years, so their saving there is shown on the interaction line.`;
}

export function unmitigatedMissing(): string {
  return 'Mitigations: no unmitigated projection was given, so the savings of demand levers (fewer requests, conversion, ceasing, placement shifts) are not shown.';
}

export function sensitivityNeedsEngine(): string {
  return 'Sensitivity: incidence growth, ISS share and ceasing at 16–19 need re-runs of the projection and were not computed.';
}

const SENSITIVITY_LABELS: Record<string, string> = {
  incidence_growth: 'Growth in new plans',
  iss_share: 'Share of placements in independent special schools',
  ceasing_16_19: 'Plans ceasing at 16–19',
  inflation: 'Inflation of unit costs and other spend',
  unit_costs: 'Unit costs',
  funding_growth: 'Growth of the High Needs block',
};

export function sensitivityLabel(key: string): string {
  return SENSITIVITY_LABELS[key] ?? key;
}

/** The move applied by a sensitivity row, in words: "±2 pp a year". */
export function sensitivityChange(key: string, step: number): string {
  const pp = `±${Number((step * 100).toFixed(4))} pp a year`;
  const rel = `±${Number((step * 100).toFixed(4))}%`;
  switch (key) {
    case 'incidence_growth':
      return `${pp} on incidence growth`;
    case 'iss_share':
      return `${rel} on the share of placements into ISS`;
    case 'ceasing_16_19':
      return `${rel} on ceasing rates at ages 16–19`;
    case 'inflation':
      return `${pp} on every inflation rate`;
    case 'unit_costs':
      return `${rel} on every unit cost`;
    case 'funding_growth':
      return `${pp} on High Needs block growth`;
    default:
      return rel;
  }
}

/** A money table `run` needs for a budget, and what the data folder holds of it. */
export interface MissingMoneyTable {
  /** The file `highneeds init` writes for it (unit_costs.csv). */
  file: string;
  header: string;
  about: string;
  /** The loaded file that had no rows, when there was one. */
  emptyFile?: string;
  /** The file of the folder with the starter's name that no reader recognised, and why (a column misspelt, say). */
  unread?: { path: string; message: string };
}

/**
 * The sanity gate on money tables: which to fill, where, and the demand-only way round. `unread` are the files of
 * the folder no reader recognised (one of them may be the table, its header broken): named, since a run says nothing
 * else about them before it stops.
 */
export function moneyTablesMissing(dataDir: string, tables: MissingMoneyTable[], unread: ReadonlyArray<{ path: string; message: string }> = [], command: MoneyCommand = 'run'): string {
  const lines = tables.map(
    (t) =>
      `  - ${t.emptyFile ? `${t.emptyFile} has no rows` : t.unread ? `${t.unread.path} was not read: ${t.unread.message}` : `${dataDir}/${t.file} is missing`} (columns ${t.header}): ${t.about}`,
  );
  const named = new Set(tables.map((t) => t.unread?.path));
  const others = unread.filter((u) => !named.has(u.path));
  return [
    `No budget can be modelled from ${dataDir}: the money tables it needs are missing or empty, and a budget on them would show £0 of spending and a false balance. Nothing was written.`,
    ...lines,
    ...(others.length > 0 ? [`Files in ${dataDir} that no reader recognised (a table above with a column misspelt or missing, perhaps):`, ...others.map((u) => `  - ${u.path}: ${u.message}`)] : []),
    command === 'run'
      ? `Fill them in and run again, or run with --demand-only to project plans without money (no costs, funding or balances anywhere).`
      : `Fill them in and run goal-seek again: it seeks a money target, so it has no --demand-only (run has, to project plans without money).`,
  ].join('\n');
}

/** run, goal-seek: money tables whose rows name no LA (`la_code` absent or empty) in data of several LAs' plans. */
export function moneyTablesNameNoLa(la: string, laCount: number, files: readonly string[]): string {
  const list = files.length <= 7 ? files.join(', ') : `${files.slice(0, 6).join(', ')} and ${files.length - 6} more`;
  return (
    `Money tables: ${list} name no LA (no la_code on ${files.length === 1 ? 'its' : 'their'} rows), and the data hold ` +
    `${laCount} LAs: ${files.length === 1 ? 'its' : 'their'} figures are used as ${possessive(la)}. If they are another LA's, this budget is ` +
    `wrong; give each row its LA's code in an la_code column (as \`highneeds init\` writes it) so that they are used for that LA only.`
  );
}

/** The command refused for its money tables: goal-seek has no --demand-only to offer. */
export type MoneyCommand = 'run' | 'goal-seek';

export function moneyTablesUnread(dataDir: string, files: ReadonlyArray<{ path: string; message: string }>, command: MoneyCommand = 'run'): string {
  return [
    files.length === 1
      ? `No budget can be modelled from ${dataDir}: a money table was not read (why is below), and a budget without it would leave its figures out. Nothing was written.`
      : `No budget can be modelled from ${dataDir}: ${files.length} money tables were not read (why is below), and a budget without them would leave their figures out. Nothing was written.`,
    ...files.map((u) => `  - ${u.path}: ${u.message}`),
    `Correct the header (the columns are in docs/inputs.md, "The project's own tables") or save the table as "CSV UTF-8 (Comma delimited)", and run again${command === 'run' ? '; or run with --demand-only to project plans without money' : ' (goal-seek seeks a money target: it has no --demand-only)'}.`,
  ].join('\n');
}

export function outturnUnknownLine(line: string, codes: string[]): string {
  return `Section 251 outturn: line '${line}' is not a known line and was ignored (known: ${codes.join(', ')}).`;
}

export function outturnImplausibleScale(label: string, scale: number): string {
  return `Section 251 outturn: '${label}' scales unit costs by ${scale.toFixed(2)}; the unit costs or the outturn line may be wrong (check which placements the line holds, docs/inputs.md).`;
}

/** A Section 251 outturn line of £0 where the model spends on that line in the base year. */
export function outturnZero(label: string, fy: string, modelled: number, perPlan: boolean): string {
  return (
    `Section 251 outturn: '${label}' is £0 for ${fy}, but the model spends ${gbp(modelled)} on it that year; ` +
    `${perPlan ? 'its unit costs were not scaled to £0 but left as given' : 'the line is compared, not scaled'}, so the base year does not agree with the accounts on this line. ` +
    `If £0 means the figure is not known, leave the row out; if the council truly spent nothing there, check ${perPlan ? 'the unit costs and which placements its plans are in' : 'the places or other-spend table that gives the line'} (docs/inputs.md).`
  );
}

export function deficitExceedsReserves(fy: string, deficit: number, reserves: number): string {
  return `The cumulative DSG deficit of ${gbp(deficit)} at the end of ${fy} exceeds the council's usable reserves of ${gbp(reserves)}.`;
}

export function goalTargetUnreadable(text: string): string {
  return `--target must be in-year-balance=AMOUNT@FY or cumulative-balance=AMOUNT@FY (pounds up to £1,000bn, with , or _ between groups of three digits; a financial year like 2028-29), e.g. in-year-balance=-20,000,000@2028-29. Got: ${text}`;
}

export function goalUnknownLever(file: string, lever: string, known: string[], suggestion?: string): string {
  return `${file}: --lever '${lever}' is not a mitigation of this scenario${suggestion ? ` (did you mean '${suggestion}'?)` : ''}. Levers: ${known.join(', ')}.`;
}

export function goalYearOutsideRun(target: string, firstFy: string, years: number): string {
  return `--target ${target}: that financial year is not in the run (${counted(years, 'year')} from ${firstFy}); choose a year inside it or raise horizon_years in the scenario.`;
}

export function goalUnreachable(lever: string, target: string, effect: number, achieved: number, range: [number, number]): string {
  return `No effect of '${lever}' from 0 to 1 meets ${target}: the lever reaches ${gbp(range[0])} at effect 0 and ${gbp(range[1])} at effect 1. The closest reachable value is ${gbp(achieved)} (effect ${effect}). Try another lever, a later year or a smaller target.`;
}

/**
 * goal-seek's answer: the effect found, the target and what the written scenario achieves, and what the effect is in
 * plans (the plans the lever avoids, and the new plans made, to the January that ends the target's year): 'effect
 * 47.12%' alone read as a finding of City of London's 1.1 new plans a year, where it is about one plan in three years.
 * Counts under 10 have one decimal, as the model's fractions of a plan are no more than that.
 * @example goalMet('new_plans', 0.4712, 'in-year-balance=-200000@2025-26', -200000, { to_census_year: 2026, avoided: 1.62, new_plans: 1.82 }, true)
 */
export function goalMet(lever: string, effect: number, target: string, achieved: number, plans: { to_census_year: number; avoided: number; new_plans: number }, newPlansLever: boolean): string {
  const count = (n: number): string => (Math.abs(n) < 10 ? n.toFixed(1) : Math.round(n).toLocaleString('en-GB'));
  const pounds = gbp(achieved);
  const inPlans = newPlansLever
    ? `${count(plans.avoided)} fewer new plans in the years to January ${plans.to_census_year} (${count(plans.new_plans)} made instead of ${count(plans.new_plans + plans.avoided)})`
    : `${count(plans.avoided)} plans avoided in the years to January ${plans.to_census_year} (${count(plans.new_plans)} new plans made)`;
  return `${lever}: effect ${(effect * 100).toFixed(2)}% meets ${target} (achieved ${pounds} on the deterministic path): ${inPlans}.`;
}

export function goalNotReproduced(file: string, target: string, value: number): string {
  return `goal-seek wrote ${file}, but running it gives ${Number.isFinite(value) ? gbp(value) : 'no value'} for ${target}, not the target within £100,000. This is a bug: please report it.`;
}

/**
 * run gate: a money figure of the budget is not a number, beyond belief, or a negative expenditure; the figure is
 * written to the pound as every other amount is (never as '£-1.01e+12').
 * @example implausibleBudget('Anyshire (999)', '2026-27', 'cumulative balance at 31 March', -1.01e12, 1e12) // '… comes to -£1,010,000,000,000, beyond £1,000,000,000,000 either way, …'
 */
export function implausibleBudget(la: string, fy: string, what: string, value: number, max: number): string {
  const shown = Number.isFinite(value) ? gbp(value) : String(value);
  return (
    `${la}: the ${what} of ${fy} comes to ${shown}${Number.isFinite(value) && Math.abs(value) > max ? `, beyond ${gbp(max)} either way` : ''}, so no outputs were written. ` +
    `This usually means a scenario rate or a money table far off (an inflation or growth of hundreds of percent a year, a unit cost, ` +
    `place count or outturn line with zeros too many); check the scenario and \`${typedAsIs('validate')}\` the tables. If they are right, please report this as a bug.`
  );
}

/**
 * Section 251 outturn lines whose reconciliation would scale unit costs by a tenth or less or ten times or more
 * (budget/section-251.ts POSSIBLE_SCALE): the run stops, naming each line, its outturn, the modelled figure and the
 * factor, and the units the outturn is most likely in.
 */
export function outturnScaleImpossible(
  la: string,
  fy: string,
  lines: ReadonlyArray<{ label: string; outturn: number; modelled: number; scale: number }>,
  files: readonly string[],
  range: readonly [number, number],
): string {
  const each = lines.map((l) => `'${l.label}' ${gbp(l.outturn)} against ${gbp(l.modelled)} modelled (×${l.scale.toPrecision(2)})`).join('; ');
  const units = lines.every((l) => l.scale * 1000 >= 0.5 && l.scale * 1000 <= 2)
    ? ' Every such line is about a thousandth of the modelled figure: the outturn is most likely in £ thousands; write it in pounds.'
    : lines.every((l) => l.scale / 1000 >= 0.5 && l.scale / 1000 <= 2)
      ? ' Every such line is about a thousand times the modelled figure: the outturn is most likely in pence, or has three zeros too many.'
      : '';
  return (
    `${la}: the Section 251 outturn${files.length ? ` (${files.join(', ')})` : ''} cannot be reconciled with the unit costs for ${fy}, so no outputs were written: ` +
    `${each}. Scaling unit costs by a factor outside ×${range[0]}–×${range[1]} would change every figure of the run by it.${units} ` +
    `Check the outturn table, the unit costs and the scenario's inflation from their price year, or set costs.reconcile_to_outturn: false in the scenario to run without the outturn.`
  );
}

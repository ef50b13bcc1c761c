/**
 * User-facing messages on the opening DSG balance (budget/opening.ts, run-budget.ts anchorOpening): a figure of the
 * opening-balance table for another date standing in, a balance worked back from a year the run projects, and the
 * words the charts, workbook and report put beside it. Re-exported by messages/budget.ts.
 */
import { fmtMoneyExact as gbp, fmtRate as pct } from '../report/format.ts';
import { counted } from '../util/plural.ts';

/** What an opening balance that is not the table's own figure for its date is (after "£x at 31 March y"). */
export function openingStandsIn(fromFy: number | undefined, anchored?: boolean): string {
  if (fromFy === undefined) return '';
  if (anchored)
    return ` (worked back from the opening-balance table's figure for 31 March ${fromFy + 1}, which the cumulative balance passes through)`;
  return ` (the opening-balance table's figure for 31 March ${fromFy + 1}, used in its place)`;
}

/**
 * The DSG balance chart's words for its first point, the opening balance: "actual" only when it is the table's own
 * figure for that date (Cumberland's chart read "2025-26 actual" of the table's 31 March 2025 figure, used in its place).
 * @example openingOnAxis('2025-26', 2024) // "2025-26: the opening-balance table's 31 March 2025 figure"
 */
export function openingOnAxis(fyLabel: string, fromFy?: number, anchored?: boolean): string {
  if (fromFy === undefined) return `${fyLabel} actual`;
  return anchored ? `${fyLabel} worked back from the opening-balance table's 31 March ${fromFy + 1}` : `${fyLabel}: the opening-balance table's 31 March ${fromFy + 1} figure`;
}

/** The waterfall's note under its grey bar when the opening balance is not the table's own figure for its date. */
export function openingBarNote(fromFy: number | undefined, anchored?: boolean): string | undefined {
  return fromFy === undefined ? undefined : `Grey bar: not the table's figure for that date${openingStandsIn(fromFy, anchored)}.`;
}

export function openingBalanceYearMismatch(found: string, expected: string, yearsBetween = 0): string {
  const missed = yearsBetween > 0 ? `, so the in-year balance${yearsBetween === 1 ? '' : 's'} of the ${counted(yearsBetween, 'year')} between ${yearsBetween === 1 ? 'is' : 'are'} not in the cumulative balance` : '';
  return `Opening balance: expected the balance at the end of ${expected} but the table has ${found}; it is used as the opening balance anyway${missed}. Add a row for ${expected}.`;
}

/**
 * The opening-balance table's only figures are for years the run projects: the cumulative balance is made to pass
 * through the earliest, and the opening worked back from it (run-budget.ts anchorOpening).
 */
export function openingBalanceAnchored(found: string, expected: string, balance: number, opening: number): string {
  return (
    `Opening balance: expected the balance at the end of ${expected} but the table has ${found}, a year the run projects. The run's ` +
    `cumulative DSG balance is made to pass through the table's ${gbp(balance)} at the end of ${found}, so its opening balance ` +
    `(${gbp(opening)} at the end of ${expected}) is worked back from the modelled in-year balances up to ${found}. ` +
    `Add a row for ${expected} to start from the accounts.`
  );
}

/**
 * `run` refuses an opening balance worked back over a year whose block is out of scale with its modelled spend
 * (plausible.ts openingProblem).
 */
export function openingWorkedBackOutOfScale(
  la: string,
  o: { expected: string; from: string; fy: string; march: number; opening: number; fromBalance: number; hnBlock: number; expenditure: number },
  files: { opening: readonly string[]; funding: readonly string[] },
  range: readonly [number, number],
): string {
  const named = (what: string, f: readonly string[]) => (f.length ? `${what} (${f.join(', ')})` : what);
  const { expected, from } = o;
  const ratio = o.expenditure > 0 ? `${pct(Number((o.hnBlock / o.expenditure).toPrecision(2)))} of` : 'set against no';
  return (
    `${la}: no opening DSG balance can be worked back, so no outputs were written. ${named('The opening-balance table', files.opening)} gives the balance only ` +
    `at the end of ${from} (${gbp(o.fromBalance)}), a year the run projects, so the run works its opening balance at the end of ${expected} back from the ` +
    `modelled in-year balances up to ${from}: it would be ${gbp(o.opening)}. But in ${o.fy} the High Needs block (${gbp(o.hnBlock)}) is ` +
    `${ratio} the High Needs spend the run models for that year (${gbp(o.expenditure)}), outside ${pct(range[0])}–${pct(range[1])}: that year's in-year ` +
    `balance is the mismatch of the two, and a balance worked back from it is that mismatch, not a finding. Add a row for ${expected} to the opening-balance ` +
    `table (the balance in the accounts at 31 March ${o.march}), or check hn_block_gbp in ${named('the funding table', files.funding)} and the unit costs: ` +
    `one of them is probably in the wrong units (thousands or millions of pounds), or for another LA.`
  );
}

/** The opening-balance row a note names: its year, the 31 March it is at, its figure and where it was read. */
interface OpeningRowQuoted {
  fy: string;
  march: number;
  balance: number;
  source?: { file: string; line: number };
}

const rowAt = (o: OpeningRowQuoted): string => `the opening-balance table's balance at 31 March ${o.march}${o.source ? ` (${o.source.file} line ${o.source.line})` : ''}`;

/** A balance as read: whole pounds, or the figure as written with its pence (-18.4 is read as -£18.40, not -£18). */
const asRead = (b: number): string => (Number.isInteger(b) ? gbp(b) : `${b} (read as ${b < 0 ? '-' : ''}£${Math.abs(b).toFixed(2)})`);

/** A share of the block, to two figures; under 0.001% it is said so (a balance in £ millions: 0.000032%). */
const shareOf = (r: number): string => (r < 1e-5 ? 'under 0.001%' : pct(Number(r.toPrecision(2))));

/** An opening balance a thousandth of the block or less: in £ thousands or millions (budget/opening-scale.ts). */
export function openingBalanceInOtherUnits(o: OpeningRowQuoted, block: { fy: string; hnBlock: number }, min: number, readings: ReadonlyArray<{ unit: string; pounds: number }>): string {
  const read = readings.map((r) => `in ${r.unit} it is ${gbp(r.pounds)}, and every cumulative balance would be ${gbp(Math.abs(r.pounds - o.balance))} ${r.pounds < o.balance ? 'lower' : 'higher'}`);
  return (
    `Opening balance: ${rowAt(o)} is ${asRead(o.balance)}, ${shareOf(Math.abs(o.balance) / block.hnBlock)} of the ${block.fy} High Needs block (${gbp(block.hnBlock)}), under ${pct(min)}: ` +
    `a council's DSG balance is seldom so near nil, so the figure is probably in £ thousands or millions, as a finance report gives it${read.length ? ` (${read.join('; ')})` : ''}. ` +
    `Every cumulative balance of the run starts from it. Write dsg_cumulative_balance_gbp in pounds, as the DSG note of the statement of accounts gives it; if the balance is that small, the run's figures stand (it uses the figure as given).`
  );
}

/** An opening surplus a quarter of the block or more beside a first year overspent by a tenth (budget/opening-scale.ts). */
export function openingSurplusBesideOverspend(o: OpeningRowQuoted, block: { fy: string; hnBlock: number }, first: { expenditure: number; overspend: number }, min: number): string {
  return (
    `Opening balance: ${rowAt(o)} is a surplus of ${gbp(o.balance)}, ${pct(Number((o.balance / block.hnBlock).toPrecision(2)))} of the ${block.fy} High Needs block (${gbp(block.hnBlock)}), ` +
    `while the run models ${block.fy}'s spend ${gbp(first.overspend)} above its income (${pct(Number((first.overspend / first.expenditure).toPrecision(2)))} of the spend): ` +
    `a council overspending so far rarely holds a surplus of ${pct(min)} of its block or more, so is it a deficit written as a positive figure? ` +
    `A deficit is negative (${-o.balance}); read as a surplus, every cumulative balance of the run is ${gbp(2 * o.balance)} higher than from the deficit. ` +
    `Check dsg_cumulative_balance_gbp against the DSG note of the statement of accounts; the run uses the figure as given.`
  );
}

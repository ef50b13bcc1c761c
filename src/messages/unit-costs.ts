/**
 * Messages about unit prices: plans in placements no unit-cost row prices (budget/uncosted.ts, pipeline/gates.ts
 * checkUnitCostCoverage), and a unit cost or place rate in £ thousands (etl/readers/own-table-defs.ts).
 */
import { counted } from '../util/plural.ts';
import { fmtMoneyPence } from '../report/format.ts';

/** One placement's plans no unit-cost row prices (budget/uncosted.ts), as unitCostsMissing lists them. */
export interface UncostedLine {
  placement: string;
  label: string;
  hasRows: boolean;
  /** 'POST19 (any need)', 'POST16 ASD, SLCN'. */
  missing: string[];
  firstYear: number;
  firstPlans: number;
  peakYear: number;
  peakPlans: number;
}

/** '181 plans', 'less than one plan': a projected count that rounds to 0 is still plans. */
function plansText(n: number): string {
  return n < 0.5 ? 'less than one plan' : counted(Math.round(n), 'plan', 'plans', (v) => v.toLocaleString('en-GB'));
}

/** run, goal-seek: plans in placements the unit-cost table does not price (gates.ts checkUnitCostCoverage). */
export function unitCostsMissing(la: string, files: readonly string[], lines: readonly UncostedLine[]): string {
  const table = files.length > 0 ? `the unit-cost table (${files.join(', ')})` : 'the unit-cost table';
  const what = (l: UncostedLine) => {
    const where = l.hasRows ? `no row for ${l.missing.length > 6 ? `${l.missing.slice(0, 6).join('; ')}; …` : l.missing.join('; ')}` : 'no row at all';
    const later = l.peakYear !== l.firstYear ? `, up to ${plansText(l.peakPlans)} in January ${l.peakYear}` : '';
    return `  - ${l.placement} (${l.label}): ${where}; ${plansText(l.firstPlans)} in January ${l.firstYear}${later}.`;
  };
  return [
    `No budget can be priced for ${la}: ${table} has no unit cost for plans the run holds in ${lines.length === 1 ? 'a placement' : `${lines.length} placements`} the High Needs block pays for. ` +
      `Costed at £0 they would be left out of every spend total and the deficit shown smaller. Nothing was written.`,
    ...lines.map(what),
    `Add a row for each to the unit-cost table (placement, phase, need, annual_cost_gbp, price_year; phase and need left blank price every plan ` +
      `of the placement no other row prices). If the council pays nothing for those plans, give annual_cost_gbp 0; if they are in the wrong placement, correct the data.`,
  ].join('\n');
}

/** An own table's price of one plan-year or one place above £0 but below `min`: a figure in £ thousands. */
export function unitPriceInThousands(column: string, raw: string, value: number, min: number): string {
  const what = column === 'place_rate_gbp' ? 'a place rate' : 'the cost of a plan-year';
  const as = Number((value * 1000).toPrecision(12)).toLocaleString('en-GB');
  return (
    `expected ${what} in pounds (£${min.toLocaleString('en-GB')} or more, or 0 where the block pays nothing). Got: ${raw}, £${value.toLocaleString('en-GB')} a year, ` +
    `which no ${column === 'place_rate_gbp' ? 'place' : 'placement'} costs: a figure in £ thousands, most likely. Write it in pounds (${as} for £${as}).`
  );
}

/** An own table's price of one plan-year or one place of `max` or more: zeros too many, or pence. */
export function unitPriceTooHigh(column: string, raw: string, value: number, max: number): string {
  const what = column === 'place_rate_gbp' ? 'a place rate' : 'the cost of a plan-year';
  return (
    `expected ${what} in pounds below £${max.toLocaleString('en-GB')}. Got: ${raw}, £${value.toLocaleString('en-GB')} a year, ` +
    (column === 'place_rate_gbp'
      ? 'which no place costs (place funding is £10,000 a place in special schools and AP, £6,000 in resourced provision and FE)'
      : 'which no placement costs on average (independent special school fees average about £64,000 a year, the costliest residential placements a few hundred thousand pounds)') +
    `: zeros too many, or a figure in pence, most likely. Write it in pounds.`
  );
}

/** A figure of an own money table quoted in a note: what it is (a placement or a financial year), and its line. */
export interface MoneyAt {
  what: string;
  value: number;
  line: number;
}

/** The first three of `rows`, as 'ISS £164.50 at line 8', then '…'. */
function shownRows(rows: readonly MoneyAt[]): string {
  const shown = rows.slice(0, 3).map((r) => `${r.what} ${fmtMoneyPence(r.value)} at line ${r.line}`);
  return rows.length > 3 ? `${shown.join(', ')}, …` : shown.join(', ');
}

/** Own-table prices of a plan-year or a place from £100 up to `low`: one figure in £ thousands among pounds, most likely. */
export function lowUnitPrices(column: string, rows: readonly MoneyAt[], low: number): string {
  const what = column === 'place_rate_gbp' ? 'a place' : 'a plan-year';
  const shown = shownRows(rows);
  const as = Number((rows[0]!.value * 1000).toPrecision(12)).toLocaleString('en-GB');
  return (
    `${counted(rows.length, 'row prices', 'rows price')} ${what} below £${low.toLocaleString('en-GB')} (${shown}), which no ${column === 'place_rate_gbp' ? 'place' : 'placement'} averages: ` +
    `most likely a figure in £ thousands among figures in pounds. The run uses it as given; if so, write it in pounds (${as} for £${as}).`
  );
}

/** Why a figure of an own money column under its floor is no council's (etl/readers/own-table-low-prices.ts). */
const SMALL_MONEY_WHY: Record<string, string> = {
  schools_block_transfer_gbp: 'a transfer is a share of a schools block of tens of millions of pounds or more',
  schools_block_gbp: "a council's schools block runs to tens of millions of pounds or more",
  import_export_adjustment_gbp: 'an adjustment counts places at £6,000 or £10,000 each',
  other_income_gbp: 'no grant to the High Needs block is so small',
};

/** Own-table money other than a unit price, above £0 by size but under `below`: in £ thousands, most likely. */
export function smallMoney(column: string, rows: readonly MoneyAt[], below: number): string {
  const shown = shownRows(rows);
  const first = rows[0]!.value;
  const as = Number((Math.abs(first) * 1000).toPrecision(12)).toLocaleString('en-GB');
  const sign = first < 0 ? '-' : '';
  return (
    `'${column}' is under £${below.toLocaleString('en-GB')}${column === 'import_export_adjustment_gbp' ? ' either way' : ''} in ${counted(rows.length, 'row')} (${shown}): ${SMALL_MONEY_WHY[column] ?? 'no council’s figure is so small'}, ` +
    `so it is most likely a figure in £ thousands among figures in pounds. The run uses it as given; if so, write it in pounds (${sign}${as} for ${sign}£${as}).`
  );
}

/** A schools block transfer below £0: money out of the High Needs block, or a transfer in with a ledger's sign. */
export function negativeTransfer(column: string, rows: readonly MoneyAt[]): string {
  const shown = shownRows(rows);
  return (
    `'${column}' is below £0 in ${counted(rows.length, 'row')} (${shown}): read as money moved out of the High Needs block into the schools block, which lowers its income. ` +
    `A transfer from the schools block into the High Needs block, the usual one, is written above £0 (a ledger shows it as a credit, below £0): if that is what it is, drop the minus sign.`
  );
}

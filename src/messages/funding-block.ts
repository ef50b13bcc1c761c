/**
 * Messages of the budget stage about a funding table's High Needs block against the spend the run models
 * (budget/income.ts BLOCK_TO_SPEND, BLOCK_WELL_ABOVE_SPEND, BLOCK_TO_SPEND_POSSIBLE): each names the row's file and
 * line where the reader kept it, as the notes on unit costs and places do. Re-exported by budget.ts.
 */
import { fmtMoneyExact as gbp, fmtRate as pct } from '../report/format.ts';

/** Where a funding-table row was read (budget/tables.ts RowSource). */
interface Source {
  file: string;
  line: number;
}

/** A figure as read: whole pounds, or with its pence where one in £ millions has them (57.17 is £57.17, not £57). */
const asRead = (v: number): string => (Number.isInteger(v) ? gbp(v) : `£${v.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);

const at = (s: Source | undefined): string => (s ? ` (${s.file} line ${s.line})` : '');

/** A funding-table block out of scale with the year's modelled spend (income.ts BLOCK_TO_SPEND). */
export function blockOutOfScale(fy: string, block: number, spend: number, range: readonly [number, number], source?: Source): string {
  return (
    `Funding ${fy}${at(source)}: the High Needs block of ${gbp(block)} is ${pct(Number((block / spend).toPrecision(2)))} of the High Needs spend the run models for that year (${gbp(spend)}), ` +
    `outside ${pct(range[0])}–${pct(range[1])}: a council's block meets most of its spend, so one of the two is probably in the wrong units (thousands or millions of pounds, or zeros too many). ` +
    `Check hn_block_gbp in the funding table and the unit costs; the run uses them as given.`
  );
}

/**
 * `ratio` as a percentage that reads above `limit`: whole (158%), or with the decimals that tell it from the limit
 * (125.04%). Two significant figures (toPrecision(2)) gave a block at 158% of spend as 160%, and one at 125.1% as
 * 130%, beside the figures that give 158% and 125.1%.
 */
function percentAbove(ratio: number, limit: number): string {
  for (let d = 0; d < 4; d++) {
    const shown = Number((ratio * 100).toFixed(d));
    if (shown > limit * 100) return `${shown}%`;
  }
  return pct(ratio);
}

/**
 * A funding-table year whose High Needs block is well above the spend the run models (budget/income.ts
 * BLOCK_WELL_ABOVE_SPEND), though inside the range a table in other units reaches.
 */
export function blockWellAboveSpend(fy: string, block: number, spend: number, limit: number, source?: Source): string {
  return (
    `Funding ${fy}${at(source)}: the High Needs block of ${gbp(block)} is ${percentAbove(block / spend, limit)} of the High Needs spend the run models for that year (${gbp(spend)}), over ${pct(limit)}: ` +
    `councils' blocks meet most of their spend, not more than all of it (England's in-year overspend is about a tenth of the block), so the spend is probably too low. ` +
    `Are the unit costs per term rather than per year, or in £ thousands, or is a cost table (places, other spend) left out? ` +
    `Check annual_cost_gbp in the unit-cost table and hn_block_gbp in the funding table; the run uses them as given, and its balance is a surplus the tables make, not a finding.`
  );
}

/**
 * A funding-table year whose block is beyond any council's share of its spend (budget/income.ts
 * BLOCK_TO_SPEND_POSSIBLE): `files` are the paths the run loaded the funding table from, and the row's line is named
 * beside the one it was read from.
 */
export function blockInOtherUnits(la: string, o: { fy: string; hnBlock: number; expenditure: number; source?: Source }, files: readonly string[], range: readonly [number, number]): string {
  const ratio = o.hnBlock / o.expenditure;
  const units = ratio * 1000 >= range[0] * 10 && ratio * 1000 <= range[1] / 10
    ? ' Written in pounds it would be about a thousand times as much: the funding table is most likely in £ thousands; write it in pounds.'
    : ratio * 1e6 >= range[0] * 10 && ratio * 1e6 <= range[1] / 10
      ? ` Written in pounds it would be about a million times as much (${gbp(o.hnBlock * 1e6)}): the funding table is most likely in £ millions; write it in pounds.`
      : ratio / 1000 >= range[0] * 10 && ratio / 1000 <= range[1] / 10
        ? ' It is about a thousand times what the spend would suggest: the funding table most likely has three zeros too many, or the unit costs are in £ thousands.'
        : '';
  const named = files.map((f) => (o.source && (f === o.source.file || f.endsWith(`/${o.source.file}`) || f.endsWith(`\\${o.source.file}`)) ? `${f} line ${o.source.line}` : f));
  const where = named.length ? ` (${named.join(', ')})` : at(o.source);
  return (
    `${la}: the High Needs block of ${o.fy} in the funding table${where} is ${asRead(o.hnBlock)}, ${pct(Number(ratio.toPrecision(2)))} of the ` +
    `${gbp(o.expenditure)} of High Needs spend the run models for that year, outside ${pct(range[0])}–${pct(range[1])}, so no outputs were written: a council's block ` +
    `meets most of its spend, and every balance of the run would be the mismatch of the two.${units} Check hn_block_gbp and the unit costs (annual_cost_gbp, place_rate_gbp).`
  );
}

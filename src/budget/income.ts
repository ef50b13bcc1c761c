/**
 * Income to the High Needs block per financial year (spec budget.md "Income and the deficit"):
 * - High Needs block: the funding table's figure; after the table's last year, the last figure grown by
 *   `funding.growth` once per year (before its first year, the first figure deflated the same way, with a warning);
 * - schools block transfer: `funding.schools_block_transfer_gbp` of the scenario for every year when given, else
 *   the table's figure for that year; never carried forward (each transfer needs the schools forum's agreement);
 *   a transfer above 0.5% of the schools block (when the schools block is known) is warned about;
 * - import/export adjustments and other income (a Safety Valve instalment, a one-off grant): the table's figure
 *   for that year only — a year with no row, or a blank cell, has none. Nothing is carried forward unless the
 *   scenario lists the column in `funding.carry_forward`, when the latest figure at or before the year is used.
 */
import { financialYearLabel } from '../domain/index.ts';
import { blockOutOfScale, blockWellAboveSpend, fundingBeforeTable, noFundingTable, schoolsBlockTransferAboveLimit } from '../messages/budget.ts';
import type { FundingRow, RowSource } from './tables.ts';

/** Share of the schools block that may be transferred without the Secretary of State's approval. */
export const SCHOOLS_BLOCK_TRANSFER_LIMIT = 0.005;

/** Income columns a scenario may carry forward past the years given (`funding.carry_forward`). */
export const CARRY_FORWARD_COLUMNS = ['other_income_gbp', 'import_export_adjustment_gbp'] as const;
export type CarryForwardColumn = (typeof CARRY_FORWARD_COLUMNS)[number];

export interface IncomeParams {
  fundingGrowth: number;
  /** Income columns carried forward flat past their last year (none by default). */
  carryForward?: readonly CarryForwardColumn[];
  schoolsBlockTransferGbp?: number;
  schoolsBlockGbp?: number;
}

export interface Income {
  hnBlock: number;
  schoolsBlockTransfer: number;
  importExport: number;
  otherIncome: number;
  income: number;
  /** Whether the High Needs block was grown from an earlier year of the table. */
  hnBlockGrown: boolean;
}

function latestAtOrBefore(rows: readonly FundingRow[], fy: number): FundingRow | undefined {
  let best: FundingRow | undefined;
  for (const r of rows) if (r.fy <= fy && (!best || r.fy >= best.fy)) best = r;
  return best;
}

/**
 * Income in financial year `fy`.
 * @example incomeFor([{ fy: 2025, hnBlockGbp: 100e6 }], 2027, { fundingGrowth: 0.05 }).income.hnBlock // 110.25e6
 */
export function incomeFor(rows: readonly FundingRow[], fy: number, params: IncomeParams): { income: Income; warnings: string[]; fallbacks: string[] } {
  const warnings: string[] = [];
  // the warnings that say a figure stands in for a missing one (also in `warnings`)
  const fallbacks: string[] = [];
  const g = params.fundingGrowth;
  const own = rows.find((r) => r.fy === fy);
  const prior = latestAtOrBefore(rows, fy);
  let hnBlock = 0;
  let hnBlockGrown = false;
  if (prior) {
    hnBlock = prior.hnBlockGbp * Math.pow(1 + g, fy - prior.fy);
    hnBlockGrown = prior.fy < fy;
  } else if (rows.length > 0) {
    const first = rows.reduce((a, b) => (b.fy < a.fy ? b : a));
    hnBlock = first.hnBlockGbp / Math.pow(1 + g, first.fy - fy);
    hnBlockGrown = true;
    fallbacks.push(fundingBeforeTable(financialYearLabel(first.fy), g));
  } else {
    fallbacks.push(noFundingTable());
  }
  warnings.push(...fallbacks);
  const schoolsBlockTransfer = params.schoolsBlockTransferGbp ?? own?.schoolsBlockTransferGbp ?? 0;
  const carry = (col: CarryForwardColumn, get: (r: FundingRow) => number | undefined): number => {
    if (own && get(own) !== undefined) return get(own)!;
    if (!params.carryForward?.includes(col)) return 0;
    let best: FundingRow | undefined;
    for (const r of rows) if (r.fy <= fy && get(r) !== undefined && (!best || r.fy >= best.fy)) best = r;
    return best ? get(best)! : 0;
  };
  const importExport = carry('import_export_adjustment_gbp', (r) => r.importExportAdjustmentGbp);
  const otherIncome = carry('other_income_gbp', (r) => r.otherIncomeGbp);
  const schoolsBlock = params.schoolsBlockGbp ?? own?.schoolsBlockGbp ?? prior?.schoolsBlockGbp;
  if (schoolsBlock !== undefined && schoolsBlock > 0 && schoolsBlockTransfer > SCHOOLS_BLOCK_TRANSFER_LIMIT * schoolsBlock) {
    warnings.push(schoolsBlockTransferAboveLimit(financialYearLabel(fy), schoolsBlockTransfer, schoolsBlock));
  }
  const income = hnBlock + schoolsBlockTransfer + importExport + otherIncome;
  return { income: { hnBlock, schoolsBlockTransfer, importExport, otherIncome, income, hnBlockGrown }, warnings, fallbacks };
}

/**
 * The plausible range of a High Needs block against the High Needs spend the run models for the same year: councils'
 * blocks meet most of their spend (the deficits of the Delivering Better Value councils ran to a fraction of it), so a
 * block a fifth of the spend or five times it is a figure in the wrong units (thousands or millions of pounds, zeros
 * too many) in the funding table or in the unit costs.
 */
export const BLOCK_TO_SPEND: readonly [number, number] = [0.2, 5];

/** Whether a year's block is outside BLOCK_TO_SPEND of its modelled spend (a block above £0 against a spend of £0 is). */
export function blockOutOfScaleWithSpend(l: { hnBlock: number; expenditure: number }): boolean {
  const ratio = l.hnBlock / l.expenditure;
  return ratio < BLOCK_TO_SPEND[0] || ratio > BLOCK_TO_SPEND[1];
}

/**
 * Above this share of its modelled spend a year's block is named though inside BLOCK_TO_SPEND: councils' blocks meet
 * most of their spend, not more (England's in-year overspend is about a tenth of the block; docs/budget.md), so a block
 * a quarter above the spend is a spend too low: unit costs per term rather than per year (the sample's ÷3, no Section
 * 251 outturn: a block of 158% of spend and a surplus of £43m at March 2028 in place of a deficit of £71m, exit 0, no
 * word), or a cost table left out. The sample's block is 83% of its spend.
 */
export const BLOCK_WELL_ABOVE_SPEND = 1.25;

/**
 * A warning for each funding-table row whose block is out of scale with the modelled spend of its year, or well above
 * it (BLOCK_WELL_ABOVE_SPEND) in the table's first year of the run (years the block is grown into say nothing new);
 * or none.
 * @example blockAgainstSpend([{ fy: 2025, hnBlockGbp: 57.17 }], [{ fy: 2025, hnBlock: 57.17, expenditure: 6e7 }]) // one warning
 */
export function blockAgainstSpend(rows: readonly FundingRow[], lines: ReadonlyArray<{ fy: number; hnBlock: number; expenditure: number }>): string[] {
  const out: string[] = [];
  let first = true;
  for (const l of lines) {
    const row = rows.find((r) => r.fy === l.fy);
    if (!row || !(l.expenditure > 0)) continue;
    if (blockOutOfScaleWithSpend(l)) out.push(blockOutOfScale(financialYearLabel(l.fy), l.hnBlock, l.expenditure, BLOCK_TO_SPEND, row.source));
    // the first funding-table year only: later, a recovery plan's levers may bring spend well under a growing block,
    // which is its aim, not a table in other units (a cost per term or in £ thousands is so from the first year)
    else if (first && l.hnBlock > BLOCK_WELL_ABOVE_SPEND * l.expenditure) out.push(blockWellAboveSpend(financialYearLabel(l.fy), l.hnBlock, l.expenditure, BLOCK_WELL_ABOVE_SPEND, row.source));
    first = false;
  }
  return out;
}

/**
 * Beyond this (a tenth of BLOCK_TO_SPEND's floor, ten times its ceiling) a funding-table year's block against its
 * modelled spend is no council's: the block or the unit costs are in other units, and `run` refuses it
 * (pipeline/gates.ts). The sample's funding table in £ thousands (a block of £57,170 against £69m of spend, 0.083%) ran
 * with exit 0, each year's deficit the whole spend, warned of only.
 */
export const BLOCK_TO_SPEND_POSSIBLE: readonly [number, number] = [BLOCK_TO_SPEND[0] / 10, BLOCK_TO_SPEND[1] * 10];

/** The first funding-table year whose block is beyond BLOCK_TO_SPEND_POSSIBLE of its modelled spend, if any. */
export function blockBeyondUnits(rows: readonly FundingRow[], lines: ReadonlyArray<{ fy: number; hnBlock: number; expenditure: number }>): { fy: number; hnBlock: number; expenditure: number; source?: RowSource } | undefined {
  const l = lines.find((x) => rows.some((r) => r.fy === x.fy) && x.expenditure > 0 && (x.hnBlock / x.expenditure < BLOCK_TO_SPEND_POSSIBLE[0] || x.hnBlock / x.expenditure > BLOCK_TO_SPEND_POSSIBLE[1]));
  const source = l && rows.find((r) => r.fy === l.fy)?.source;
  return l && { fy: l.fy, hnBlock: l.hnBlock, expenditure: l.expenditure, ...(source ? { source } : {}) };
}

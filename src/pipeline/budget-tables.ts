/** Reads the project's own budget tables (inputs.md §5) from the warehouse into the budget model's types. */
import { isNeed, isPhase, isPlacement } from '../domain/index.ts';
import type { Warehouse } from '../etl/warehouse.ts';
import type { BudgetTables } from '../budget/tables.ts';

const num = (v: unknown): number | undefined => (v === null || v === undefined ? undefined : Number(v));

/** The budget tables held in a warehouse (rows of every loaded file; later files add rows). */
export async function budgetTablesFromWarehouse(wh: Warehouse): Promise<BudgetTables> {
  const unit = await wh.query<{ placement: string; phase: string; need: string; annual_cost_gbp: number; price_year: number }>(
    'SELECT placement, phase, need, annual_cost_gbp, price_year FROM unit_cost ORDER BY file_id',
  );
  const places = await wh.query<{ placement: string; financial_year: number; places: number; place_rate_gbp: number }>(
    'SELECT placement, financial_year, places, place_rate_gbp FROM places ORDER BY file_id, financial_year',
  );
  const funding = await wh.query<Record<string, unknown>>('SELECT * FROM funding ORDER BY file_id, financial_year');
  const other = await wh.query<{ line: string; financial_year: number; amount_gbp: number }>(
    'SELECT line, financial_year, amount_gbp FROM other_spend ORDER BY file_id, financial_year',
  );
  const opening = await wh.query<{ financial_year: number; dsg_cumulative_balance_gbp: number }>(
    'SELECT financial_year, dsg_cumulative_balance_gbp FROM opening_balance ORDER BY file_id',
  );
  const reserves = await wh.query<{ financial_year: number; usable_reserves_gbp: number }>(
    'SELECT financial_year, usable_reserves_gbp FROM reserves ORDER BY file_id, financial_year',
  );
  const outturn = await wh.query<{ section_251_line: string; financial_year: number; outturn_gbp: number }>(
    'SELECT section_251_line, financial_year, outturn_gbp FROM s251_outturn ORDER BY file_id, financial_year',
  );
  return {
    unitCosts: unit.flatMap((r) =>
      isPlacement(r.placement)
        ? [
            {
              placement: r.placement,
              phase: isPhase(r.phase) ? r.phase : undefined,
              need: isNeed(r.need) ? r.need : undefined,
              annualCostGbp: Number(r.annual_cost_gbp),
              priceYear: Number(r.price_year),
            },
          ]
        : [],
    ),
    places: places.flatMap((r) =>
      isPlacement(r.placement)
        ? [{ placement: r.placement, fy: Number(r.financial_year), places: Number(r.places), placeRateGbp: Number(r.place_rate_gbp) }]
        : [],
    ),
    funding: funding.map((r) => ({
      fy: Number(r.financial_year),
      hnBlockGbp: Number(r.hn_block_gbp),
      schoolsBlockTransferGbp: num(r.schools_block_transfer_gbp),
      otherIncomeGbp: num(r.other_income_gbp),
      importExportAdjustmentGbp: num(r.import_export_adjustment_gbp),
      schoolsBlockGbp: num(r.schools_block_gbp),
    })),
    otherSpend: other.map((r) => ({ line: r.line, fy: Number(r.financial_year), amountGbp: Number(r.amount_gbp) })),
    openingBalances: opening.map((r) => ({ fy: Number(r.financial_year), balanceGbp: Number(r.dsg_cumulative_balance_gbp) })),
    reserves: reserves.map((r) => ({ fy: Number(r.financial_year), usableReservesGbp: Number(r.usable_reserves_gbp) })),
    outturn: outturn.map((r) => ({ line: r.section_251_line, fy: Number(r.financial_year), outturnGbp: Number(r.outturn_gbp) })),
  };
}

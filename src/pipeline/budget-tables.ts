/** Reads the project's own budget tables (inputs.md §5) from the warehouse into the budget model's types. */
import { isNeed, isPhase, isPlacement } from '../domain/index.ts';
import type { Warehouse } from '../etl/warehouse.ts';
import type { BudgetTables, RowSource } from '../budget/tables.ts';
import type { LaIdentity } from '../domain/index.ts';
import { inputError, type Problem } from '../errors.ts';
import { OWN_WAREHOUSE_TABLES } from '../etl/schema.ts';
import { OWN_TABLES } from '../etl/readers/own-table-defs.ts';
import * as msg from '../messages/etl.ts';
import { ownTablesOfAnotherLa } from '../messages/model.ts';
import { moneyTablesNameNoLa } from '../messages/budget.ts';
import { basename } from 'node:path';
import { listLas } from '../etl/dataset.ts';

const num = (v: unknown): number | undefined => (v === null || v === undefined ? undefined : Number(v));

interface SourceColumns {
  path: string;
  source_line: number | null;
}
/** A row's file (its name, no folder: the outputs go to other machines) and line, when the reader kept the line. */
const sourceOf = (r: SourceColumns): { source?: RowSource } =>
  r.source_line === null || r.source_line === undefined ? {} : { source: { file: basename(r.path), line: Number(r.source_line) } };

/**
 * The budget tables held in a warehouse (rows of every loaded file; later files add rows). With the run's LA, rows
 * whose `la_code` names another LA are refused (exit 1, each file and line named): one LA's money never reaches
 * another's budget.
 */
export async function budgetTablesFromWarehouse(wh: Warehouse, la?: LaIdentity): Promise<BudgetTables> {
  if (la) await refuseOtherLas(wh, la);
  // each row with its file and line, for the messages that name a figure (budget/cost-per-plan.ts)
  const unit = await wh.query<{ placement: string; phase: string; need: string; annual_cost_gbp: number; price_year: number } & SourceColumns>(
    'SELECT t.placement, t.phase, t.need, t.annual_cost_gbp, t.price_year, f.path, t.source_line FROM unit_cost t JOIN loaded_file f USING (file_id) ORDER BY t.file_id',
  );
  const places = await wh.query<{ placement: string; financial_year: number; places: number; place_rate_gbp: number } & SourceColumns>(
    'SELECT t.placement, t.financial_year, t.places, t.place_rate_gbp, f.path, t.source_line FROM places t JOIN loaded_file f USING (file_id) ORDER BY t.file_id, t.financial_year',
  );
  const funding = await wh.query<Record<string, unknown> & SourceColumns>(
    'SELECT t.*, f.path FROM funding t JOIN loaded_file f USING (file_id) ORDER BY t.file_id, t.financial_year',
  );
  const other = await wh.query<{ line: string; financial_year: number; amount_gbp: number }>(
    'SELECT line, financial_year, amount_gbp FROM other_spend ORDER BY file_id, financial_year',
  );
  const opening = await wh.query<{ financial_year: number; dsg_cumulative_balance_gbp: number } & SourceColumns>(
    'SELECT t.financial_year, t.dsg_cumulative_balance_gbp, f.path, t.source_line FROM opening_balance t JOIN loaded_file f USING (file_id) ORDER BY t.file_id',
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
              ...sourceOf(r),
            },
          ]
        : [],
    ),
    places: places.flatMap((r) =>
      isPlacement(r.placement)
        ? [{ placement: r.placement, fy: Number(r.financial_year), places: Number(r.places), placeRateGbp: Number(r.place_rate_gbp), ...sourceOf(r) }]
        : [],
    ),
    funding: funding.map((r) => ({
      fy: Number(r.financial_year),
      hnBlockGbp: Number(r.hn_block_gbp),
      schoolsBlockTransferGbp: num(r.schools_block_transfer_gbp),
      otherIncomeGbp: num(r.other_income_gbp),
      importExportAdjustmentGbp: num(r.import_export_adjustment_gbp),
      schoolsBlockGbp: num(r.schools_block_gbp),
      ...sourceOf(r),
    })),
    otherSpend: other.map((r) => ({ line: r.line, fy: Number(r.financial_year), amountGbp: Number(r.amount_gbp) })),
    openingBalances: opening.map((r) => ({ fy: Number(r.financial_year), balanceGbp: Number(r.dsg_cumulative_balance_gbp), ...sourceOf(r) })),
    reserves: reserves.map((r) => ({ fy: Number(r.financial_year), usableReservesGbp: Number(r.usable_reserves_gbp) })),
    outturn: outturn.map((r) => ({ line: r.section_251_line, fy: Number(r.financial_year), outturnGbp: Number(r.outturn_gbp) })),
  };
}

/**
 * A note when money tables name no LA (rows without `la_code`) while the data hold more than one LA's plans: such
 * tables are used for whichever LA is run, so another LA's money reached its budget without a word (City of London,
 * run on a folder of the real 2022 release with Kent's tables beside it, showed a surplus growing by £197m a year,
 * exit 0). Undefined when the data hold one LA's plans or every row names its LA (rows naming another are refused).
 */
export async function moneyTablesNamingNoLa(wh: Warehouse, la: LaIdentity): Promise<string | undefined> {
  // the LAs the data hold, as `run` lists them when it must be told which (dataset.ts)
  const n = (await listLas(wh)).length;
  if (n <= 1) return undefined;
  const files = await wh.query<{ path: string }>(
    `SELECT DISTINCT f.path FROM (${OWN_WAREHOUSE_TABLES.map((t) => `SELECT file_id FROM ${t} WHERE la_code IS NULL`).join(' UNION ')}) t
     JOIN loaded_file f USING (file_id) ORDER BY f.path`,
  );
  if (files.length === 0) return undefined;
  return moneyTablesNameNoLa(la.name, n, files.map((f) => basename(f.path)));
}

/** Exit 1 when an own table holds rows that name an LA other than the run's (by old or new code). */
async function refuseOtherLas(wh: Warehouse, la: LaIdentity): Promise<void> {
  const mine = [la.oldCode, la.newCode].filter(Boolean).map((c) => c.toUpperCase());
  const problems: Problem[] = [];
  for (const t of OWN_WAREHOUSE_TABLES) {
    const rows = await wh.query<{ la_code: string; line: number | null; path: string }>(
      `SELECT t.la_code, t.source_line AS line, f.path FROM ${t} t JOIN loaded_file f USING (file_id)
       WHERE t.la_code IS NOT NULL AND upper(t.la_code) NOT IN (${mine.map((_, i) => `$${i + 1}`).join(', ')})
       ORDER BY f.path, t.source_line LIMIT 20`,
      mine,
    );
    const id = OWN_TABLES.find((d) => d.table === t)?.id ?? t;
    for (const r of rows) {
      problems.push({ file: r.path, line: r.line === null ? undefined : Number(r.line), column: 'la_code', message: msg.ownTableOtherLa(id, r.la_code, la.name, mine.join(' / ')) });
    }
  }
  if (problems.length > 0) throw inputError(ownTablesOfAnotherLa(la.name, new Set(problems.map((p) => p.file)).size), problems);
}

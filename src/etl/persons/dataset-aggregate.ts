/**
 * The aggregate part of an LA's dataset from the warehouse tables `stock` and `flow` (published statistics):
 * per cell the figure of the newest release (by the reader's layout rank), rows of one source summed
 * (several placement leaves → one placement). A January's plans that an older release gives otherwise are said in
 * the LA's notes and `revisions` (run warns of them).
 */
import { ALL } from '../schema.ts';
import { isNeed, isPlacement } from '../../domain/index.ts';
import type { LaDataset } from '../../model/dataset.ts';
import { layoutRank } from '../readers/ees-common.ts';
import { newPlansRevision, releaseDisagreement, releaseRevision } from '../../messages/releases.ts';
import type { SqlSource } from './sql-source.ts';
import { FLOW_FIELDS } from '../flow-fields.ts';
import { codeChangeNote, laCodesByYear } from '../code-change.ts';
import { laNewPlansAhead } from '../new-plans-reach.ts';
import { fillSuppressedPlacements } from '../suppressed-placements.ts';
import { fillAbsentAges, fillMissingAges, noteEndsEarly, noteUnpublishedLatestTotal, noteUnpublishedNewPlans, totalsWithoutRow, type MissingAge } from '../suppressed-ages.ts';


/**
 * The other releases' figures of the row `r` chose (by layout rank) that differ from it by more than half a plan:
 * a later release revising a January's plans or a year's new plans, each said with both figures and both sources.
 */
function revisedBy(r: Record<string, unknown>, all: ReadonlyArray<Record<string, unknown>>): Array<{ v: number; source: string; other: string }> {
  const v = r.v as number;
  return all.filter((o) => o !== r && Math.abs((o.v as number) - v) > 0.5).map((o) => ({ v: o.v as number, source: String(r.source), other: String(o.source) }));
}

/** Fills stocks and flows of `ds` from the LA's published rows. */
export async function addAggregates(sql: SqlSource, ds: LaDataset, oldCode: string): Promise<void> {
  const rows = await sql.all(
    `SELECT 'S' AS kind, measure, census_year::INTEGER AS y, age_from::INTEGER AS f, age_to::INTEGER AS t, need, placement,
            'ALL' AS reason, source, sum(count)::DOUBLE AS v
       FROM stock WHERE geographic_level = 'Local authority' AND old_la_code = ? AND count IS NOT NULL AND measure = 'plans'
       GROUP BY ALL
     UNION ALL
     SELECT 'F', measure, flow_year::INTEGER, age_from::INTEGER, age_to::INTEGER, need, placement, reason, source, sum(count)::DOUBLE
       FROM flow WHERE geographic_level = 'Local authority' AND old_la_code = ? AND count IS NOT NULL
       GROUP BY ALL`,
    [oldCode, oldCode],
  );
  // age rows with no published count beside published ones (suppressed-ages.ts)
  const unpublished = await sql.all(
    `SELECT 'S' AS kind, census_year::INTEGER AS y, age_from::INTEGER AS f, age_to::INTEGER AS t, missing, line::BIGINT AS line, path
       FROM stock JOIN loaded_file USING (file_id)
      WHERE geographic_level = 'Local authority' AND old_la_code = ? AND count IS NULL AND measure = 'plans'
        AND need = 'ALL' AND placement = 'ALL' AND NOT (age_from = 0 AND age_to = 25)
     UNION ALL
     SELECT 'T', census_year::INTEGER, age_from::INTEGER, age_to::INTEGER, missing, line::BIGINT, path
       FROM stock JOIN loaded_file USING (file_id)
      WHERE geographic_level = 'Local authority' AND old_la_code = ? AND count IS NULL AND measure = 'plans'
        AND need = 'ALL' AND placement = 'ALL' AND age_from = 0 AND age_to = 25
     UNION ALL
     SELECT 'F', flow_year::INTEGER, age_from::INTEGER, age_to::INTEGER, missing, line::BIGINT, path
       FROM flow JOIN loaded_file USING (file_id)
      WHERE geographic_level = 'Local authority' AND old_la_code = ? AND count IS NULL AND measure = 'new_plans'
        AND need = 'ALL' AND placement = 'ALL' AND reason = 'ALL' AND NOT (age_from = 0 AND age_to = 25)
     UNION ALL
     SELECT 'N', flow_year::INTEGER, age_from::INTEGER, age_to::INTEGER, missing, line::BIGINT, path
       FROM flow JOIN loaded_file USING (file_id)
      WHERE geographic_level = 'Local authority' AND old_la_code = ? AND count IS NULL AND measure = 'new_plans'
        AND need = 'ALL' AND placement = 'ALL' AND reason = 'ALL' AND age_from = 0 AND age_to = 25`,
    [oldCode, oldCode, oldCode, oldCode],
  );
  // placement cells with no published count (suppressed-placements.ts)
  const unplaced = await sql.all(
    `SELECT census_year::INTEGER AS y, placement, missing, line::BIGINT AS line, path
       FROM stock JOIN loaded_file USING (file_id)
      WHERE geographic_level = 'Local authority' AND old_la_code = ? AND count IS NULL AND measure = 'plans'
        AND need = 'ALL' AND placement <> 'ALL' AND age_from = 0 AND age_to = 25
      ORDER BY path, line`,
    [oldCode],
  );
  // the ONS codes of its Januaries: two that are not one council's are said (code-change.ts), as forecast says them
  const codes = await sql.all(
    `SELECT DISTINCT 'Local authority' AS geographic_level, old_la_code, new_la_code, census_year::INTEGER AS census_year
       FROM stock WHERE geographic_level = 'Local authority' AND old_la_code = ? AND measure = 'plans'`,
    [oldCode],
  );
  const codeChange = codeChangeNote(ds.la.name, oldCode, laCodesByYear(codes).changes);
  if (codeChange) ds.codeChange = codeChange;
  // new plans as far as the plans or further: a new-plans file a year ahead (new-plans-reach.ts)
  const ahead = laNewPlansAhead(ds.la.name, rows);
  if (ahead) ds.newPlansAhead = ahead;
  const best = new Map<string, { rank: number; r: Record<string, unknown>; all: Array<Record<string, unknown>> }>();
  for (const r of rows) {
    const key = [r.kind, r.measure, r.y, r.f, r.t, r.need, r.placement, r.reason].join('|');
    const rank = layoutRank(String(r.source));
    const cur = best.get(key);
    if (!cur) best.set(key, { rank, r, all: [r] });
    else {
      cur.all.push(r);
      if (rank > cur.rank) Object.assign(cur, { rank, r });
    }
  }
  for (const { r, all } of best.values()) {
    const year = r.y as number;
    const from = r.f as number;
    const to = r.t as number;
    const v = r.v as number;
    const need = String(r.need);
    const placement = String(r.placement);
    const full = from === 0 && to === 25;
    const isAll = need === ALL && placement === ALL;
    if (r.kind === 'S') {
      if (isAll && full) {
        ds.stockTotal[year] = v;
        // a later release revising a January an earlier one gives: the newer figure is used, and said (as forecast
        // says it, ees-datasets.ts), since the forecast starts from it and the older release reads otherwise
        for (const o of revisedBy(r, all)) {
          ds.notes.push(releaseDisagreement('EHC plans at census', year, v, o.source, o.v, o.other));
          (ds.revisions ??= []).push(releaseRevision(ds.la.name, year, v, o.source, o.v, o.other));
        }
      } else if (isAll) ds.stockByAge.push({ year, from, to, count: v });
      else if (full && need === ALL && isPlacement(placement)) (ds.stockByPlacement[year] ??= {})[placement] = v;
      else if (full && placement === ALL && isNeed(need)) (ds.stockByNeed[year] ??= {})[need] = v;
      continue;
    }
    if (!isAll) continue;
    const measure = String(r.measure);
    const reason = String(r.reason);
    if (measure === 'ceased') {
      if (reason !== ALL) ds.ceased.push({ year, from, to, reason: Number(reason) || 0, count: v });
    } else if (reason !== ALL) continue;
    else if (measure === 'new_plans') {
      if (full) {
        ds.newPlansTotal[year] = v;
        // a later release revising a year's new plans: the rates and ages are taken from the newer, so it is said too
        for (const o of revisedBy(r, all)) {
          ds.notes.push(releaseDisagreement('New EHC plans of calendar year', year, v, o.source, o.v, o.other));
          (ds.newPlanRevisions ??= []).push(newPlansRevision(ds.la.name, year, v, o.source, o.v, o.other));
        }
      } else ds.newPlansByAge.push({ year, from, to, count: v });
    } else if (full && measure in FLOW_FIELDS) {
      ds[FLOW_FIELDS[measure as keyof typeof FLOW_FIELDS]][year] = v;
    }
  }
  const missingOf = (r: Record<string, unknown>): MissingAge => ({
    year: r.y as number,
    from: r.f as number,
    to: r.t as number,
    missing: String(r.missing ?? 'not published'),
    file: String(r.path),
    line: r.line === null || r.line === undefined ? undefined : Number(r.line),
  });
  fillMissingAges(ds, 'stock', unpublished.filter((r) => r.kind === 'S').map(missingOf));
  fillMissingAges(ds, 'new plans', unpublished.filter((r) => r.kind === 'F').map(missingOf));
  fillSuppressedPlacements(
    ds,
    unplaced.map((r) => ({ year: r.y as number, placement: String(r.placement), missing: String(r.missing ?? 'not published'), file: String(r.path), line: r.line === null || r.line === undefined ? undefined : Number(r.line) })),
  );
  fillAbsentAges(ds, 'stock');
  fillAbsentAges(ds, 'new plans');
  noteUnpublishedLatestTotal(ds, [...unpublished.filter((r) => r.kind === 'T').map(missingOf), ...totalsWithoutRow(ds)]);
  // a year's new plans published as a marker: a run given none for it says so (messages/model.ts newPlansBorrowedForTotal)
  noteUnpublishedNewPlans(ds, unpublished.filter((r) => r.kind === 'N').map(missingOf));
}

/**
 * Says when the LA's plans end at an earlier January than the published files reach for other LAs (suppressed-ages.ts
 * noteEndsEarly): run after the SEN2 returns are added, which may give the later Januaries.
 */
export async function noteEndsEarlyInWarehouse(sql: SqlSource, ds: LaDataset): Promise<void> {
  const [r] = await sql.all(
    `WITH t AS (SELECT old_la_code, max(census_year)::INTEGER AS y FROM stock
                 WHERE geographic_level = 'Local authority' AND count IS NOT NULL AND measure = 'plans' AND need = 'ALL'
                   AND placement = 'ALL' AND age_from = 0 AND age_to = 25 GROUP BY ALL)
     SELECT max(y) AS year, count(*) FILTER (WHERE y = (SELECT max(y) FROM t))::DOUBLE AS las FROM t`,
  );
  if (r?.year !== null && r?.year !== undefined) noteEndsEarly(ds, { year: Number(r.year), las: Number(r.las) });
}

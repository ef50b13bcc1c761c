/**
 * Which release a published file is from, when its header does not say: the 2025 layout's files keep their columns
 * in later releases (a 2026 release's requests.csv or ceased_plans.csv is header for header a 2025 one), so two
 * releases given together were taken as two versions of one file, and every figure the later one revises stopped the
 * load ("unclear which one counts"). A release reaches a later January than the one before it: a file of the 2025
 * layout or later whose figures reach past its layout's January is of the release of its latest January, and the
 * newer release's figure is used per cell, as between layouts (ees-cell-picker.ts, overlaps.ts).
 *
 *   ees-2025 file, stocks to January 2025 / flows to calendar 2024 → ees-2025
 *   ees-2025 file, stocks to January 2026 / flows to calendar 2025 → ees-2026
 */
import { layoutRank } from './readers/ees-common.ts';
import type { Warehouse } from './warehouse.ts';

/** The first layout whose header is kept by later releases. */
const FIRST_LASTING_LAYOUT = 2025;

/** The January a figure stands for: a stock's census, or the January after a calendar year's flow. */
export function januaryOf(table: 'stock' | 'flow', year: number): number {
  return table === 'stock' ? year : year + 1;
}

/**
 * The source (release) of a file of layout `source` whose figures reach `latestJanuary`.
 * @example releaseSource('ees-2025', 2026) // 'ees-2026'
 */
export function releaseSource(source: string, latestJanuary: number | undefined): string {
  const layout = layoutRank(source);
  if (layout < FIRST_LASTING_LAYOUT || latestJanuary === undefined || latestJanuary <= layout) return source;
  return `ees-${latestJanuary}`;
}

/** Relabels the published rows of the files loaded from `firstFileId` on with their release (warehouse path). */
export async function relabelReleases(wh: Warehouse, firstFileId: number): Promise<void> {
  const files = await wh.query<{ file_id: number; source: string; y: number }>(
    `SELECT file_id, any_value(source) AS source, max(y)::INTEGER AS y FROM (
       SELECT file_id, source, census_year AS y FROM stock WHERE file_id >= $1
       UNION ALL SELECT file_id, source, flow_year + 1 FROM flow WHERE file_id >= $1) GROUP BY file_id`,
    [firstFileId],
  );
  for (const f of files) {
    const source = releaseSource(f.source, f.y);
    if (source === f.source) continue;
    for (const table of ['stock', 'flow']) await wh.run(`UPDATE ${table} SET source = $1 WHERE file_id = $2`, [source, f.file_id]);
  }
}

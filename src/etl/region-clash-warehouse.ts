/**
 * region-clash.ts on a warehouse: the LA rows of its files (the `la` table) with the path and first line of each
 * clashing LA's rows in each file, after a load's files are appended (load-files.ts, inside its transaction).
 */
import type { Problem } from '../errors.ts';
import { regionClashesAcrossFiles, regionClashProblems, type LaRegionRow } from './region-clash.ts';
import { nameClashesAcrossFiles } from './name-clash.ts';
import type { Warehouse } from './warehouse.ts';

/** The problems of LA codes that a file loaded from `firstNewFileId` on and another file give two regions, or two LAs' names. */
export async function regionClashesInWarehouse(wh: Warehouse, firstNewFileId: number): Promise<Problem[]> {
  const rows = await wh.query<LaRegionRow>(
    `SELECT old_la_code, coalesce(la_name, '') AS la_name, coalesce(region_code, '') AS region_code, coalesce(region_name, '') AS region_name, file_id
       FROM la WHERE coalesce(region_code, '') <> '' AND old_la_code IN (
         SELECT old_la_code FROM la WHERE coalesce(region_code, '') <> '' GROUP BY ALL HAVING count(DISTINCT upper(region_code)) > 1 OR count(DISTINCT lower(la_name)) > 1)`,
  );
  const isNew = (id: number): boolean => id >= firstNewFileId;
  const regions = regionClashesAcrossFiles(rows, isNew);
  const clashes = [...regions, ...nameClashesAcrossFiles(rows, isNew, regions)];
  if (clashes.length === 0) return [];
  const paths = new Map((await wh.query<{ file_id: number; path: string }>('SELECT file_id, path FROM loaded_file')).map((r) => [r.file_id, r.path]));
  const lines = new Map<string, number>();
  for (const { first, other } of clashes)
    for (const r of [first, other]) {
      const [hit] = await wh.query<{ line: number | null }>(
        `SELECT min(line)::BIGINT AS line FROM (SELECT line FROM stock WHERE file_id = $1 AND old_la_code = $2 AND geographic_level = 'Local authority'
           UNION ALL SELECT line FROM flow WHERE file_id = $1 AND old_la_code = $2 AND geographic_level = 'Local authority')`,
        [r.file_id, r.old_la_code],
      );
      if (hit?.line !== null && hit?.line !== undefined) lines.set(`${r.file_id}|${r.old_la_code}`, Number(hit.line));
    }
  return regionClashProblems(clashes, (id, code) => ({ file: paths.get(id) ?? `file ${id}`, line: lines.get(`${id}|${code}`) }));
}

/**
 * An LA code given two regions by two files (ees-common.ts regionClash checks one file): an LA is in one region, and
 * no published release gives one code two (none of the 156 LA codes of the real 2022 and 2025 releases does), so
 * one of the files has the wrong code on its rows (a row copied from another LA, or a code typed over) or the wrong
 * region. Before, caseload.csv giving LA 888 region South East and newplans.csv North West read as one LA with
 * neither said. Checked on load (load-files.ts, for load and run), on validate (region-clash-read.ts) and on
 * `forecast --ees` and `backtest --ees` (ees-datasets.ts): each calls regionClashesAcrossFiles, then finds the lines.
 */
import type { Problem } from '../errors.ts';
import { laInTwoRegionsAcrossFiles, laTwoNamesAcrossFiles } from '../messages/releases.ts';

/** An LA row of a file (the warehouse's `la` table, or the rows ees-datasets.ts reads). */
export interface LaRegionRow {
  old_la_code: string;
  la_name: string;
  region_code: string;
  region_name: string;
  file_id: number;
}

/** Two files giving one LA code two regions: the first file's row, and the other's. */
export interface RegionClashAcross {
  first: LaRegionRow;
  other: LaRegionRow;
  /** 'name': the two files give the code two LAs' names, not two regions (name-clash.ts). */
  what?: 'name';
}

/**
 * One clash per LA code whose files give it two regions (blank regions, and England's and the regions' own rows, are
 * not compared), the first file giving its region first; only clashes with a file `isNew` says is new, when given (a
 * load adds files to a warehouse whose earlier files were checked).
 * @example regionClashesAcrossFiles([{ old_la_code: '888', region_code: 'E12000002', file_id: 1, … }, { old_la_code: '888', region_code: 'E12000008', file_id: 2, … }]) // one clash
 */
export function regionClashesAcrossFiles(rows: readonly LaRegionRow[], isNew: (fileId: number) => boolean = () => true): RegionClashAcross[] {
  const first = new Map<string, LaRegionRow>();
  const out = new Map<string, RegionClashAcross>();
  const sorted = rows.filter((r) => r.region_code && r.old_la_code && r.old_la_code !== 'ALL').sort((a, b) => a.file_id - b.file_id);
  for (const r of sorted) {
    const f = first.get(r.old_la_code);
    if (!f) first.set(r.old_la_code, r);
    else if (f.region_code.toUpperCase() !== r.region_code.toUpperCase() && f.file_id !== r.file_id && (isNew(f.file_id) || isNew(r.file_id)) && !out.has(r.old_la_code))
      out.set(r.old_la_code, { first: f, other: r });
  }
  return [...out.values()];
}

/**
 * The problems of `clashes` (of regions, or of names: name-clash.ts), each at the other file's first line of the LA (`at`: the file's path and the first line
 * of the LA's rows in it, where known).
 */
export function regionClashProblems(clashes: readonly RegionClashAcross[], at: (fileId: number, code: string) => { file: string; line?: number }): Problem[] {
  const region = (r: LaRegionRow): string => (r.region_name ? `${r.region_name} (${r.region_code})` : r.region_code);
  return clashes.map(({ first, other, what }) => {
    const a = at(first.file_id, first.old_la_code);
    const b = at(other.file_id, other.old_la_code);
    const firstAt = `${a.file}${a.line ? ` (line ${a.line})` : ''}`;
    if (what === 'name') return { file: b.file, ...(b.line ? { line: b.line } : {}), column: 'la_name', message: laTwoNamesAcrossFiles(other.old_la_code, other.la_name, firstAt, first.la_name) };
    const message = laInTwoRegionsAcrossFiles(other.old_la_code, other.la_name, region(other), firstAt, first.la_name, region(first));
    return { file: b.file, ...(b.line ? { line: b.line } : {}), column: 'region_code', message };
  });
}

/**
 * The shipped reference series (reference/england-ehcp-series.csv, made by scripts/make-reference.ts from a DfE
 * release, OGL v3.0): England's and the regions' published totals, England's stock by age band, and new plans.
 * A run whose data hold only its own LA pools its trend towards them and borrows England's age shape when it has
 * no age breakdown of its own. Read here (I/O at the edge); the model gets plain LaDatasets.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyDataset, type LaDataset } from '../model/dataset.ts';
import { parseStatistics, type ReferenceStatistics } from '../model/forecast/batch-stats.ts';

/** A shipped file of reference/, found from this module upwards (src/etl/ in a checkout, dist/<build>/ when compiled). */
export function referenceFile(name = 'england-ehcp-series.csv'): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const f = join(dir, 'reference', name);
    if (existsSync(f)) return f;
    dir = dirname(dir);
  }
  throw new Error(`reference/${name} is missing from the installation`);
}
const HEADER = 'area_level,area_code,area_name,series,year,age_from,age_to,value';

/** The reference CSV text for England and its regions. */
export function referenceCsv(national: LaDataset, regions: readonly LaDataset[]): string {
  const lines = [HEADER];
  const q = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const area = (level: string, d: LaDataset): void => {
    const id = `${level},${d.la.newCode},${q(d.la.name)}`;
    for (const [y, v] of Object.entries(d.stockTotal)) lines.push(`${id},stock_total,${y},0,25,${v}`);
    for (const [y, v] of Object.entries(d.newPlansTotal)) lines.push(`${id},new_plans_total,${y},0,25,${v}`);
    if (level !== 'National') return;
    for (const r of d.stockByAge) lines.push(`${id},stock_by_age,${r.year},${r.from},${r.to},${r.count}`);
    for (const r of d.newPlansByAge) lines.push(`${id},new_plans_by_age,${r.year},${r.from},${r.to},${r.count}`);
  };
  area('National', national);
  for (const r of regions) area('Regional', r);
  return lines.join('\n') + '\n';
}

/** Parses the reference CSV into England's and the regions' datasets (region code in `regionCode`). */
export function parseReference(text: string): { national: LaDataset; regions: LaDataset[] } {
  const areas = new Map<string, LaDataset>();
  let national: LaDataset | undefined;
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (!line.trim()) continue;
    const m = /^([^,]*),([^,]*),("(?:[^"]|"")*"|[^,]*),([^,]*),(\d+),(\d+),(\d+),([0-9.eE+-]+)$/.exec(line);
    if (!m) continue;
    const [, level, code, rawName, series, y, from, to, v] = m as unknown as string[];
    const name = rawName!.startsWith('"') ? rawName!.slice(1, -1).replace(/""/g, '"') : rawName!;
    let d = areas.get(code!);
    if (!d) {
      d = emptyDataset({ oldCode: level === 'National' ? 'ALL' : code!, newCode: code!, name });
      if (level === 'Regional') d.regionCode = code!;
      areas.set(code!, d);
      if (level === 'National') national = d;
    }
    const year = Number(y);
    const value = Number(v);
    if (series === 'stock_total') d.stockTotal[year] = value;
    else if (series === 'new_plans_total') d.newPlansTotal[year] = value;
    else if (series === 'stock_by_age') d.stockByAge.push({ year, from: Number(from), to: Number(to), count: value });
    else if (series === 'new_plans_by_age') d.newPlansByAge.push({ year, from: Number(from), to: Number(to), count: value });
  }
  if (!national) throw new Error('reference/england-ehcp-series.csv holds no national rows');
  return { national, regions: [...areas.values()].filter((d) => d !== national) };
}

/** Reads the shipped whole releases' batch statistics (reference/batch-statistics.csv, model/forecast/batch-stats.ts). */
export async function loadReferenceStatistics(): Promise<ReferenceStatistics[]> {
  return parseStatistics(await readFile(referenceFile('batch-statistics.csv'), 'utf8'));
}

/** Reads the shipped reference series. */
export async function loadReference(): Promise<{ national: LaDataset; regions: LaDataset[] }> {
  return parseReference(await readFile(referenceFile(), 'utf8'));
}

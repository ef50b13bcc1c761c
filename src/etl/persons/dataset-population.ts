/**
 * Population for an LA's dataset: census year Y ← the mid-year (30 June) figure of Y−1, single ages 0–25,
 * persons (or males + females), preferring a mid-year estimate over a projection for the same year.
 */
import { MAX_AGE, N_AGES, canonicalNewCode } from '../../domain/index.ts';
import type { LaDataset } from '../../model/dataset.ts';
import { sen2PopulationNote } from '../../messages/sen2.ts';
import type { SqlSource } from './sql-source.ts';

export async function addPopulation(sql: SqlSource, ds: LaDataset): Promise<void> {
  if (!ds.la.newCode) return;
  const codes = [...new Set([ds.la.newCode, canonicalNewCode(ds.la.newCode)])];
  const rows = await sql.all(
    `WITH p AS (SELECT year::INTEGER AS y, age::INTEGER AS age, lower(kind) AS kind, lower(sex) AS sex, count
                  FROM population WHERE area_code IN (${codes.map(() => '?').join(', ')}) AND age BETWEEN 0 AND ${MAX_AGE}),
          s AS (SELECT y, age, kind,
                       coalesce(sum(count) FILTER (WHERE sex IN ('persons', 'all', 'total', 'p', 'all persons')),
                                sum(count) FILTER (WHERE sex NOT IN ('persons', 'all', 'total', 'p', 'all persons')))::DOUBLE AS n
                  FROM p GROUP BY ALL)
     SELECT y, age, kind, n FROM s
     QUALIFY dense_rank() OVER (PARTITION BY y ORDER BY CASE kind WHEN 'mye' THEN 0 ELSE 1 END, kind) = 1
     ORDER BY y, age`,
    codes,
  );
  const kinds = new Set<string>();
  for (const r of rows) {
    const censusYear = (r.y as number) + 1;
    const arr = (ds.population[censusYear] ??= new Float64Array(N_AGES));
    arr[r.age as number] = r.n as number;
    kinds.add(String(r.kind));
  }
  if (rows.length > 0) {
    // in the order of preference (estimates first), not the order the rows came in: the same note every run
    const label = [...kinds].sort((a, b) => Number(a !== 'mye') - Number(b !== 'mye') || a.localeCompare(b)).map((k) => (k === 'mye' ? 'mid-year estimate' : k === 'snpp' ? 'subnational projection' : k)).join(' or ');
    ds.notes.push(sen2PopulationNote(label, ds.la.newCode));
  }
}

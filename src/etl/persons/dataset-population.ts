/**
 * Population for an LA's dataset: census year Y ← the mid-year (30 June) figure of Y−1, single ages 0–25,
 * persons (or males + females), preferring a mid-year estimate over a projection for the same year.
 * A year that gives some ages 0–25 and not others (a blank or marker cell, a row or column missing from the file)
 * is refused: the missing ages would count as no children, and no new plans would arise there without a word.
 */
import { MAX_AGE, MIN_AGE, N_AGES, councilNewCodes } from '../../domain/index.ts';
import { inputError } from '../../errors.ts';
import type { LaDataset } from '../../model/dataset.ts';
import { populationAgesMissing, populationAgesZero, populationNotForLaNote, populationOtherAreas, populationSexesDisagree } from '../../messages/population.ts';
import { sen2PopulationNote } from '../../messages/sen2.ts';
import { PERSONS_SEX_LABELS } from '../readers/ons-snpp.ts';
import type { SqlSource } from './sql-source.ts';

export async function addPopulation(sql: SqlSource, ds: LaDataset): Promise<void> {
  if (!ds.la.newCode) return;
  // every ONS code of the council, its own first: ONS gives North Yorkshire E10000023 to mid-2022 and E06000065 after,
  // and a release naming it E06000065 found none of the earlier years; each year is read under one code (its own
  // first), so a year given under both is not counted twice
  const codes = councilNewCodes(ds.la.newCode);
  const persons = PERSONS_SEX_LABELS.map((l) => `'${l}'`).join(', ');
  const rows = await sql.all(
    `WITH p AS (SELECT year::INTEGER AS y, age::INTEGER AS age, lower(kind) AS kind, lower(sex) AS sex, count,
                       list_position([${codes.map(() => '?').join(', ')}], area_code) AS code_rank
                  FROM population WHERE area_code IN (${codes.map(() => '?').join(', ')}) AND age BETWEEN 0 AND ${MAX_AGE}),
          s AS (SELECT y, age, kind, code_rank,
                       coalesce(sum(count) FILTER (WHERE sex IN (${persons})),
                                sum(count) FILTER (WHERE sex NOT IN (${persons})))::DOUBLE AS n
                  FROM p GROUP BY ALL)
     SELECT y, age, kind, n FROM s
     QUALIFY dense_rank() OVER (PARTITION BY y ORDER BY CASE kind WHEN 'mye' THEN 0 ELSE 1 END, kind, code_rank) = 1
     ORDER BY y, age`,
    [...codes, ...codes],
  );
  const kinds = new Set<string>();
  const given = new Map<number, { kind: string; ages: Set<number> }>();
  for (const r of rows) {
    const censusYear = (r.y as number) + 1;
    const arr = (ds.population[censusYear] ??= new Float64Array(N_AGES));
    arr[r.age as number] = r.n as number;
    kinds.add(String(r.kind));
    const g = given.get(r.y as number) ?? { kind: String(r.kind), ages: new Set<number>() };
    g.ages.add(r.age as number);
    given.set(r.y as number, g);
  }
  for (const [year, g] of given) {
    const missing: number[] = [];
    for (let a = MIN_AGE; a <= MAX_AGE; a++) if (!g.ages.has(a)) missing.push(a);
    const zeros = lostZeros(ds.population[year + 1]!, missing);
    if (missing.length === 0 && zeros.length === 0) continue;
    const files = await sql.all(
      `SELECT DISTINCT f.path FROM population p JOIN loaded_file f USING (file_id)
        WHERE p.area_code IN (${codes.map(() => '?').join(', ')}) AND p.year = ? AND lower(p.kind) = ? ORDER BY f.path`,
      [...codes, year, g.kind],
    );
    const paths = files.map((f) => String(f.path));
    const m = missing.length > 0 ? populationAgesMissing(ds.la.newCode, year, g.kind, missing, paths) : populationAgesZero(ds.la.newCode, year, g.kind, zeros, paths);
    throw inputError(m, paths.map((file) => ({ file, message: m })));
  }
  // the files of each year's population (its kind's): named where a year is out of line with the others (gates.ts)
  if (given.size > 0) {
    const files = await sql.all(
      `SELECT p.year::INTEGER AS y, lower(p.kind) AS kind, string_agg(DISTINCT f.path, '\n' ORDER BY f.path) AS paths
         FROM population p JOIN loaded_file f USING (file_id) WHERE p.area_code IN (${codes.map(() => '?').join(', ')}) GROUP BY ALL`,
      codes,
    );
    for (const r of files) if (given.get(r.y as number)?.kind === r.kind) (ds.populationFiles ??= {})[(r.y as number) + 1] = String(r.paths).split('\n');
  }
  if (rows.length === 0) {
    // population files loaded, but none for this LA's area: said, not passed over (the run projects without them)
    const [{ n } = { n: 0 }] = await sql.all('SELECT count(*)::DOUBLE AS n FROM (SELECT 1 FROM population LIMIT 1)');
    if (Number(n) > 0) ds.notes.push(populationNotForLaNote(ds.la.name, ds.la.newCode));
    return;
  }
  if (!kinds.has('snpp')) {
    // projections of other areas only: the LA's population ended with its estimates, and the note on stderr said only
    // to load a projection, though one was loaded (for another area, or under a mistyped AREA_CODE)
    const other = await sql.all(
      `SELECT string_agg(DISTINCT p.area_code, ', ' ORDER BY p.area_code) AS areas, string_agg(DISTINCT f.path, ', ' ORDER BY f.path) AS files
         FROM population p JOIN loaded_file f USING (file_id) WHERE lower(p.kind) = 'snpp'`,
    );
    const areas = other[0]?.areas;
    if (typeof areas === 'string' && areas !== '') ds.notes.push(populationOtherAreas(ds.la.newCode, areas.split(', '), String(other[0]!.files).split(', ')));
  }
  // persons are used where a file gives them, males + females otherwise: where it gives both and they disagree beyond
  // rounding (1 person, or 0.1%), one of them was edited or pasted and the run counted the persons without a word
  const places = codes.map(() => '?').join(', ');
  const disagree = await sql.all(
    `WITH p AS (SELECT file_id, year::INTEGER AS y, age::INTEGER AS age,
                       sum(count) FILTER (WHERE lower(sex) IN (${persons}))::DOUBLE AS persons,
                       sum(count) FILTER (WHERE lower(sex) NOT IN (${persons}))::DOUBLE AS sexes,
                       count(*) FILTER (WHERE lower(sex) NOT IN (${persons})) AS n_sexes
                  FROM population WHERE area_code IN (${places}) AND age BETWEEN 0 AND ${MAX_AGE} GROUP BY ALL),
          d AS (SELECT * FROM p WHERE n_sexes = 2 AND abs(persons - sexes) > greatest(1, 0.001 * persons))
     SELECT d.y, d.age, d.persons, d.sexes, count(*) OVER () AS n, string_agg(DISTINCT f.path, ', ' ORDER BY f.path) OVER () AS files
       FROM d JOIN loaded_file f USING (file_id) ORDER BY d.y, d.age LIMIT 3`,
    codes,
  );
  if (disagree.length > 0) {
    const first = disagree.map((r) => ({ midYear: Number(r.y), age: Number(r.age), persons: Number(r.persons), sexes: Number(r.sexes) }));
    ds.notes.push(populationSexesDisagree(ds.la.newCode, Number(disagree[0]!.n), first, String(disagree[0]!.files).split(', ')));
  }
  // in the order of preference (estimates first), not the order the rows came in: the same note every run
  const label = [...kinds].sort((a, b) => Number(a !== 'mye') - Number(b !== 'mye') || a.localeCompare(b)).map((k) => (k === 'mye' ? 'mid-year estimate' : k === 'snpp' ? 'subnational projection' : k)).join(' or ');
  ds.notes.push(sen2PopulationNote(label, ds.la.newCode));
}

/**
 * People aged 0–25 of a year above which an age of 0 people is a figure lost, not a count: about 50 a year of age.
 * The Isles of Scilly (about 400 aged 0–25, one person at one age in mid-2019) may have an age with none; City of
 * London (about 2,500, none under 60 at any age) may not.
 */
export const ZERO_AGE_MIN_PEOPLE = 1300;

/**
 * Ages 0–25 (not among `missing`) at which a year's population is 0 and that cannot be a count: every age, or any age
 * of a population of at least ZERO_AGE_MIN_PEOPLE. A lost figure read as 0 (a blank filled with 0, a lookup that
 * failed) gave its age no new plans: Kent's mid-2020 estimate all 0 stopped a run saying the data held no new plans.
 */
function lostZeros(pop: Float64Array, missing: readonly number[]): number[] {
  const zeros: number[] = [];
  let people = 0;
  for (let a = MIN_AGE; a <= MAX_AGE; a++) {
    people += pop[a]!;
    if (pop[a] === 0 && !missing.includes(a)) zeros.push(a);
  }
  return zeros.length === N_AGES || people >= ZERO_AGE_MIN_PEOPLE ? zeros : [];
}

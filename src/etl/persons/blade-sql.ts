/**
 * SQL that joins the nine Blade module tables (loaded by DuckDB's read_csv as `m_<module>`) into one JSON
 * document per person, nested as in the XML return. DuckDB does the join (fast, out of JS memory); JS then
 * validates each person exactly as for XML. `ln` is the record's line in its module file (header = line 1); lists are
 * unordered (an ORDER BY inside list() over nested structs is very slow) and sorted by `ln` in JS.
 */
import { BLADE_SPEC, idColumn, type BladeModule } from './blade-modules.ts';

/** Quotes an SQL string literal. */
export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

function struct(m: BladeModule, present: ReadonlySet<string>, extra: Record<string, string> = {}): string {
  const spec = BLADE_SPEC[m];
  const fields = [`'k': t.${idColumn(m)}`, `'ln': t.__ln`];
  for (const c of [...spec.required, ...spec.optional]) {
    if (c === idColumn(m)) continue;
    fields.push(`'${c}': ${present.has(c) ? `t."${c}"` : 'NULL::VARCHAR'}`);
  }
  for (const [k, v] of Object.entries(extra)) fields.push(`'${k}': ${v}`);
  return `{${fields.join(', ')}}`;
}

/** Child list of `m` grouped by its parent id: `SELECT parent_id AS pk, list(struct) AS l FROM m_<m> t …`. */
function grouped(m: BladeModule, present: ReadonlySet<string>, range: PersonRange, joins: Array<[string, string]> = []): string {
  const parent = BLADE_SPEC[m].parent!;
  const extra: Record<string, string> = {};
  const joinSql = joins.map(([alias]) => {
    extra[alias] = `${alias}.l`;
    return `LEFT JOIN g_${alias} ${alias} ON ${alias}.pk = t.${idColumn(m)}`;
  });
  return `SELECT t.${idColumn(parent)} AS pk, list(${struct(m, present, extra)}) AS l
    FROM m_${m} t ${joinSql.join(' ')} WHERE ${inRange(range)} GROUP BY t.${idColumn(parent)}`;
}

/** Persons `from` to `to` (ordinals, 0-based, inclusive): the query runs per batch to bound memory. */
export interface PersonRange {
  from: number;
  to: number;
}

function inRange(r: PersonRange): string {
  return `t.__pn BETWEEN ${Math.floor(r.from)} AND ${Math.floor(r.to)}`;
}

/**
 * Adds `__ln` (line in the module file) and `__pn` (ordinal of the person the record belongs to) to every module
 * table, each table sorted by person, so a batch of persons reads a contiguous range of every table.
 */
export function personOrdinalStatements(): string[] {
  const out = ['CREATE OR REPLACE TABLE m_person AS SELECT t.*, t.rowid + 2 AS __ln, t.rowid AS __pn FROM m_person t'];
  for (const m of ['requests', 'assessment', 'namedplan', 'plandetail', 'activeplans', 'placementdetail', 'senneed'] as const) {
    const pid = idColumn(BLADE_SPEC[m].parent!);
    out.push(`CREATE OR REPLACE TABLE m_${m} AS SELECT t.*, t.rowid + 2 AS __ln, p.__pn FROM m_${m} t
      LEFT JOIN (SELECT ${pid}, min(__pn) AS __pn FROM m_${BLADE_SPEC[m].parent} GROUP BY ${pid}) p ON p.${pid} = t.${pid}
      ORDER BY p.__pn NULLS LAST, t.rowid`);
  }
  return out;
}

/** The query giving one row per person of the range: (ln, j) with j the person's nested JSON. */
export function personJsonQuery(columns: Record<BladeModule, ReadonlySet<string>>, range: PersonRange): string {
  const c = columns;
  const r = range;
  return `WITH
    g_placementdetail AS (${grouped('placementdetail', c.placementdetail, r)}),
    g_senneed AS (${grouped('senneed', c.senneed, r)}),
    g_activeplans AS (${grouped('activeplans', c.activeplans, r, [['placementdetail', ''], ['senneed', '']])}),
    g_plandetail AS (${grouped('plandetail', c.plandetail, r)}),
    g_namedplan AS (${grouped('namedplan', c.namedplan, r, [['plandetail', '']])}),
    g_assessment AS (${grouped('assessment', c.assessment, r, [['namedplan', '']])}),
    g_requests AS (${grouped('requests', c.requests, r, [['assessment', ''], ['activeplans', '']])})
  SELECT t.__ln AS ln, to_json(${struct('person', c.person, { requests: 'requests.l' })})::VARCHAR AS j
  FROM m_person t LEFT JOIN g_requests requests ON requests.pk = t.persontableid
  WHERE ${inRange(r)} ORDER BY t.__pn`;
}

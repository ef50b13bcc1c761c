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
  const fields = [`'k': t.${idColumn(m)}`, `'ln': t.rowid + 2`];
  for (const c of [...spec.required, ...spec.optional]) {
    if (c === idColumn(m)) continue;
    fields.push(`'${c}': ${present.has(c) ? `t."${c}"` : 'NULL::VARCHAR'}`);
  }
  for (const [k, v] of Object.entries(extra)) fields.push(`'${k}': ${v}`);
  return `{${fields.join(', ')}}`;
}

/** Child list of `m` grouped by its parent id: `SELECT parent_id AS pk, list(struct) AS l FROM m_<m> t …`. */
function grouped(m: BladeModule, present: ReadonlySet<string>, joins: Array<[string, string]> = []): string {
  const parent = BLADE_SPEC[m].parent!;
  const extra: Record<string, string> = {};
  const joinSql = joins.map(([alias]) => {
    extra[alias] = `${alias}.l`;
    return `LEFT JOIN g_${alias} ${alias} ON ${alias}.pk = t.${idColumn(m)}`;
  });
  return `SELECT t.${idColumn(parent)} AS pk, list(${struct(m, present, extra)}) AS l
    FROM m_${m} t ${joinSql.join(' ')} GROUP BY t.${idColumn(parent)}`;
}

/** The query giving one row per person: (ln, j) with j the person's nested JSON. */
export function personJsonQuery(columns: Record<BladeModule, ReadonlySet<string>>): string {
  const c = columns;
  return `WITH
    g_placementdetail AS (${grouped('placementdetail', c.placementdetail)}),
    g_senneed AS (${grouped('senneed', c.senneed)}),
    g_activeplans AS (${grouped('activeplans', c.activeplans, [['placementdetail', ''], ['senneed', '']])}),
    g_plandetail AS (${grouped('plandetail', c.plandetail)}),
    g_namedplan AS (${grouped('namedplan', c.namedplan, [['plandetail', '']])}),
    g_assessment AS (${grouped('assessment', c.assessment, [['namedplan', '']])}),
    g_requests AS (${grouped('requests', c.requests, [['assessment', ''], ['activeplans', '']])})
  SELECT t.rowid + 2 AS ln, to_json(${struct('person', c.person, { requests: 'requests.l' })})::VARCHAR AS j
  FROM m_person t LEFT JOIN g_requests requests ON requests.pk = t.persontableid
  ORDER BY t.rowid`;
}

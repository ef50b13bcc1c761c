/**
 * Reference reader for the Blade export, used only by tests: the former per-person path (DuckDB builds one
 * nested JSON document per person; JS turns it into a RawPerson and validates it with PersonRowBuilder, the XML
 * path's validator). blade-equivalence.test.ts checks the set-based reader (src/etl/persons/blade-read.ts) gives
 * the same rows and problems.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import type { ReadContext, ReadReport } from '../../../src/etl/reader.ts';
import { findModuleFiles, loadModules } from '../../../src/etl/persons/blade-files.ts';
import { BLADE_SPEC, idColumn, type BladeModule } from '../../../src/etl/persons/blade-modules.ts';
import { isoOfDate, parseSen2Date } from '../../../src/etl/persons/dates.ts';
import { outcomeCodesFor } from '../../../src/etl/persons/outcome-codes.ts';
import { PersonRowBuilder, type RowOut } from '../../../src/etl/persons/person-rows.ts';
import { ProblemLog } from '../../../src/etl/problem-log.ts';
import { sen2SeveralActivePlans, sen2UnattachedRecords } from '../../../src/messages/sen2.ts';
import type { RawPerson, RawPlacement, SrcRef } from '../../../src/etl/persons/raw.ts';

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

type J = Record<string, unknown>;

function s(o: J, k: string): string | undefined {
  const v = o[k];
  return v === null || v === undefined ? undefined : String(v);
}

/** Child records in file order (DuckDB's list() does not keep it; ordering inside the SQL aggregate is slow). */
function list(o: J, k: string): J[] {
  const v = o[k];
  if (!Array.isArray(v)) return [];
  const items = v as J[];
  return items.length > 1 ? items.sort((a, b) => (a['ln'] as number) - (b['ln'] as number)) : items;
}

export type ModuleFiles = Record<BladeModule, string>;

function ref(files: ModuleFiles, m: BladeModule, o: J, parent?: SrcRef): SrcRef {
  const seg = `${m}[${m}tableid=${s(o, 'k') ?? '?'}]`;
  const r: SrcRef = { file: files[m], path: parent ? `${parent.path}/${seg}` : seg };
  const ln = o['ln'];
  if (typeof ln === 'number') r.line = ln;
  return r;
}

function placements(files: ModuleFiles, m: 'plandetail' | 'placementdetail', items: J[], parent: SrcRef): RawPlacement[] {
  return items.map((p) => ({
    src: ref(files, m, p, parent),
    urn: s(p, 'urn'),
    ukprn: s(p, 'ukprn'),
    senSetting: s(p, 'sensetting'),
    placementRank: s(p, 'placementrank'),
    senUnitIndicator: s(p, 'senunitindicator'),
    resourcedProvisionIndicator: s(p, 'resourcedprovisionindicator'),
    entryDate: s(p, 'entrydate'),
    leavingDate: s(p, 'leavingdate'),
  }));
}

export function personFromBlade(p: J, files: ModuleFiles): RawPerson {
  const src = ref(files, 'person', p);
  return {
    src,
    upn: s(p, 'upn'),
    uln: s(p, 'uniquelearnernumber'),
    birthDate: s(p, 'personbirthdate'),
    sex: s(p, 'sex') ?? s(p, 'gendercurrent'),
    ethnicity: s(p, 'ethnicity'),
    requests: list(p, 'requests').map((r) => {
      const rs = ref(files, 'requests', r, src);
      return {
        src: rs,
        receivedDate: s(r, 'receiveddate'),
        outcome: s(r, 'requestoutcome'),
        outcomeDate: s(r, 'requestoutcomedate'),
        assessments: list(r, 'assessment').map((a) => {
          const as = ref(files, 'assessment', a, rs);
          return {
            src: as,
            outcome: s(a, 'assessmentoutcome'),
            outcomeDate: s(a, 'assessmentoutcomedate'),
            week20: s(a, 'week20'),
            namedPlans: list(a, 'namedplan').map((n) => {
              const ns = ref(files, 'namedplan', n, as);
              return {
                src: ns,
                startDate: s(n, 'startdate'),
                ceaseDate: s(n, 'ceasedate'),
                ceaseReason: s(n, 'ceasereason'),
                details: placements(files, 'plandetail', list(n, 'plandetail'), ns),
              };
            }),
          };
        }),
        activePlans: list(r, 'activeplans').map((ap) => {
          const aps = ref(files, 'activeplans', ap, rs);
          return {
            src: aps,
            transferLa: s(ap, 'transferla'),
            lastReview: s(ap, 'lastreview'),
            placements: placements(files, 'placementdetail', list(ap, 'placementdetail'), aps),
            needs: list(ap, 'senneed').map((n) => ({ src: ref(files, 'senneed', n, aps), senType: s(n, 'sentype'), senTypeRank: s(n, 'sentyperank') })),
          };
        }),
      };
    }),
  };
}

/** Reads a Blade export the former way: every row and every problem. */
export async function referenceReadBlade(path: string, ctx: ReadContext): Promise<{ rows: RowOut[]; report: ReadReport; unidentified: number }> {
  const log = new ProblemLog();
  const files = findModuleFiles(path, log)!;
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const rows: RowOut[] = [];
  try {
    const cols = (await loadModules(con, files, log))!;
    const h = (await con.runAndReadAll('SELECT year, referencedate, lea FROM m_sen2 ORDER BY rowid LIMIT 1')).getRows()[0]!;
    const ref = parseSen2Date(String(h[1])) ?? undefined;
    const header = { collection: 'SEN2', censusYear: Number(h[0]), laCode: String(h[2]), ...(ref ? { referenceDate: ref } : {}) };
    const builder = new PersonRowBuilder(
      { header, fileId: ctx.fileId, hashKey: ctx.hashKey, today: isoOfDate(ctx.today), codes: outcomeCodesFor(header.censusYear) },
      log,
    );
    for (const s of personOrdinalStatements()) await con.run(s);
    // records attached to no person (their parent id matches no parent record attached to one): counted per module
    for (const m of ['requests', 'assessment', 'namedplan', 'plandetail', 'activeplans', 'placementdetail', 'senneed'] as const) {
      const pid = idColumn(BLADE_SPEC[m].parent!);
      const [n, ln, id] = (await con.runAndReadAll(`SELECT count(*)::DOUBLE, min(__ln), arg_min(${pid}, __ln) FROM m_${m} WHERE __pn IS NULL`)).getRows()[0]!;
      if (Number(n) > 0) log.warn({ file: files[m], line: Number(ln), path: pid }, sen2UnattachedRecords(m, BLADE_SPEC[m].parent!, pid, id === null ? undefined : String(id), Number(n)));
    }
    const docs = (await con.runAndReadAll(personJsonQuery(cols, { from: 0, to: 1e9 }))).getColumns()[1] ?? [];
    for (const v of docs) rows.push(...builder.rows(personFromBlade(JSON.parse(String(v)) as Record<string, unknown>, files)));
    const several = builder.firstSeveralActive;
    if (several) log.warn({ file: files.activeplans, line: several.line, path: 'activeplans' }, sen2SeveralActivePlans(builder.severalActive, 'activeplans record'));
    return { rows, report: { rows: rows.length, ...log.finish() }, unidentified: builder.unidentified };
  } finally {
    con.closeSync();
    db.closeSync();
  }
}

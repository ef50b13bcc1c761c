/**
 * Reads a whole Blade export set-based, in DuckDB (the reader's private in-memory database, or a staging database
 * beside the warehouse: staging.ts):
 *
 *   x_ tables (blade-sql.ts personStatement, childStatement; dates and codes resolved through lookups JS fills
 *   from the distinct raw values with the same functions the XML path uses) ─ validation queries returning only
 *   offending rows ─ identifiers hashed in SQL (personKeyHexSql, keyOfHexSql: personKey, so XML and Blade returns link)
 *   ─ rows emitted to a sink or inserted into the warehouse by SQL (blade-emit.ts: emitRows, insertRows).
 *
 * The rules are PersonRowBuilder's (person-rows.ts), checked in blade-checks.ts; rows are emitted only when the
 * export has no errors.
 */
import { CODE_LIKE_SQL, codeLike } from '../../util/code-like.ts';
import type { DuckDBConnection } from '@duckdb/node-api';
import { sen2BladeNoPersons, sen2DuplicatePerson, sen2UnattachedRecords } from '../../messages/sen2.ts';
import { checks, FETCH, rowsOf, str, type Found, type ModuleFiles } from './blade-checks.ts';
import { BLADE_SPEC, idColumn, type BladeModule } from './blade-modules.ts';
import { LOOKUP_SOURCES, MACROS, childStatement, moduleColumns, moduleDatesQuery, personStatement, idFactsQuery, idsByRowQuery, idText } from './blade-sql.ts';
import { sqlText } from '../sql-quote.ts';
import { ceaseReasonOf, clean, isBadRank, isCeaseReason, rankOf, sen2Need, sen2Setting } from './codes.ts';
import { parseSen2Date } from './dates.ts';
import { asciiTrimSql, hasIdentifier, keyOfHexSql, personKey, personKeyHexSql, type IdentifierKind } from './hash.ts';
import type { ReturnContext } from './person-rows.ts';
import type { ProblemLog } from '../problem-log.ts';


/**
 * A lookup table `lk_<name>(raw, …)` filled from `source`'s distinct raw values by `fn` (JS, the XML path's rules);
 * values blank to JS's `trim` are left out unless `skipBlank` is false (the XML path skips them too).
 */
async function lookup(
  con: DuckDBConnection, name: string, columns: Array<[string, 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BOOLEAN']>,
  source: string, fn: (raw: string, all: readonly string[]) => Array<string | number | boolean | null>, skipBlank = true,
): Promise<void> {
  await con.run(`CREATE OR REPLACE TABLE lk_${name} (raw VARCHAR, ${columns.map(([c, t]) => `${c} ${t}`).join(', ')})`);
  const raws = (await rowsOf(con, source)).map((r) => String(r[0])).filter((raw) => !skipBlank || raw.trim() !== '');
  const ap = await con.createAppender(`lk_${name}`);
  for (const raw of raws) {
    ap.appendVarchar(raw);
    fn(raw, raws).forEach((v, i) => {
      if (v === null) ap.appendNull();
      else if (columns[i]![1] === 'VARCHAR') ap.appendVarchar(String(v));
      else if (columns[i]![1] === 'BOOLEAN') ap.appendBoolean(Boolean(v));
      else if (columns[i]![1] === 'INTEGER') ap.appendInteger(Number(v));
      else ap.appendDouble(Number(v));
    });
    ap.endRow();
  }
  ap.flushSync();
  ap.closeSync();
}

/** The modules with children (sen2, the return, is never joined). */
const PARENTS: ReadonlySet<BladeModule> = new Set(Object.values(BLADE_SPEC).flatMap((s) => (s.parent && s.parent !== 'sen2' ? [s.parent] : [])));

/**
 * Links each module table into its x_ table as soon as it is loaded (loadModules' `loaded`, in BLADE_MODULES order:
 * each parent before its children), and drops the module table: no more than one raw module table is held at a
 * time besides m_sen2 (kept for the header). Dates are resolved through `dm`, which each module extends with its new
 * raw dates (parseSen2Date, once per distinct value). Call it for every module loaded, until one fails; it does
 * nothing when the header gives no census year (the export is then not read further).
 */
export class Linker {
  private readonly cols = {} as Record<BladeModule, ReadonlySet<string>>;
  private censusYear: number | undefined;
  private stopped = false;
  /** The id facts of each parent table (idFactsQuery), counted once: requests and activeplans have two children each. */
  private readonly facts = new Map<BladeModule, { unique: boolean; text: boolean }>();
  /** Parent modules whose number ids are their rows plus a constant (idsByRowQuery), so all different. */
  private readonly idsByRow = new Set<BladeModule>();
  /** Modules with records attached to no parent, their ids in lk_orphan_<module>. */
  private readonly orphaned = new Set<BladeModule>();
  /**
   * Per child module with records attached to no parent (childStatement leaves them out): how many, the first, and
   * how many of them name a parent that is in the export but is itself such a record.
   */
  readonly unattached: Array<{ module: BladeModule; n: number; line: number; parentId: string | undefined; underOrphan: number }> = [];

  constructor(
    private readonly con: DuckDBConnection,
    /** The census year of the export's header (m_sen2), or undefined when it has none. */
    private readonly headerYear: (cols: ReadonlySet<string>) => Promise<number | undefined>,
  ) {}

  /**
   * The SELECT list of module `m`'s table (loadModules' `select`): ids split into number and text (moduleColumns)
   * once the macros are made, that is after a header with a census year; else the columns as read.
   */
  select(m: BladeModule, present: readonly string[]): string[] | undefined {
    return this.censusYear !== undefined && !this.stopped && m !== 'sen2' ? moduleColumns(m, present) : undefined;
  }

  /** Links module `m`, just loaded as m_<m> with these columns. */
  async loaded(m: BladeModule, columns: ReadonlySet<string>): Promise<void> {
    if (this.stopped) return;
    const con = this.con;
    this.cols[m] = columns;
    if (m === 'sen2') {
      this.censusYear = await this.headerYear(columns);
      if (this.censusYear === undefined) {
        this.stopped = true;
        return;
      }
      // one call (each is a round trip to DuckDB's thread); `dm` is a view, so the dates each module adds to
      // lk_dates are in it without making it again (a table remade after each module cost a statement each time)
      await con.run([...MACROS, 'CREATE OR REPLACE TABLE lk_dates (raw VARCHAR, iso VARCHAR, bad BOOLEAN)',
        'CREATE OR REPLACE VIEW dm AS SELECT raw, CAST(iso AS DATE) AS d, bad FROM lk_dates'].join(';\n'));
      return;
    }
    await this.addDates(m);
    if (m === 'person') {
      await con.run(personStatement(this.cols, this.censusYear!));
    } else {
      const p = BLADE_SPEC[m].parent!;
      let facts = this.facts.get(p);
      if (!facts) {
        const [unique, text] = (await rowsOf(con, idFactsQuery(p, this.idsByRow.has(p))))[0]!;
        this.facts.set(p, (facts = { unique: unique === true, text: text === true }));
      }
      await con.run(childStatement(this.cols, m, facts));
      // a record whose parent id is in no parent record is left out of x_ (as the XML has no place for it): a plan
      // or placement that would be lost unseen, so each module's are counted here and warned about (validate).
      // A record joins at most one parent (childStatement: one parent per id; a record has a number id or a text
      // one), so x_ is short of m_ by exactly those records: the two row counts say whether to look for them (the
      // search itself, an anti-join of every record, took about 1 s of CPU on a 650,000-person export that has none)
      const [inModule, linked] = (await rowsOf(con, `SELECT (SELECT count(*) FROM m_${m})::DOUBLE, (SELECT count(*) FROM x_${m})::DOUBLE`))[0]!;
      if (inModule !== linked) {
        // their ids are kept (a parent's) so that its own such children are told from those whose parent is missing
        await con.run(`CREATE OR REPLACE TABLE lk_orphan_${m} AS SELECT t.rowid, t.idn, t.ids, t.pidn, t.pids FROM m_${m} t WHERE NOT EXISTS (SELECT 1 FROM x_${m} x WHERE x.ln = t.rowid + 2)`);
        const underOrphan = this.orphaned.has(p) ? `(SELECT count(*) FROM lk_orphan_${m} t WHERE EXISTS (SELECT 1 FROM lk_orphan_${p} o WHERE o.idn = t.pidn OR o.ids = t.pids))::DOUBLE` : '0';
        const [n, line, id, under] = (await rowsOf(con, `SELECT count(*)::DOUBLE, min(t.rowid) + 2, arg_min(coalesce(t.pids, CAST(t.pidn AS VARCHAR)), t.rowid), ${underOrphan}
          FROM lk_orphan_${m} t`))[0]!;
        if (Number(n) > 0) {
          this.unattached.push({ module: m, n: Number(n), line: Number(line), parentId: str(id), underOrphan: Number(under) });
          this.orphaned.add(m);
        }
      }
    }
    // a parent's ids are seen in file order while its module table is there (its facts are counted on x_, later)
    if (PARENTS.has(m) && (await rowsOf(con, idsByRowQuery(m)))[0]![0] === true) this.idsByRow.add(m);
    await con.run(`DROP TABLE m_${m}`);
  }

  /** Adds the raw dates of m_<m> not yet in lk_dates to it (and so to `dm`: raw → DATE, bad). */
  private async addDates(m: BladeModule): Promise<void> {
    const query = moduleDatesQuery(this.cols, m);
    if (!query) return;
    const raws = (await rowsOf(this.con, query)).map((r) => String(r[0]));
    if (raws.length === 0) return;
    const ap = await this.con.createAppender('lk_dates');
    for (const raw of raws) {
      const d = parseSen2Date(raw);
      ap.appendVarchar(raw);
      if (typeof d === 'string') ap.appendVarchar(d);
      else ap.appendNull();
      ap.appendBoolean(d === null);
      ap.endRow();
    }
    ap.flushSync();
    ap.closeSync();
  }
}

/** Builds the lookups of ranks and codes over the x_ tables (after every module is linked: Linker). */
export async function prepare(con: DuckDBConnection, ret: ReturnContext): Promise<void> {
  // Ranks are compared as PersonRowBuilder compares them (SENtypeRank; PlacementRank × 2, + 1 for a placement
  // closed before the reference date), through their order among the export's values: `need`, `open`, `closed`
  // are the ordinals of rank, rank × 2 and rank × 2 + 1, so SQL picks the first record by whole-number keys.
  let ords: { need: Map<number, number>; score: Map<number, number> } | undefined;
  const ordinals = (xs: number[]) => new Map([...new Set(xs)].sort((a, b) => a - b).map((x, i) => [x, i]));
  // `bad`: a rank that cannot be read (isBadRank), an error of blade-checks.ts as of the XML path
  await lookup(con, 'rank', [['rank', 'DOUBLE'], ['need', 'INTEGER'], ['open', 'INTEGER'], ['closed', 'INTEGER'], ['bad', 'BOOLEAN']], LOOKUP_SOURCES.rank, (raw, all) => {
    if (!ords) {
      const ranks = all.map(rankOf);
      ords = { need: ordinals(ranks), score: ordinals(ranks.flatMap((r) => [r * 2, r * 2 + 1])) };
    }
    const r = rankOf(raw);
    return [r, ords.need.get(r)!, ords.score.get(r * 2)!, ords.score.get(r * 2 + 1)!, isBadRank(raw)];
  }, false);
  await lookup(con, 'need', [['code', 'VARCHAR'], ['need', 'VARCHAR'], ['suggestion', 'VARCHAR']], LOOKUP_SOURCES.need, (raw) => {
    const code = clean(raw)!;
    const r = sen2Need(code);
    return [code, r.ok ? r.value : null, r.ok ? null : (r.suggestion ?? null)];
  });
  await lookup(con, 'setting', [['code', 'VARCHAR'], ['placement', 'VARCHAR'], ['suggestion', 'VARCHAR']], LOOKUP_SOURCES.setting, (raw) => {
    const code = clean(raw)!;
    const r = sen2Setting(code);
    return [code, r.ok ? r.value : null, r.ok ? null : (r.suggestion ?? null)];
  });
  await lookup(con, 'cease', [['reason', 'INTEGER'], ['ok', 'BOOLEAN']], LOOKUP_SOURCES.cease, (raw) => {
    const n = ceaseReasonOf(raw);
    return isCeaseReason(n) ? [n, true] : [null, false];
  });
  for (const [name, list] of [['requestOutcome', ret.codes.request], ['assessmentOutcome', ret.codes.assessment]] as const) {
    await lookup(con, name, [['code', 'VARCHAR'], ['canon', 'VARCHAR']], LOOKUP_SOURCES[name], (raw) => {
      const c = clean(raw)!;
      // the code as returned is kept only when it has a code's shape (a UPN typed there is not stored)
      return [codeLike(c) ? c : null, (list as Record<string, string>)[c.toUpperCase()] ?? null];
    });
  }
}

/**
 * SQL for `codeOnly(clean(c))` of the text column `c`: a value with a code's shape as it is (nearly every Sex and
 * Ethnicity) is its own clean value and is kept on one regular expression, where `clean` and `codeOnly` take two
 * (650,000 persons' two columns, one thread, seven interleaved runs: 157-238 -> 100-182 ms of CPU).
 */
function codeOf(c: string): string {
  return `CASE WHEN regexp_full_match(${c}, ${CODE_LIKE_SQL}) THEN ${c} ELSE codeOnly(clean(${c})) END`;
}

/**
 * Hashes every person's identifier into `x_key(pn, id, kind, key)` (UPN, else ULN, else an anonymous key from the
 * record's place; personKey) and finds duplicates. ASCII identifiers (all real ones) are hashed in SQL
 * (personKeyHexSql, the same HMAC, read as personKey reads it by keyOfHexSql); any other value is hashed by
 * personKey in JS, so every key is the XML reader's.
 * Returns the number of persons with neither identifier and the duplicates (first FETCH) with how many more.
 */
async function personKeys(
  con: DuckDBConnection, files: ModuleFiles, ret: ReturnContext,
): Promise<{ unidentified: number; dups: Found[]; moreDups: number }> {
  const { laCode, censusYear } = ret.header;
  const anonPrefix = `${laCode}:${censusYear}:${files.person}:person[persontableid=`;
  // the anonymous key's place is made only for persons with neither identifier
  const id = `coalesce(${idText('x')}, '?')`;
  const anon = `${sqlText(anonPrefix)} || ${id} || ']'`;
  const anonAscii = Buffer.byteLength(anonPrefix) === anonPrefix.length ? `strlen(${id}) = length(${id})` : 'false';
  await con.run(`CREATE OR REPLACE TABLE x_key AS
    WITH s AS (SELECT pn, idn, ids, age, birth_month, ${codeOf('sex')} AS sex, ${codeOf('ethnicity')} AS ethnicity, ${asciiTrimSql('upn')} AS upn, ${asciiTrimSql('uln')} AS uln,
        (upn IS NULL OR strlen(upn) = length(upn)) AND (uln IS NULL OR strlen(uln) = length(uln)) AS ascii FROM x_person),
      k AS (SELECT *, CASE WHEN NOT ascii THEN NULL WHEN upn <> '' THEN 'UPN' WHEN uln <> '' THEN 'ULN' ELSE 'ANON' END AS kind FROM s)
      , h AS (SELECT pn, kind, age, birth_month, sex, ethnicity, ${personKeyHexSql(`CASE kind WHEN 'UPN' THEN 'UPN:' || upper(upn) WHEN 'ULN' THEN 'ULN:' || upper(uln)
        WHEN 'ANON' THEN CASE WHEN ${anonAscii} THEN 'ANON:' || upper(${anon}) END END`, ret.hashKey)} AS hex FROM k x)
    SELECT pn, kind, age, birth_month, sex, ethnicity, ${keyOfHexSql('hex')} AS key FROM h`);
  // the rest (identifiers or a place with other than ASCII characters) in JS, exactly as PersonRowBuilder
  const rest = await rowsOf(con, `SELECT k.pn, ${idText('p')}, p.upn, p.uln FROM x_key k JOIN x_person p ON p.pn = k.pn WHERE k.key IS NULL`);
  if (rest.length > 0) {
    await con.run('CREATE OR REPLACE TABLE key_js (pn INTEGER, kind VARCHAR, key UHUGEINT)');
    const ap = await con.createAppender('key_js');
    for (const [pn, idv, upnv, ulnv] of rest) {
      const upn = str(upnv);
      const uln = str(ulnv);
      const [kind, raw]: [IdentifierKind, string] = hasIdentifier(upn) ? ['UPN', upn] : hasIdentifier(uln) ? ['ULN', uln]
        : ['ANON', `${anonPrefix}${str(idv) ?? '?'}]`];
      ap.appendInteger(Number(pn));
      ap.appendVarchar(kind);
      ap.appendUHugeInt(personKey(kind, raw, ret.hashKey));
      ap.endRow();
    }
    ap.flushSync();
    ap.closeSync();
    await con.run('UPDATE x_key SET kind = j.kind, key = j.key FROM key_js j WHERE x_key.pn = j.pn');
  }
  const unidentified = Number((await rowsOf(con, "SELECT count(*) FROM x_key WHERE kind = 'ANON'"))[0]![0]);
  // a second person with the key of an earlier one (in file order); anonymous keys never repeat a real one
  const rows = await rowsOf(con, `WITH d AS (SELECT key, min(pn) AS first FROM x_key WHERE kind <> 'ANON' GROUP BY key HAVING count(*) > 1)
    SELECT o.pn, o.first, o.kind, ${idText('p')}, ${idText('f')}, o.n FROM (SELECT k.pn, d.first, k.kind, count(*) OVER () AS n
      FROM x_key k JOIN d ON d.key = k.key WHERE k.pn <> d.first ORDER BY k.pn LIMIT ${FETCH}) o
      JOIN x_person p ON p.pn = o.pn JOIN x_person f ON f.pn = o.first ORDER BY o.pn`);
  const dups: Found[] = rows.map(([pn, first, kind, id, firstId]) => ({
    severity: 'error', pn: Number(pn), seq: 0, ln: Number(pn) + 2, file: files.person,
    path: `person[persontableid=${str(id) ?? '?'}]/${kind === 'UPN' ? 'UPN' : 'UniqueLearnerNumber'}`,
    message: sen2DuplicatePerson(kind as IdentifierKind, `person[persontableid=${str(firstId) ?? '?'}] (line ${Number(first) + 2})`),
  }));
  return { unidentified, dups, moreDups: rows.length > 0 ? Number(rows[0]![5]) - rows.length : 0 };
}

/**
 * Validates the export (x_ tables built by `prepare`): its problems go to `log` (no rows may be written when it has
 * errors). `keys`, another connection on the same database, hashes the identifiers (x_key) while `con` runs the
 * checks: the checks are many small queries that leave the second core waiting, the hashing is the dearest statement.
 * @returns persons with no identifier
 */
export async function validate(
  con: DuckDBConnection, files: ModuleFiles, ret: ReturnContext, log: ProblemLog, keys: DuckDBConnection,
  unattached: Linker['unattached'] = [],
): Promise<{ unidentified: number }> {
  const [checked, hashed] = await Promise.allSettled([checks(con, files, ret), personKeys(keys, files, ret)]);
  if (checked.status === 'rejected') throw checked.reason;
  if (hashed.status === 'rejected') throw hashed.reason;
  const { found, more } = checked.value;
  const { unidentified, dups, moreDups } = hashed.value;
  found.push(...dups);
  // a person file of a header alone (its persons lost in the export, or a copy cut short) left every record of the
  // other modules unattached: the return was loaded with exit 0 and no rows, the census year read as if it had none
  if (Number((await rowsOf(con, 'SELECT count(*) FROM x_person'))[0]![0]) === 0) {
    found.push({ severity: 'error', pn: -1, seq: 0, ln: 1, file: files.person, path: 'person', message: sen2BladeNoPersons(unattached.reduce((n, u) => n + u.n - u.underOrphan, 0)) });
  }
  for (const u of unattached) {
    const parent = BLADE_SPEC[u.module].parent!;
    found.push({ severity: 'warning', pn: -1, seq: 0, ln: u.line, file: files[u.module], path: idColumn(parent),
      message: sen2UnattachedRecords(u.module, parent, idColumn(parent), u.parentId, u.n, u.underOrphan) });
  }
  more.error += moreDups;
  found.sort((a, b) => a.pn - b.pn || a.seq - b.seq || a.ln - b.ln);
  for (const f of found) {
    const at = { file: f.file, line: f.ln, path: f.path };
    if (f.severity === 'error') log.error(at, f.message);
    else log.warn(at, f.message);
  }
  log.more('error', more.error);
  log.more('warning', more.warning);
  return { unidentified };
}

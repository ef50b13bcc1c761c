/**
 * What every EES reader shares: the leading geography and time columns, their checks (geographic level, LA codes,
 * successions, mixed academic and calendar years, years in range), number cells with markers, and the emission
 * of harmonised stock / flow / la rows. Each EES file reader (one per file) is a small definition on top of this.
 */
import { censusYearFromTimePeriod, isAcademicTimePeriod, isKnownTimeIdentifier, isNewLaCode, isOldLaCode, SUCCESSIONS, TIME_IDENTIFIERS, timePeriodContradicts } from '../../domain/index.ts';
import type { Need, Placement } from '../../domain/index.ts';
import * as msg from '../../messages/etl.ts';
import * as releaseMsg from '../../messages/releases.ts';
import { nearest } from '../../util/suggest.ts';
import type { CsvRow, TableSpec } from '../csv/read-table.ts';
import { readTable } from '../csv/read-table.ts';
import { isPercentColumn, parseNumber, PLAIN_MARKERS, type NumberKind } from '../csv/values.ts';
import { DuplicateRows, unreadColumns } from '../duplicate-rows.ts';
import { ProblemLog } from '../problem-log.ts';
import type { ReadContext, ReadReport, RowSink } from '../reader.ts';
import { ALL, type WarehouseTable } from '../schema.ts';
import type { EesSetDef } from './ees-set-def.ts';
import { controlCharIn, LONGEST_NAME } from '../../util/bounded-text.ts';
import { detached } from '../../util/detached.ts';
import { nameHasControl } from '../../messages/names.ts';

/** The release layouts, newest last; `source` of every EES row. */
export type EesLayout = 'ees-2022' | 'ees-2024' | 'ees-2025' | 'ees-2026';

/** Rank of a layout when two releases give the same figure: the newer release wins. */
export function layoutRank(source: string): number {
  const m = /^ees-(\d{4})/.exec(source);
  return m ? Number(m[1]) : 0;
}

export const EES_COMMON_COLUMNS = [
  'time_period', 'time_identifier', 'geographic_level', 'country_code', 'country_name', 'region_code',
  'region_name', 'old_la_code', 'new_la_code', 'la_name',
] as const;
export const REQUIRED_COMMON = ['time_period', 'geographic_level', 'old_la_code', 'new_la_code', 'la_name'];

export type GeoLevel = 'National' | 'Regional' | 'Local authority';
const LEVELS: GeoLevel[] = ['National', 'Regional', 'Local authority'];

/** The geography of one row, with the warehouse codes (national and regional rows use old_la_code ALL). */
export interface EesGeo {
  level: GeoLevel;
  oldCode: string;
  newCode: string;
  name: string;
  regionCode: string;
  regionName: string;
}

export type YearKind = 'census' | 'flow';

/** Per-row helpers an EES file definition uses. */
export interface EesRow {
  row: CsvRow;
  geo: EesGeo;
  /** Census year (stock files) or flow year (flow files). */
  year: number;
  /** Whether the row's time period is an academic year code (202425) rather than a calendar year (2024). */
  academic: boolean;
  /** Parses a numeric column; logs an error and gives undefined when invalid. */
  num(column: string, kind?: NumberKind): { value: number | null; missing?: string } | undefined;
  stock(cell: StockCell, v: { value: number | null; missing?: string }): void;
  flow(cell: FlowCell, v: { value: number | null; missing?: string }): void;
  warn(message: string, column?: string): void;
  error(message: string, column?: string): void;
}

export interface StockCell {
  ageFrom?: number;
  ageTo?: number;
  need?: Need;
  placement?: Placement;
  measure?: string;
}
export interface FlowCell extends StockCell {
  measure: string;
  reason?: string;
  /** Overrides the row's year (layouts whose time period is a census year). */
  flowYear?: number;
}

export interface EesFileDef {
  id: string;
  description: string;
  yearKind: YearKind;
  /** A census-kind file whose calendar-year rows are flows of that year (2025 needs: new plans by need). */
  calendarMeansFlow?: boolean;
  /** Columns besides the common ones. */
  required: readonly string[];
  optional?: readonly string[];
  accepts?: (name: string, names: readonly string[]) => boolean;
  /** Whether the header (lower-case names) is this file's. */
  matches(fields: ReadonlySet<string>): boolean;
  /** Layout from the header (e.g. 2025 vs 2026 columns). */
  layout(fields: ReadonlySet<string>): EesLayout;
  /** Starts reading one file: the returned session handles each row and may add notes at the end. */
  session(): EesSession;
  /** The same reading as SQL over the whole file (ees-set.ts), used by `load` when the file is regular. */
  set?: EesSetDef;
}

export interface EesSession {
  row(r: EesRow): void;
  finish?(log: ProblemLog): void;
}

/** The earliest year accepted in any EES file. */
export const MIN_YEAR = 2000;

/** What an EES file's header must and may hold. */
export function eesTableSpec(def: EesFileDef): TableSpec {
  return {
    required: [...REQUIRED_COMMON, ...def.required],
    optional: [...EES_COMMON_COLUMNS, ...(def.optional ?? [])],
    accepts: def.accepts,
  };
}

/** Reads an EES file row by row (the row reader; ees-set.ts is the set-based one). */
export async function readEes(def: EesFileDef, path: string, sink: RowSink, ctx: ReadContext): Promise<ReadReport> {
  const log = new ProblemLog(path);
  const spec = eesTableSpec(def);
  let source: EesLayout = 'ees-2025';
  const session = def.session();
  const seenLa = new Set<string>();
  const warnedSuccession = new Set<string>();
  const regions = new Map<string, FirstRegion>();
  let periodKind: { academic: boolean; line: number } | undefined;
  const maxYear = ctx.today.getUTCFullYear() + 1;
  let pending: Array<Promise<void>> = [];
  const dups = new DuplicateRows();
  const left: LeftOut = { levels: new Map(), noOldCode: new Map(), identifiers: new Map() };
  let read = false;
  let readLa = false;
  /** A row's figures, held until the row is known not to repeat an earlier one. */
  let held: Array<[WarehouseTable, Record<string, unknown>]> | undefined;
  const add = (table: WarehouseTable, row: Record<string, unknown>): void => {
    if (held) {
      held.push([table, row]);
      return;
    }
    const r = sink.add(table, row);
    if (r) pending.push(r);
  };

  const result = await readTable(
    path,
    spec,
    log,
    (row) => {
      const line = row.line;
      const geo = readGeo(row, log, left);
      if (geo === 'skip') return;
      read = true;
      if (geo?.level === 'Local authority') readLa = true;
      const tp = row.get('time_period');
      const academic = isAcademicTimePeriod(tp);
      let year = censusYearFromTimePeriod(tp);
      if (year === undefined) {
        log.error(msg.badTimePeriod(tp), line, 'time_period');
        return;
      }
      // 'Financial year' 2024 (April to March) would be read as the calendar year 2024, with no word
      const identifier = row.get('time_identifier');
      if (!isKnownTimeIdentifier(identifier)) {
        leave(left.identifiers, identifier, line);
        return;
      }
      // '2021' with 'Academic year' (a year typed for 202122) would be read as the January before the one it means
      if (timePeriodContradicts(tp, row.get('time_identifier'))) {
        log.error(msg.timePeriodContradicts(tp, row.get('time_identifier')), line, 'time_period');
        return;
      }
      if (!periodKind) periodKind = { academic, line };
      else if (periodKind.academic !== academic) {
        log.error(msg.mixedTimePeriods(periodKind.academic ? 'academic' : 'calendar', periodKind.line, tp), line, 'time_period');
        return;
      }
      // flow files use calendar years; an academic code there means the year of its January census minus one
      if (def.yearKind === 'flow' && academic) year -= 1;
      if (year < MIN_YEAR || year > maxYear) {
        log.error(msg.yearOutOfRange(year, MIN_YEAR, maxYear), line, 'time_period');
        return;
      }
      if (!geo) return;
      const censusYear = def.yearKind === 'census' && !(def.calendarMeansFlow && !academic) ? year : year + 1;
      if (geo.level === 'Local authority') {
        const clash = regionClash(regions, geo, line);
        if (clash) {
          log.error(clash, line, 'old_la_code');
          return;
        }
        checkSuccession(geo, censusYear, line, log, warnedSuccession);
      }
      const laKey = `${geo.level}|${geo.oldCode}|${geo.newCode}`;
      if (!seenLa.has(laKey)) {
        seenLa.add(laKey);
        add('la', {
          old_la_code: geo.oldCode, new_la_code: geo.newCode, la_name: geo.name,
          region_code: geo.regionCode, region_name: geo.regionName, file_id: ctx.fileId,
        });
      }
      const r: EesRow = {
        row,
        geo,
        year,
        academic,
        num(column, kind) {
          const k = kind ?? (isPercentColumn(column) ? 'percent' : 'count');
          dups.measures.add(column);
          const v = parseNumber(row.get(column), k);
          if (!v.ok) {
            log.error(msg.badNumber(v.message), line, column);
            return undefined;
          }
          return v.value === null ? { value: null, missing: v.missing } : { value: v.value };
        },
        stock(cell, v) {
          add('stock', {
            geographic_level: geo.level, old_la_code: geo.oldCode, new_la_code: geo.newCode, census_year: year,
            age_from: cell.ageFrom ?? 0, age_to: cell.ageTo ?? 25, need: cell.need ?? ALL, placement: cell.placement ?? ALL,
            count: v.value, missing: v.missing ?? null, measure: cell.measure ?? 'plans', source, file_id: ctx.fileId, line,
          });
        },
        flow(cell, v) {
          add('flow', {
            geographic_level: geo.level, old_la_code: geo.oldCode, new_la_code: geo.newCode, flow_year: cell.flowYear ?? year,
            measure: cell.measure, age_from: cell.ageFrom ?? 0, age_to: cell.ageTo ?? 25, need: cell.need ?? ALL,
            placement: cell.placement ?? ALL, reason: cell.reason ?? ALL, count: v.value, missing: v.missing ?? null,
            source, file_id: ctx.fileId, line,
          });
        },
        warn: (m, c) => log.warn(m, line, c),
        error: (m, c) => log.error(m, line, c),
      };
      held = [];
      session.row(r);
      const rowFigures = held;
      held = undefined;
      const dup = dups.check(row);
      if (dup.kind === 'conflict') log.error(releaseMsg.eesDuplicateRowConflict(dup.firstLine, dup.column), line, dup.column);
      else if (dup.kind === 'new') for (const [t, x] of rowFigures) add(t, x);
      if (pending.length > 0) {
        const p = Promise.all(pending).then(() => undefined);
        pending = [];
        return p;
      }
      return undefined;
    },
    (header) => {
      source = def.layout(new Set(header.names));
      dups.ignore(unreadColumns(header.names, spec));
    },
  );
  session.finish?.(log);
  for (const [level, t] of left.levels) log.warn(releaseMsg.otherGeographicLevel(level, t.rows, t.line), t.line, 'geographic_level');
  if (left.levels.size > 0 && !read) log.error(releaseMsg.noReadGeographicLevel([...left.levels.keys()]), [...left.levels.values()][0]!.line, 'geographic_level');
  for (const [id, t] of left.identifiers) log.error(releaseMsg.unknownTimeIdentifier(id, t.rows, t.line, TIME_IDENTIFIERS), t.line, 'time_identifier');
  for (const [code, t] of left.noOldCode) {
    if (readLa) log.warn(releaseMsg.laWithoutOldCode(t.name!, code, t.rows, t.line), t.line, 'old_la_code');
    else log.error(msg.badOldLaCode(''), t.line, 'old_la_code');
  }
  if (dups.firstCopy) log.warn(releaseMsg.eesDuplicateRowCopies(dups.firstCopy.line, dups.firstCopy.of, dups.copies, dups.unreadDiffer), dups.firstCopy.line);
  const { errors, warnings } = log.finish();
  return { rows: result.rows, errors, warnings };
}

/** Whether an old_la_code is not given: blank or a plain EES marker (x, z, c, :, u, low). */
const noCode = (code: string): boolean => code === '' || Object.hasOwn(PLAIN_MARKERS, code.toLowerCase());

/** Rows left out, by geographic level the model does not read or by LA with no old_la_code: how many, the first line. */
interface Left { rows: number; line: number; name?: string }
interface LeftOut { levels: Map<string, Left>; noOldCode: Map<string, Left>; identifiers: Map<string, Left> }

function leave(m: Map<string, Left>, key: string, line: number, name?: string): 'skip' {
  const t = m.get(key);
  if (t) t.rows++;
  else m.set(key, { rows: 1, line, name });
  return 'skip';
}

function readGeo(row: CsvRow, log: ProblemLog, left: LeftOut): EesGeo | 'skip' | undefined {
  const g = geoOf((c) => row.get(c));
  if ('skip' in g) return leave(left.levels, g.skip, row.line);
  if ('noOldCode' in g) return leave(left.noOldCode, g.noOldCode.newCode, row.line, g.noOldCode.name);
  if ('error' in g) {
    log.error(g.error.message, row.line, g.error.column);
    return undefined;
  }
  return g.geo;
}

/**
 * The geography of a row from its (trimmed) geography columns, or the error that rejects it.
 * @example geoOf((c) => ({ geographic_level: 'National' })[c] ?? '') // { geo: { level: 'National', oldCode: 'ALL', … } }
 */
export function geoOf(
  get: (column: string) => string,
): { geo: EesGeo } | { error: { message: string; column: string } } | { skip: string } | { noOldCode: { newCode: string; name: string } } {
  // the name of an LA, region or country is shown in the workbook, the report and on stderr: one of 40,000
  // characters went into workbook cells past their 32,767-character limit (Excel repaired the workbook to open it)
  for (const column of ['la_name', 'region_name', 'country_name']) {
    const name = get(column);
    if (name.length > LONGEST_NAME) return { error: { message: msg.nameTooLong(name, LONGEST_NAME), column } };
    const control = controlCharIn(name);
    if (control) return { error: { message: nameHasControl(control), column } };
  }
  const raw = get('geographic_level');
  const level = LEVELS.find((l) => l.toLowerCase() === raw.toLowerCase());
  // a later release's other level ('Local skills improvement plan area') is not read; one like a misspelt known
  // level may hold an LA's rows, so it stays an error
  if (!level && raw !== '' && nearest(raw, LEVELS) === undefined) return { skip: raw };
  if (!level) return { error: { message: msg.unknownGeographicLevel(raw, nearest(raw, LEVELS)), column: 'geographic_level' } };
  const regionCode = get('region_code');
  const regionName = get('region_name');
  if (level === 'National') {
    return { geo: { level, oldCode: ALL, newCode: get('country_code') || 'E92000001', name: get('country_name') || 'England', regionCode, regionName } };
  }
  if (level === 'Regional') {
    return { geo: { level, oldCode: ALL, newCode: regionCode, name: regionName, regionCode, regionName } };
  }
  const oldCode = get('old_la_code');
  const newCode = get('new_la_code');
  // the row of England or a region labelled 'Local authority' in an edited copy: with codes typed in, England was read
  // as an LA of 473,255 plans (and the national series was gone); without, it was 'expected a 3-digit DfE LA code'
  const areaCode = /^E(92|12)\d{6}$/i.test(newCode) ? newCode : noCode(oldCode) && newCode === '' && get('la_name') === '' ? regionCode || get('country_code') : undefined;
  if (areaCode !== undefined && areaCode !== '') return { error: { message: releaseMsg.areaRowAsLa(areaCode), column: 'geographic_level' } };
  // a new authority (reorganisation) published before DfE gives it a 3-digit code: its rows cannot be keyed
  if (noCode(oldCode) && isNewLaCode(newCode)) return { noOldCode: { newCode: newCode.toUpperCase(), name: get('la_name') } };
  if (!isOldLaCode(oldCode)) return { error: { message: msg.badOldLaCode(oldCode), column: 'old_la_code' } };
  if (newCode !== '' && !isNewLaCode(newCode)) return { error: { message: msg.badNewLaCode(newCode), column: 'new_la_code' } };
  return { geo: { level, oldCode, newCode: newCode.toUpperCase(), name: get('la_name'), regionCode, regionName } };
}

function checkSuccession(geo: EesGeo, censusYear: number, line: number, log: ProblemLog, warned: Set<string>): void {
  if (warned.has(geo.oldCode)) return;
  const notes = successionNotes(geo.oldCode, geo.name, censusYear);
  if (notes.length === 0) return;
  warned.add(geo.oldCode);
  for (const n of notes) log.warn(n, line, 'old_la_code');
}

/** The region a file first gives an LA code (regionClash), as text of its own, and the line. */
export interface FirstRegion {
  regionCode: string;
  region: string;
  name: string;
  line: number;
}

/**
 * Why an LA row's region is not the region the file first gives its code (undefined when it is, or either is blank):
 * an LA is in one region, and no published file gives one code two. A row copied from another LA with its code typed
 * over (Kent's rows under Lancashire's 888, region South East) was a row of its own, beside the LA's, since the region
 * tells rows apart: its plans were added to the LA's (Lancashire's January 2022 from 8,691 to 26,424 plans, exit 0).
 */
export function regionClash(first: Map<string, FirstRegion>, geo: EesGeo, line: number): string | undefined {
  if (geo.regionCode === '') return undefined;
  const region = (code: string, name: string): string => (name ? `${name} (${code})` : code);
  const f = first.get(geo.oldCode);
  if (!f) {
    // kept for every LA code of the file: copies, not views of the chunk the line was read from
    first.set(geo.oldCode, { regionCode: detached(geo.regionCode.toUpperCase()), region: detached(region(geo.regionCode, geo.regionName)), name: detached(geo.name), line });
    return undefined;
  }
  if (f.regionCode === geo.regionCode.toUpperCase()) return undefined;
  return releaseMsg.laInTwoRegions(geo.oldCode, geo.name, region(geo.regionCode, geo.regionName), f.line, f.name, f.region);
}

/** The LAs a succession names (only their rows can give a succession note). */
export const SUCCESSION_CODES: ReadonlySet<string> = new Set(SUCCESSIONS.filter((s) => s.kind === 'reorganisation').flatMap((s) => [...s.from, ...s.to]));

/** Notes on an LA's row in a census year that its reorganisation ended or had not yet begun (once per LA and file). */
export function successionNotes(oldCode: string, name: string, censusYear: number): string[] {
  const out: string[] = [];
  for (const s of SUCCESSIONS) {
    if (s.kind !== 'reorganisation') continue;
    if (s.from.includes(oldCode) && censusYear >= s.fromCensusYear) out.push(msg.laEnded(oldCode, name, censusYear, s.note));
    else if (s.to.includes(oldCode) && censusYear < s.fromCensusYear) out.push(msg.laNotYetCreated(oldCode, name, censusYear, s.note));
  }
  return out;
}

/** Whether a column is an EES common (geography/time) column. */
export function isCommonColumn(name: string): boolean {
  return (EES_COMMON_COLUMNS as readonly string[]).includes(name);
}

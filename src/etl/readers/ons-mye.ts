/**
 * ONS mid-year population estimates by single year of age (MYE2 layout: `Code, Name, Geography, All ages, 0 …
 * 89, 90+`): Windows-1252, quoted thousands, trailing empty columns and blank rows are all accepted. The year is a
 * `year` column or the 4-digit year in the file name (ONS2020_…); ages 0–90 are stored (90 = 90 and over: a table
 * going on to 91 … 99, 100+ has those summed into it, one row). Two columns of one age (`5` and `05`, or `90` beside
 * `90+`) are an error: each was stored, and the age's children counted twice.
 */
import { basename } from 'node:path';
import { inYearRange, POPULATION_YEARS } from '../../domain/index.ts';
import * as msg from '../../messages/etl.ts';
import * as popMsg from '../../messages/population.ts';
import { parseNumber } from '../csv/values.ts';
import { simpleCsvReader } from './simple-csv-reader.ts';

const AGE_COLUMN = /^(\d{1,3})(\+?)$/;

/** The oldest single age stored: older ages are summed into it (90 = 90 and over). */
const OLDEST = 90;

/** An age column of the header: its index, its name as written, the first age it counts and whether it counts all older ages too. */
export interface AgeColumn {
  index: number;
  name: string;
  from: number;
  open: boolean;
}

/**
 * The age columns of a header (lower-case names; a name given twice is one column, the reader checks its copies),
 * and the first column that counts an age an earlier one counts too (`05` after `5`, `95` or `90` beside `90+`).
 * @example ageColumns(['code', '0', '1', '90+']).columns.map((c) => c.from) // [0, 1, 90]
 */
export function ageColumns(names: readonly string[], original: readonly string[] = names): { columns: AgeColumn[]; clash?: { column: string; other: string } } {
  const columns: AgeColumn[] = [];
  for (const [index, name] of names.entries()) {
    const m = AGE_COLUMN.exec(name);
    if (!m || names.indexOf(name) !== index) continue;
    const col = { index, name: original[index] ?? name, from: Number(m[1]), open: m[2] === '+' };
    const other = columns.find((c) => c.from === col.from || (c.open && col.from >= c.from) || (col.open && c.from >= col.from));
    if (other) return { columns, clash: { column: col.name, other: other.name } };
    columns.push(col);
  }
  return { columns };
}

/** The sex a file name says its table is of (`mye2_males_2020.csv` → males), when it names one. */
export function sexOfFileName(path: string): 'males' | 'females' | undefined {
  const words = [...basename(path).matchAll(/(?:^|[^a-z])(males?|females?|boys|girls)(?=[^a-z]|$)/gi)].map((m) => m[1]!.toLowerCase());
  const female = words.some((w) => w.startsWith('f') || w === 'girls');
  const male = words.some((w) => w.startsWith('m') || w === 'boys');
  if (female === male) return undefined; // neither, or both ('males_and_females')
  return female ? 'females' : 'males';
}

/** The year a file name carries (`ONS2019_PopnByAgeYearEstimate.csv` → 2019), if one. */
export function yearFromFileName(path: string): number | undefined {
  const m = /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/.exec(basename(path));
  return m ? Number(m[1]) : undefined;
}

export const onsMye = simpleCsvReader({
  id: 'ons-mye',
  description: 'ONS mid-year population estimates by single year of age (MYE2: Code, Name, Geography, All ages, 0 … 90+)',
  required: ['code', 'name', 'all ages'],
  optional: ['geography', 'year'],
  accepts: (n) => AGE_COLUMN.test(n),
  matches: (f) => f.has('code') && f.has('all ages') && f.has('0'),
  session(ctx, log, emit) {
    const fileYear = yearFromFileName(ctx.path);
    let warnedYear = false;
    // MYE2 comes as a Persons, a Males and a Females table of one layout, with no sex column: a Males or Females table
    // saved on its own, named so, was read as persons (half the children, new plans per head doubled), with no word
    const oneSex = sexOfFileName(ctx.path);
    let warnedSex = false;
    // the line of each area and year: a repeated one would be summed into the population (twice the children)
    const seen = new Map<string, number>();
    let ages: AgeColumn[] = [];
    let clash = false;
    // the years a `year` column gives, and its first line: none of them the year the file's name gives is a file copied
    // from another year with its column not updated, or renamed for another year: which year it holds is unclear
    const columnYears = new Set<number>();
    let yearLine = 0;
    return {
      finish() {
        if (fileYear === undefined || columnYears.size === 0 || columnYears.has(fileYear)) return;
        log.error(popMsg.populationYearNotName(basename(ctx.path), fileYear, [...columnYears].sort()), yearLine, 'year');
      },
      header(h, line) {
        const found = ageColumns(h.names, h.original);
        ages = found.columns;
        if (found.clash) {
          clash = true;
          log.error(popMsg.populationAgeColumnTwice(found.clash.column, found.clash.other), line, found.clash.column);
        }
      },
      row(r) {
        if (clash) return;
        if (oneSex) {
          if (!warnedSex) log.error(msg.populationOneSex(basename(ctx.path), oneSex), r.line, 'code');
          warnedSex = true;
          return;
        }
        const y = r.get('year') ? Number(r.get('year')) : fileYear;
        if (r.get('year') && y !== undefined && Number.isInteger(y)) {
          if (columnYears.size === 0) yearLine = r.line;
          columnYears.add(y);
        }
        if (y === undefined || !Number.isInteger(y)) {
          if (!warnedYear) log.error(msg.requiredValue('a year (a `year` column or the year in the file name)'), r.line, 'year');
          warnedYear = true;
          return;
        }
        if (!inYearRange(y, POPULATION_YEARS)) {
          log.error(msg.yearOutOfRange(y, POPULATION_YEARS.from, POPULATION_YEARS.to), r.line, 'year');
          return;
        }
        if (r.get('code') === '') return log.error(popMsg.populationNoAreaCode(r.get('name')), r.line, 'code');
        const key = `${r.get('code').toUpperCase()}|${y}`;
        const first = seen.get(key);
        if (first !== undefined) {
          log.error(msg.duplicateTableRow(`area ${r.get('code')} in ${y}`, first), r.line, 'code');
          return;
        }
        seen.set(key, r.line);
        // ages from 90 on are one figure, 90 and over: each of a table's 91 … 99, 100+ was stored as another row of age 90
        let oldest: number | null = null;
        for (const c of ages) {
          const v = parseNumber(r.fields[c.index] ?? '', 'count');
          if (!v.ok) {
            log.error(msg.badNumber(v.message), r.line, c.name);
            continue;
          }
          if (v.value === null) continue;
          if (c.from >= OLDEST) oldest = (oldest ?? 0) + v.value;
          else emit('population', { area_code: r.get('code'), area_name: r.get('name'), year: y, age: c.from, sex: 'persons', count: v.value, kind: 'mye' });
        }
        if (oldest !== null) emit('population', { area_code: r.get('code'), area_name: r.get('name'), year: y, age: OLDEST, sex: 'persons', count: oldest, kind: 'mye' });
        const all = parseNumber(r.get('all ages'), 'count');
        if (!all.ok) log.error(msg.badNumber(all.message), r.line, 'all ages');
      },
    };
  },
});

/**
 * The set-based form of an EES file definition (ees-set.ts runs it): vocabularies, row warnings and output cells as
 * SQL over the view `hn_row r` (a file row with its geography and year) joined with each vocabulary by its alias.
 */
import { parseAgeLabel, placementFromEes2022EstablishmentType } from '../../domain/index.ts';
import { stagedColumn } from '../csv/stage-csv.ts';
import type { ProblemLog } from '../problem-log.ts';

/** A vocabulary: a column's distinct texts mapped by a domain function, joined to each row as `alias`. */
export interface EesMap {
  alias: string;
  column: string;
  /** The mapped values (undefined: not in the vocabulary, `alias.ok` false). */
  map(text: string): Record<string, string | number> | undefined;
  types: Record<string, 'INTEGER' | 'VARCHAR'>;
}

/** A row warning: when (SQL over hn_row and the maps), which column, and the message from that column's text. */
export interface EesWarning {
  when: string;
  column: string;
  message(text: string): string;
}

/** One harmonised row per file row where `when` holds (SQL expressions; defaults as the row reader's). */
export interface EesCell {
  table: 'stock' | 'flow';
  when?: string;
  /** The numeric column the count comes from. */
  value: string;
  ageFrom?: string;
  ageTo?: string;
  need?: string;
  placement?: string;
  measure?: string;
  reason?: string;
}

/** The set-based form of an EES file definition. `has` tells which columns the file holds. */
export interface EesSetDef {
  /** Numeric columns checked on every row, as the row reader's `r.num` checks them. */
  numbers(has: (column: string) => boolean): string[];
  maps?: readonly EesMap[];
  /** In the order the row reader gives them within a row. */
  warnings?: readonly EesWarning[];
  /** In the order the row reader writes them within a row. */
  cells(has: (column: string) => boolean): EesCell[];
  /** Notes the row reader adds at the end of the file. */
  finish?(log: ProblemLog): void;
}

/** SQL: a column of the file by name ('' when the file lacks it). */
export function col(name: string, has: (c: string) => boolean): string {
  return has(name) ? `r.${stagedColumn(name)}` : "''";
}

/** SQL: a column the file must hold (a required column of the definition). */
export function field(name: string): string {
  return `r.${stagedColumn(name)}`;
}

/**
 * The age vocabulary of a label column (parseAgeLabel), joined as `age` (age.ok, age.age_from, age.age_to).
 * @example ageMap('characteristic_age')
 */
export function ageMap(column: string, to: (age: { from: number; to: number }) => number = (a) => a.to): EesMap {
  return {
    alias: 'age',
    column,
    map: (t) => {
      const a = parseAgeLabel(t);
      return a && { age_from: a.from, age_to: to(a) };
    },
    types: { age_from: 'INTEGER', age_to: 'INTEGER' },
  };
}

/** The EES 2022 establishment types, joined as `est`: est.total (1 for a `Total` subtotal row), est.placement ('' unknown). */
export function establishmentMap(column: string): EesMap {
  return {
    alias: 'est',
    column,
    map: (t) => ({ total: t.toLowerCase() === 'total' ? 1 : 0, placement: placementFromEes2022EstablishmentType(t) ?? '' }),
    types: { total: 'INTEGER', placement: 'VARCHAR' },
  };
}

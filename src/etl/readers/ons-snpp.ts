/**
 * ONS subnational population projections (`AREA_CODE, AREA_NAME, COMPONENT, SEX, AGE_GROUP, 2022 … 2047`):
 * population rows only, single ages 0–89 and `90 and over` (stored as 90); `All ages` is skipped; any other age
 * label of a population row ('-1', '0-4') is an error; decimals kept.
 */
import { inYearRange, POPULATION_YEARS } from '../../domain/index.ts';
import * as msg from '../../messages/etl.ts';
import * as popMsg from '../../messages/population.ts';
import { parseNumber } from '../csv/values.ts';
import { simpleCsvReader } from './simple-csv-reader.ts';

const YEAR = /^\d{4}$/;

/** SEX labels that mean everyone (the population the model uses first; dataset-population.ts). */
export const PERSONS_SEX_LABELS = ['persons', 'all', 'total', 'p', 'all persons'] as const;
const SEX_CLASS: Readonly<Record<string, 'persons' | 'male' | 'female'>> = {
  ...Object.fromEntries(PERSONS_SEX_LABELS.map((l) => [l, 'persons'])),
  m: 'male', male: 'male', males: 'male',
  f: 'female', female: 'female', females: 'female',
};

/**
 * What a SEX label counts: persons, males or females (undefined: none). Rows are keyed by it, so that 'male' and
 * 'males' for one age are the same population given twice (summed, they doubled that age's children).
 * @example populationSex('Males') // 'male'
 */
export function populationSex(label: string): 'persons' | 'male' | 'female' | undefined {
  return SEX_CLASS[label.trim().toLowerCase()];
}

/** Parses an SNPP AGE_GROUP: '0' … '89', '90 and over' → 90; undefined for 'All ages' and others. */
export function snppAge(label: string): number | undefined {
  const s = label.trim().toLowerCase();
  if (/^\d{1,2}$/.test(s)) return Number(s) <= 90 ? Number(s) : undefined;
  if (/^90\s*(and over|\+)$/.test(s)) return 90;
  return undefined;
}

export const onsSnpp = simpleCsvReader({
  id: 'ons-snpp',
  description: 'ONS subnational population projections (AREA_CODE, AREA_NAME, COMPONENT, SEX, AGE_GROUP, year columns)',
  required: ['area_code', 'area_name', 'component', 'sex', 'age_group'],
  accepts: (n) => YEAR.test(n),
  session(_ctx, log, emit) {
    const badYears = new Set<string>();
    // the line of each area, sex and age: a repeated one would be summed into the population (twice the children)
    const seen = new Map<string, number>();
    // a file whose year columns are all unreadable ('2022.0', as a re-save by another program writes them) loaded
    // no figure at all with only 'unknown column' warnings, and the run held the population flat, naming no cause
    let noYears: boolean | undefined;
    return {
      row(r) {
        if (noYears === undefined) {
          noYears = !r.names.some((n) => YEAR.test(n));
          if (noYears) log.error(popMsg.noYearColumns(r.names.filter((n) => /\d{4}/.test(n)).slice(0, 3)), 1);
        }
        if (noYears) return;
        if (!/^population$/i.test(r.get('component'))) return;
        const label = r.get('age_group');
        const age = snppAge(label);
        if (age === undefined) {
          // the one total the layout has (inputs.md §4); any other label is a population row whose age is unknown
          // ('-1', '0-4', 'age 5', '91'): left out with a warning, as it was, a file in age bands or with shifted ages
          // loaded with some ages missing or wrong, and it would be used as it stands
          if (!/^all ages$/i.test(label.trim())) log.error(popMsg.populationAgeOutOfRange(label), r.line, 'age_group');
          return;
        }
        if (r.get('area_code') === '') return log.error(popMsg.populationNoAreaCode(r.get('area_name')), r.line, 'area_code');
        const sex = r.get('sex').toLowerCase();
        const sexClass = populationSex(sex);
        if (sexClass === undefined) return log.error(popMsg.unknownPopulationSex(r.get('sex')), r.line, 'sex');
        const key = `${r.get('area_code').toUpperCase()}|${sexClass}|${age}`;
        const first = seen.get(key);
        if (first !== undefined) {
          log.error(msg.duplicateTableRow(`area ${r.get('area_code')}, sex '${r.get('sex')}', age '${label}'`, first), r.line, 'age_group');
          return;
        }
        seen.set(key, r.line);
        for (const [i, name] of r.names.entries()) {
          if (!YEAR.test(name)) continue;
          if (!inYearRange(Number(name), POPULATION_YEARS)) {
            if (!badYears.has(name)) log.error(msg.yearOutOfRange(Number(name), POPULATION_YEARS.from, POPULATION_YEARS.to), 1, name);
            badYears.add(name);
            continue;
          }
          // projections have fractions of a person (values.ts 'decimal')
          const v = parseNumber(r.fields[i] ?? '', 'decimal');
          if (!v.ok) {
            log.error(msg.badNumber(v.message), r.line, name);
            continue;
          }
          if (v.value === null) continue;
          emit('population', { area_code: r.get('area_code'), area_name: r.get('area_name'), year: Number(name), age, sex, count: v.value, kind: 'snpp' });
        }
      },
    };
  },
});

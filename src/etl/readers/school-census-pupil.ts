/**
 * School census pupil-level SEN extract (`UPN, URN, NCyearActual, SENprovision, SENtype1 …, DOB, Sex`):
 * aggregated at read into counts by LA, census year, age (NCY + 4), SEN provision and primary need. UPN, names
 * and dates of birth are never stored. The census year is a `census_year` column or the year in the file name.
 */
import { NEEDS, isOldLaCode, needFromSourceCode } from '../../domain/index.ts';
import * as msg from '../../messages/etl.ts';
import { futureBirthDate, sen2Shown } from '../../messages/sen2.ts';
import { nearest } from '../../util/suggest.ts';
import { ALL } from '../schema.ts';
import { ageAtCensus, parseSen2Date } from '../persons/dates.ts';
import { yearFromFileName } from './ons-mye.ts';
import { simpleCsvReader } from './simple-csv-reader.ts';

const PROVISIONS = new Set(['E', 'K', 'N', 'S', 'A', 'P']);
/** The earliest census year accepted (the pupil-level census has had SEN provision since long before). */
const MIN_CENSUS_YEAR = 2000;

/**
 * Age from NCyearActual: R → 4, N1 → 2, N2 → 3, a year group 1–14 → n + 4; undefined otherwise (no year group is
 * below 1 or above 14: '15' or '-1' used to be read as ages 19 and 3).
 */
export function ageFromNcy(raw: string): number | undefined {
  const s = raw.trim().toUpperCase();
  if (s === 'R') return 4;
  if (s === 'N1') return 2;
  if (s === 'N2') return 3;
  if (/^\d{1,2}$/.test(s) && Number(s) >= 1 && Number(s) <= 14) return Number(s) + 4;
  return undefined;
}

export const schoolCensusPupil = simpleCsvReader({
  id: 'school-census-pupil',
  description: 'School census pupil-level SEN extract (UPN, URN, NCyearActual, SENprovision, SENtype1, DOB, Sex)',
  required: ['upn', 'ncyearactual', 'senprovision'],
  optional: ['urn', 'sentype1', 'sentype2', 'dob', 'sex', 'la', 'census_year', 'forename', 'surname', 'postcode'],
  accepts: () => true,
  session(ctx, log, emit) {
    const counts = new Map<string, number>();
    // each pupil's first line and counted key, by census year and UPN (in memory while reading; never stored): a
    // pupil twice (a dual registration) was counted twice
    const seen = new Map<string, { line: number; key: string }>();
    let repeats = 0;
    const fileYear = yearFromFileName(ctx.path);
    return {
      row(r) {
        const yearText = r.get('census_year').trim();
        // Number() took '0x7E8' for 2024, and '2,024' or 'NaN' were called an empty cell
        if (yearText !== '' && !/^\d{4}$/.test(yearText)) return log.error(msg.badNumber(`a census year like 2024 (the January of the census). Got: ${shownYear(yearText)}`), r.line, 'census_year');
        const year = yearText !== '' ? Number(yearText) : fileYear;
        if (year === undefined) return log.error(msg.requiredValue('a census year (a census_year column or the year in the file name)'), r.line, 'census_year');
        const maxYear = ctx.today.getUTCFullYear() + 1;
        if (year < MIN_CENSUS_YEAR || year > maxYear) return log.error(msg.yearOutOfRange(year, MIN_CENSUS_YEAR, maxYear), r.line, 'census_year');
        const ncy = r.get('ncyearactual');
        const dobText = r.get('dob');
        let age = ageFromNcy(ncy);
        if (age === undefined && ncy.trim().toUpperCase() === 'X') {
          const dob = parseSen2Date(dobText);
          if (!dob) return log.error(msg.ncyXWithoutDob(), r.line, 'NCyearActual');
          age = ageAtCensus(dob, year);
        }
        if (age === undefined) return log.error(msg.badNcYear(ncy, shown(ncy)), r.line, 'NCyearActual');
        if (age < 0 || age > 25) return log.error(msg.badAge(String(age)), r.line, 'DOB');
        const prov = r.get('senprovision').toUpperCase();
        if (!PROVISIONS.has(prov)) return log.error(msg.unknownSenProvision(r.get('senprovision'), shown(r.get('senprovision'))), r.line, 'SENprovision');
        const code = r.get('sentype1');
        let need: string = ALL;
        if (code !== '') {
          const n = needFromSourceCode(code);
          if (!n) return log.error(msg.unknownNeed(code, nearest(code.toUpperCase(), NEEDS), shown(code)), r.line, 'SENtype1');
          need = n;
        } else if (prov === 'E' || prov === 'K') need = 'UNKNOWN';
        if (dobText.trim() !== '') {
          // read as the X year group above reads it (and as SEN2 dates are): JavaScript's Date took 45306 for a date
          // in the year 45306, '2019' or 'March 5' for dates, and 02/01/2019 for 1 February
          const dob = parseSen2Date(dobText);
          if (!dob) return log.error(msg.badBirthDate(sen2Shown(dobText, 'birth date')), r.line, 'DOB');
          if (dob > ctx.today.toISOString().slice(0, 10)) return log.error(futureBirthDate(), r.line, 'DOB');
        }
        const la = r.get('la') || ALL;
        if (la !== ALL && !isOldLaCode(la)) return log.error(msg.badOldLaCode(la, [...la].length <= 5 ? `'${la}'` : shown(la)), r.line, 'LA');
        const key = `${la}|${year}|${age}|${prov}|${need}`;
        const upn = r.get('upn').trim().toUpperCase();
        if (upn !== '') {
          const first = seen.get(`${year}|${upn}`);
          if (first) {
            if (first.key !== key) return log.error(msg.pupilTwice(first.line, false), r.line, 'UPN');
            if (repeats++ === 0) log.warn(msg.pupilTwice(first.line, true), r.line, 'UPN');
            return;
          }
          seen.set(`${year}|${upn}`, { line: r.line, key });
        }
        counts.set(key, (counts.get(key) ?? 0) + 1);
      },
      finish() {
        for (const [key, count] of counts) {
          const [la, year, age, prov, need] = key.split('|') as [string, string, string, string, string];
          emit('school_census', { old_la_code: la, census_year: Number(year), age: Number(age), sen_provision: prov, need, count, missing: null });
        }
      },
    };
  },
});

/**
 * A value of a pupil file as a message quotes it: a pupil file holds UPNs, names and dates of birth, and one of them
 * in the wrong column was echoed ("expected a need code … Got: 'A999000002111'"); only a code's shape is quoted.
 */
function shown(raw: string): string {
  return sen2Shown(raw, 'code');
}

/** A census year as written, quoted when it is digits and separators (no name, postcode or UPN), else described. */
function shownYear(raw: string): string {
  return /^[\d.,\s+-]{1,7}$/.test(raw) ? `'${raw}'` : shown(raw);
}

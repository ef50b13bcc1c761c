/**
 * Published "Special educational needs in England" LA table `sen_ncyear`: EES geography columns, a SEN
 * provision filter (`sen_provision` or `sen_status`), an optional `primary_need`, and pupils by national
 * curriculum year in `nc_early_years`, `nc_reception`, `nc_year_1` … `nc_year_14` → school_census by age.
 */
import { censusYearFromTimePeriod, isOldLaCode, needFromSourceCode } from '../../domain/index.ts';
import * as msg from '../../messages/etl.ts';
import { parseNumber } from '../csv/values.ts';
import { ALL } from '../schema.ts';
import { simpleCsvReader } from './simple-csv-reader.ts';

/** Age of an `nc_*` column (`nc_reception` → 4, `nc_year_7` → 11); `nc_early_years` → undefined age (NULL). */
export function ageOfNcColumn(name: string): number | null | undefined {
  if (name === 'nc_early_years') return null;
  if (name === 'nc_reception') return 4;
  const m = /^nc_year_(\d{1,2})$/.exec(name);
  return m ? Number(m[1]) + 4 : undefined;
}

const PROVISION: Record<string, string> = { 'ehc plan': 'E', 'education, health and care plans': 'E', 'sen support': 'K', 'no sen': 'N', total: ALL };

export const senLaTables = simpleCsvReader({
  id: 'sen-ncyear',
  description: 'Special educational needs in England: pupils by national curriculum year (sen_ncyear)',
  required: ['time_period', 'geographic_level', 'old_la_code', 'nc_reception'],
  accepts: () => true,
  matches: (f) => f.has('time_period') && f.has('nc_reception'),
  session(_ctx, log, emit) {
    return {
      row(r) {
        if (r.get('geographic_level').toLowerCase() !== 'local authority') return;
        const la = r.get('old_la_code');
        if (!isOldLaCode(la)) return log.error(msg.badOldLaCode(la), r.line, 'old_la_code');
        const year = censusYearFromTimePeriod(r.get('time_period'));
        if (year === undefined) return log.error(msg.badTimePeriod(r.get('time_period')), r.line, 'time_period');
        const provRaw = r.get('sen_provision') || r.get('sen_status') || 'Total';
        const prov = PROVISION[provRaw.toLowerCase()] ?? provRaw;
        const needRaw = r.get('primary_need');
        const need = needRaw === '' || /^total/i.test(needRaw) ? ALL : (needFromSourceCode(needRaw) ?? needRaw);
        for (const [i, name] of r.names.entries()) {
          const age = ageOfNcColumn(name);
          if (age === undefined) continue;
          const v = parseNumber(r.fields[i] ?? '', 'count');
          if (!v.ok) {
            log.error(msg.badNumber(v.message), r.line, name);
            continue;
          }
          emit('school_census', { old_la_code: la, census_year: year, age, sen_provision: prov, need, count: v.value, missing: v.value === null ? v.missing : null });
        }
      },
    };
  },
});

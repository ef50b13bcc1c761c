/**
 * Published "Special educational needs in England" LA table `sen_ncyear`: EES geography columns, a SEN
 * provision filter (`sen_provision`, `sen_status`, or `pupil_sen_status` as the 2021/22 release names it), an
 * optional primary need (`primary_need`, or `sen_primary_need`), and pupils by national curriculum year in
 * `nc_early_years`, `nc_reception`, `nc_year_1` … `nc_year_14` → school_census by age. A school phase and type breakdown
 * (`phase_type_grouping`: State-funded primary, … and their Total) holds parts of its Total row: only the Total rows
 * are stored (the parts were summed with it, counting every pupil twice), and the parts passed over are said.
 */
import { censusYearFromTimePeriod, isOldLaCode, needFromLabel, needFromSourceCode } from '../../domain/index.ts';
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
/** The provision filter's column, by the names releases have given it. */
const PROVISION_COLUMNS = ['sen_provision', 'sen_status', 'pupil_sen_status'];
/** The primary need's column, by the names releases have given it. */
const NEED_COLUMNS = ['primary_need', 'sen_primary_need'];
/** A breakdown by school phase and type, whose rows are parts of its Total row. */
const PHASE_COLUMN = 'phase_type_grouping';

export const senLaTables = simpleCsvReader({
  id: 'sen-ncyear',
  description: 'Special educational needs in England: pupils by national curriculum year (sen_ncyear)',
  required: ['time_period', 'geographic_level', 'old_la_code', 'nc_reception'],
  accepts: () => true,
  matches: (f) => f.has('time_period') && f.has('nc_reception'),
  session(_ctx, log, emit) {
    let parts = 0;
    let totals = 0;
    return {
      row(r) {
        if (r.get('geographic_level').toLowerCase() !== 'local authority') return;
        if (r.has(PHASE_COLUMN)) {
          if (r.get(PHASE_COLUMN).toLowerCase() !== 'total') {
            parts++;
            return;
          }
          totals++;
        }
        const la = r.get('old_la_code');
        if (!isOldLaCode(la)) return log.error(msg.badOldLaCode(la), r.line, 'old_la_code');
        const year = censusYearFromTimePeriod(r.get('time_period'));
        if (year === undefined) return log.error(msg.badTimePeriod(r.get('time_period')), r.line, 'time_period');
        const provColumn = PROVISION_COLUMNS.find((c) => r.has(c));
        const provRaw = (provColumn && r.get(provColumn)) || 'Total';
        const prov = PROVISION[provRaw.toLowerCase()] ?? provRaw;
        const needColumn = NEED_COLUMNS.find((c) => r.has(c));
        const needRaw = needColumn ? r.get(needColumn) : '';
        const need = needRaw === '' || /^total/i.test(needRaw) ? ALL : (needFromSourceCode(needRaw) ?? needFromLabel(needRaw) ?? needRaw);
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
      finish() {
        if (parts > 0) log.warn(msg.senPhasePartsSkipped(parts, PHASE_COLUMN, totals));
      },
    };
  },
});

/**
 * EES 2024 "long" layout: one numeric column (`number_of_plans` or `value`) and filter columns that say what each
 * row counts: `measure` (ehcplans / new_ehc_plans / requests_received_in_year / …, default ehcplans), `age`,
 * `setting` (an EES 2022 establishment type or a 2025 leaf column name), `primary_need` (a need code or EES need
 * column). `Total` (or blank) in a filter means all values.
 */
import {
  isAcademicTimePeriod, NEEDS, Need, needFromEesColumn, needFromSourceCode, parseAgeLabel,
  placementFromEes2022EstablishmentType, placementFromEesColumn, type Placement,
} from '../../domain/index.ts';
import * as msg from '../../messages/etl.ts';
import * as releaseMsg from '../../messages/releases.ts';
import type { StockCell } from './ees-common.ts';
import { eesReader } from './ees-reader.ts';

const VALUE_COLUMNS = ['number_of_plans', 'value'];
const FILTERS = ['measure', 'age', 'setting', 'primary_need'];
/** `measure` filter values that are flows, and their warehouse measure. */
const FLOW_MEASURES: Record<string, string> = {
  new_ehc_plans: 'new_plans',
  requests_received_in_year: 'requests',
  requests_decided_to_assess: 'decided_to_assess',
  assess_issued: 'assess_issued',
  assess_not_issued: 'assess_not_issued',
  total_ceased: 'ceased',
};
const STOCK_MEASURES = new Set(['ehcplans', 'ehc_plans', 'plans']);

const isTotal = (s: string): boolean => s === '' || /^(total|all)\b/i.test(s);

function needOf(s: string): Need | undefined {
  return needFromSourceCode(s) ?? needFromEesColumn(`number_${s.toLowerCase()}`) ?? NEEDS.find((n) => Need[n].label.toLowerCase() === s.toLowerCase());
}
function placementOf(s: string): Placement | undefined {
  return placementFromEesColumn(s) ?? placementFromEes2022EstablishmentType(s);
}

export const ees2024Long = eesReader({
  id: 'ees-2024-long',
  description: 'DfE EHC plans 2024 release, long layout (one value column, filter columns)',
  yearKind: 'census',
  required: [],
  optional: [...VALUE_COLUMNS, ...FILTERS],
  matches: (f) => VALUE_COLUMNS.some((c) => f.has(c)) && FILTERS.some((c) => f.has(c)) && !f.has('breakdown_topic'),
  layout: () => 'ees-2024',
  session: () => ({
    row(r) {
      const valueCol = VALUE_COLUMNS.find((c) => r.row.has(c))!;
      const v = r.num(valueCol);
      if (!v) return;
      const measure = (r.row.get('measure') || 'ehcplans').toLowerCase();
      const cell: StockCell = {};
      const ageLabel = r.row.get('age');
      if (!isTotal(ageLabel)) {
        const age = parseAgeLabel(ageLabel);
        if (!age) return r.warn(releaseMsg.unknownAgeLabel(ageLabel), 'age');
        cell.ageFrom = age.from;
        cell.ageTo = age.to;
      }
      const setting = r.row.get('setting');
      if (!isTotal(setting)) {
        const p = placementOf(setting);
        if (!p) return r.warn(msg.unknownEstablishmentType(setting), 'setting');
        cell.placement = p;
      }
      const needLabel = r.row.get('primary_need');
      if (!isTotal(needLabel)) {
        const n = needOf(needLabel);
        if (!n) return r.error(msg.unknownNeed(needLabel), 'primary_need');
        cell.need = n;
      }
      if (STOCK_MEASURES.has(measure)) return r.stock(cell, v);
      const flow = FLOW_MEASURES[measure];
      if (!flow) return r.warn(msg.unknownColumn(measure), 'measure');
      // a flow's time period: calendar year as written, or the year before an academic year's census
      const flowYear = isAcademicTimePeriod(r.row.get('time_period')) ? r.year - 1 : r.year;
      r.flow({ ...cell, measure: flow, flowYear }, v);
    },
  }),
});

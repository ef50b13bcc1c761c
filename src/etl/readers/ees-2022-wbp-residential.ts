/**
 * EES 2022 release `sen2_wbp_residential_dmo.csv` (inside the release zip; January 2017 … 2022): plans of young
 * people in work-based learning and of children in residential settings, plus whether the LA has a designated
 * medical / clinical officer. None of it is "plans" in the model's sense (it overlaps the placement stock), so it
 * is stored in `stock` under measures of its own, which every reader of the stock filters out (`measure =
 * 'plans'`):
 *
 * | measure | columns | ages |
 * |---|---|---|
 * | `work_based_apprenticeship`, `work_based_traineeship`, `work_based_supported_internship`, `work_based_learning` | `MApprenEHC`, `MTrainEHC`, `MSuppIntEHC`, `WorkbasedEHC` (total) | 0–25 |
 * | `residential_38_51_weeks`, `residential_52_weeks` | `Mres38week<band>EHC` + `Mres38week<band>` (statements), `TotMres38weekEHC` + `TotMres38week`; same for 52 | bands 0–4, 5–10, 11–15, 16–19, 20–25; total 0–25 |
 *
 * Residential counts are statements + EHC plans (as `Total_all` elsewhere in the release): January 2018 reports
 * both, later years EHC plans only (statements `z`), 2017 neither (all `z`: stored as NULL, not-applicable).
 * DMO, DCO and DMODCOFunction (Y, N, R) are checked (an unexpected value is a warning) but not stored.
 */
import * as msg from '../../messages/etl.ts';
import type { EesRow } from './ees-common.ts';
import { eesReader } from './ees-reader.ts';

const WORK_BASED: Record<string, string> = {
  mapprenehc: 'work_based_apprenticeship',
  mtrainehc: 'work_based_traineeship',
  msuppintehc: 'work_based_supported_internship',
  workbasedehc: 'work_based_learning',
};

const BANDS: ReadonlyArray<{ suffix: string; from: number; to: number; statements: boolean }> = [
  { suffix: '05', from: 0, to: 4, statements: true },
  { suffix: '510', from: 5, to: 10, statements: true },
  { suffix: '1115', from: 11, to: 15, statements: true },
  { suffix: '1619', from: 16, to: 19, statements: true },
  { suffix: '2025', from: 20, to: 25, statements: false },
];

interface Cell {
  measure: string;
  from: number;
  to: number;
  ehc: string;
  statements?: string;
}

const RESIDENTIAL: Cell[] = (['38', '52'] as const).flatMap((weeks) => {
  const measure = weeks === '38' ? 'residential_38_51_weeks' : 'residential_52_weeks';
  return [
    ...BANDS.map((b) => ({
      measure, from: b.from, to: b.to, ehc: `mres${weeks}week${b.suffix}ehc`, statements: b.statements ? `mres${weeks}week${b.suffix}` : undefined,
    })),
    { measure, from: 0, to: 25, ehc: `totmres${weeks}weekehc`, statements: `totmres${weeks}week` },
  ];
});

const OFFICERS = ['dmo', 'dco', 'dmodcofunction'];
const OFFICER_VALUES = new Set(['y', 'n', 'r', 'yes', 'no', 'recruiting', 'x', 'z', 'c', ':', 'u', 'low', '']);

type Num = { value: number | null; missing?: string };

/** Statements + EHC plans: the sum of the numbers present, else the EHC column's missing value; undefined when a
 * cell is invalid (its error is logged) or neither column is in the file. */
function plusStatements(r: EesRow, c: Cell): Num | undefined {
  const cols = [c.ehc, c.statements].filter((col): col is string => col !== undefined && r.row.has(col));
  const values = cols.map((col) => r.num(col));
  if (values.length === 0 || values.some((v) => v === undefined)) return undefined;
  const numbers = (values as Num[]).filter((v) => v.value !== null);
  if (numbers.length > 0) return { value: numbers.reduce((s, v) => s + (v.value as number), 0) };
  return values[0];
}

export const ees2022WbpResidential = eesReader({
  id: 'ees-2022-wbp-residential',
  description: 'DfE EHC plans 2022 release: work-based learning, residential settings, DMO/DCO (sen2_wbp_residential_dmo.csv)',
  yearKind: 'census',
  required: ['workbasedehc', 'totmres38weekehc', 'totmres52weekehc'],
  optional: [...Object.keys(WORK_BASED), ...RESIDENTIAL.flatMap((c) => (c.statements ? [c.ehc, c.statements] : [c.ehc])), ...OFFICERS],
  matches: (f) => f.has('workbasedehc') || f.has('totmres38weekehc') || f.has('totmres52weekehc'),
  layout: () => 'ees-2022',
  session: () => ({
    row(r) {
      for (const [col, measure] of Object.entries(WORK_BASED)) {
        if (!r.row.has(col)) continue;
        const v = r.num(col);
        if (v) r.stock({ measure }, v);
      }
      for (const c of RESIDENTIAL) {
        const v = plusStatements(r, c);
        if (v) r.stock({ measure: c.measure, ageFrom: c.from, ageTo: c.to }, v);
      }
      for (const col of OFFICERS) {
        const raw = r.row.get(col);
        if (r.row.has(col) && !OFFICER_VALUES.has(raw.toLowerCase())) r.warn(msg.unknownOfficerValue(raw), col);
      }
    },
    finish: (log) => log.warn(msg.wbpDmoNotStored()),
  }),
});

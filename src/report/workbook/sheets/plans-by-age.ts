/** Plans by age sheet: single ages 0–25 with NCY labels and phases, then phase subtotals, per census year. */
import { AGES, ncyLabel, Phase, PHASES, phaseOfAge } from '../../../domain/index.ts';
import { singleAgesFromBands } from '../../../messages/report.ts';
import type { RunReport } from '../../run-report.ts';
import { baseObserved, censusHeader, plansByAge, singleAgeYears, sumAges } from '../../series.ts';
import type { Sheet, TableSum } from '../model.ts';
import { col, columnSums, count } from '../table-helpers.ts';

export function plansByAgeSheet(r: RunReport): Sheet {
  const years = singleAgeYears(r);
  const ages = years.map((y) => plansByAge(r, y)!);
  // a base year the data give in bands only is headed 'estimated': its single ages are the model's apportionment
  const yearCols = years.map((y) => col(`${censusHeader(r, y, baseObserved(r, 'age'))} (plans)`, 'count'));
  return {
    name: 'Plans by age',
    title: 'EHC plans by age at each January census',
    intro: ['Age is age on 31 August before the academic year (NCY = age − 4). Projected years are the central path.', ...bandsNote(r)],
    tables: [
      {
        name: 'Plans_by_age',
        title: 'By single age',
        columns: [col('Age (years)', 'number'), col('NCY', 'text'), col('Phase', 'text'), ...yearCols],
        rows: AGES.map((a) => [a, ncyLabel(a), Phase[phaseOfAge(a)].label, ...ages.map((v) => count(v[a]))]),
        sums: ageSums(years.length),
      },
      {
        name: 'Plans_by_phase',
        title: 'By phase (subtotals)',
        columns: [col('Phase', 'text'), col('Ages', 'text'), ...yearCols],
        rows: [
          ...PHASES.map((p) => [Phase[p].label, `${Phase[p].from}–${Phase[p].to}`, ...ages.map((v) => count(sumAges(v, Phase[p].from, Phase[p].to)))]),
          ['All ages', '0–25', ...ages.map((v) => count(sumAges(v, 0, 25)))],
        ],
      },
    ],
    charts: ['age-profile'],
    freezeColumns: 1,
  };
}

/** The lines a reader can subtract along: ages to their phase and to all ages, phases to all ages (Plans_by_phase). */
function ageSums(n: number): TableSum[] {
  const cols = Array.from({ length: n }, (_, i) => 3 + i);
  const phaseCols = Array.from({ length: n }, (_, i) => 2 + i);
  const at = { totalTable: 'Plans_by_phase', partCols: cols };
  const all = PHASES.length;
  return [
    ...columnSums(all, AGES.map((_, k) => k), phaseCols, at),
    ...columnSums(all, PHASES.map((_, k) => k), phaseCols, { table: 'Plans_by_phase', totalTable: 'Plans_by_phase' }),
    ...PHASES.flatMap((p, k) => columnSums(k, AGES.flatMap((a, j) => (phaseOfAge(a) === p ? [j] : [])), phaseCols, at)),
  ];
}

/**
 * A note when the base year's ages come from bands alone (no SEN2 return and no single-age rows that year): the
 * sheet's single ages are then the model's apportionment, shown as such, not as published figures.
 */
function bandsNote(r: RunReport): string[] {
  const ds = r.dataset;
  if (ds.stockCube[r.baseYear]) return [];
  const rows = ds.stockByAge.filter((x) => x.year === r.baseYear && !(x.from === 0 && x.to === 25));
  if (rows.length === 0 || rows.some((x) => x.from === x.to)) return [];
  const bands = [...new Set(rows.map((x) => `${x.from}–${x.to}`))];
  return [singleAgesFromBands(r.baseYear, bands)];
}

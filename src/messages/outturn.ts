/**
 * Messages of a Section 251 outturn table's years against the run's base financial year (budget/run-budget.ts
 * reconcileTables). The outturn's other messages are in budget.ts.
 */
import { financialYearLabel } from '../domain/index.ts';
import { fmtMoneyExact as gbp } from '../report/format.ts';

export function outturnOtherYears(years: string[], base: string): string {
  return `Section 251 outturn: rows for ${years.join(', ')} are not used; the run reconciles its base financial year ${base} only (give that year's outturn, or the latest forecast outturn for it).`;
}

/**
 * A Section 251 outturn table none of whose rows is for the run's base financial year: nothing is reconciled, and the
 * base year's spend is the unit costs' as given. Said on stderr as well as the Data quality sheet (run-budget.ts): a
 * table of 2023-24 beside a run from January 2025 left the sample's 2025-26 spend at £70.8m, not the outturn's £69.3m,
 * with the note on the Data quality sheet only.
 */
export function outturnNoBaseYear(base: string, given: string[], apart: ReadonlyArray<{ label: string; fy: number; outturn: number; modelled: number; factor: number }> = []): string {
  const far = apart.length
    ? ` Its ${financialYearLabel(apart[0]!.fy)} figures are far from what the run models for ${base}, beyond a year's change: ` +
      apart.map((a) => `'${a.label}' ${gbp(a.outturn)} against ${gbp(a.modelled)} modelled (×${a.factor.toFixed(1)})`).join('; ') +
      `. Are the unit costs per term rather than per year, or in other units (or is the outturn another council's)? The run uses the unit costs as given.`
    : '';
  return (
    `Section 251 outturn: the table has no rows for the base financial year ${base}${given.length ? ` (it gives ${given.join(', ')})` : ''}, so unit costs were not ` +
    `reconciled: the base year's spend is the unit costs' as given, not the accounts'.${far} Give the outturn (or the latest forecast outturn) for ${base}, ` +
    'or set costs.reconcile_to_outturn: false in the scenario to run without it.'
  );
}

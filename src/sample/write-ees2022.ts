/**
 * The EES 2022 release layout for Anyshire: `sen2_age_caseload.csv` and `sen2_estab_caseload.csv` (January
 * 2015–2022) and `sen2_age_new_plans.csv` (calendar 2014–2021). LA rows only, LF line ends, no BOM, `z` where
 * statements do not apply, percentages in the release's precision.
 */
import { eesPercent, csvText } from './format.ts';
import { AGE_ROWS, LEADING_HEADER, NO_STATEMENT_GROUPS, estabLayout, estabTypeOf, leadingColumns } from './ees2022-layout.ts';
import { newPlansIn, stockAt } from './summary.ts';
import type { Simulation } from './types.ts';

const CENSUS_YEARS = [2022, 2021, 2020, 2019, 2018, 2017, 2016, 2015];
const FLOW_YEARS = [2021, 2020, 2019, 2018, 2017, 2016, 2015, 2014];

interface Counts {
  st: number;
  ehc: number;
}

/** The six measure columns: count and percentage for statements, EHC plans and all; `z` where not applicable. */
function measures(c: Counts, total: Counts, stApplies: boolean): string[] {
  const all = c.st + c.ehc;
  const allTotal = total.st + total.ehc;
  if (!stApplies && c.st > 0) throw new RangeError(`statements counted where the release has none (${c.st})`);
  const st = stApplies ? [String(c.st), eesPercent(c.st, total.st, 6)] : ['z', 'z'];
  return [...st, String(c.ehc), eesPercent(c.ehc, total.ehc, 6), String(all), eesPercent(all, allTotal, 7)];
}

/** `sen2_age_caseload.csv`. */
export function ageCaseloadCsv(sim: Simulation): string {
  const rows: string[][] = [];
  for (const y of CENSUS_YEARS) {
    const stock = stockAt(sim, y);
    const counts = AGE_ROWS.map((band) => {
      const c: Counts = { st: 0, ehc: 0 };
      for (const r of stock) if (r.age >= band.from && r.age <= band.to) c[r.statement ? 'st' : 'ehc']++;
      return c;
    });
    AGE_ROWS.forEach((band, i) => {
      const stApplies = y <= 2018 && (i === 0 || band.to < 20);
      rows.push([...leadingColumns(y), band.label, ...measures(counts[i]!, counts[0]!, stApplies)]);
    });
  }
  return csvText([...LEADING_HEADER, 'characteristic_age', 'Total_st', 'Total_st_pc', 'Total_ehc', 'Total_ehc_pc', 'Total_all', 'Total_all_pc'], rows);
}

/** `sen2_estab_caseload.csv`. */
export function estabCaseloadCsv(sim: Simulation): string {
  const rows: string[][] = [];
  for (const y of CENSUS_YEARS) {
    const byType = new Map<string, Counts>();
    const total: Counts = { st: 0, ehc: 0 };
    for (const r of stockAt(sim, y)) {
      const t = estabTypeOf(r.spell, r.age, y);
      const c = byType.get(t) ?? { st: 0, ehc: 0 };
      c[r.statement ? 'st' : 'ehc']++;
      total[r.statement ? 'st' : 'ehc']++;
      byType.set(t, c);
    }
    const layout = estabLayout(y);
    const known = new Set(layout.flatMap(([, types]) => types));
    for (const t of byType.keys()) if (!known.has(t)) throw new RangeError(`establishment type ${t} not in the ${y} layout`);
    const stYear = y <= 2018;
    rows.push([...leadingColumns(y), 'Total', 'Total', ...measures(total, total, stYear)]);
    for (const [group, types] of layout) {
      const stApplies = stYear && !NO_STATEMENT_GROUPS.has(group);
      const g: Counts = { st: 0, ehc: 0 };
      for (const t of types) {
        const c = byType.get(t);
        if (c) { g.st += c.st; g.ehc += c.ehc; }
      }
      rows.push([...leadingColumns(y), 'Total', group, ...measures(g, total, stApplies)]);
      for (const t of types) rows.push([...leadingColumns(y), t, group, ...measures(byType.get(t) ?? { st: 0, ehc: 0 }, total, stApplies)]);
    }
  }
  return csvText([...LEADING_HEADER, 'establishment_type', 'establishment_group', 'Total_st', 'Total_st_pc', 'Total_ehc', 'Total_ehc_pc', 'Total_all', 'Total_all_pc'], rows);
}

/** `sen2_age_new_plans.csv` (age when the plan started). */
export function ageNewPlansCsv(sim: Simulation): string {
  const rows: string[][] = [];
  for (const y of FLOW_YEARS) {
    const plans = newPlansIn(sim, y);
    const counts = AGE_ROWS.map((band) => {
      const c: Counts = { st: 0, ehc: 0 };
      for (const p of plans) if (p.age >= band.from && p.age <= band.to) c[p.statement ? 'st' : 'ehc']++;
      return c;
    });
    AGE_ROWS.forEach((band, i) => {
      const stApplies = y <= 2015 && (i === 0 || band.to < 20);
      rows.push([...leadingColumns(y), band.label, ...measures(counts[i]!, counts[0]!, stApplies)]);
    });
  }
  return csvText([...LEADING_HEADER, 'characteristic_age', 'Total_new_st', 'Total_new_st_pc', 'Total_new_ehc', 'Total_new_ehc_pc', 'Total_new_all', 'Total_new_all_pc'], rows);
}

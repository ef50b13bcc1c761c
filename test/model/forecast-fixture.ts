/** Small hand-made EES files (2022 release layout) for forecast tests, written to a temporary folder. */
import { writeFileSync } from 'node:fs';
import { tempDir } from '../temp.ts';
import { join } from 'node:path';

const BANDS: Array<[string, number]> = [['Under 5', 0.05], ['Age 5 to 10', 0.33], ['Age 11 to 15', 0.33], ['Age 16 to 19', 0.22], ['Age 20 to 25', 0.07]];
const LAS: Array<{ old: string; ons: string; name: string; first: number; last: number; base: number; g: number }> = [
  { old: '925', ons: 'E10000019', name: 'Lincolnshire', first: 2012, last: 2024, base: 4000, g: 0.08 },
  { old: '926', ons: 'E10000020', name: 'Norfolk', first: 2012, last: 2024, base: 5000, g: 0.1 },
  { old: '928', ons: 'E10000021', name: 'Northamptonshire', first: 2012, last: 2021, base: 3000, g: 0.09 },
  { old: '940', ons: 'E06000061', name: 'North Northamptonshire', first: 2022, last: 2024, base: 2500, g: 0.09 },
  { old: '938', ons: 'E10000032', name: '=West Sussex', first: 2012, last: 2024, base: 6000, g: 0.07 },
];

/** More LAs for a release's worth of them (a run's track record across LAs needs more than ten): each grows its own way. */
const MORE_LAS: Array<(typeof LAS)[number]> = [
  ['830', 'E10000007', 'Derbyshire'],
  ['831', 'E06000015', 'Derby'],
  ['855', 'E10000018', 'Leicestershire'],
  ['856', 'E06000016', 'Leicester'],
  ['857', 'E06000017', 'Rutland'],
  ['891', 'E10000024', 'Nottinghamshire'],
  ['892', 'E06000018', 'Nottingham'],
].map(([old, ons, name], i) => ({ old: old!, ons: ons!, name: name!, first: 2012, last: 2024, base: 800 + 650 * i, g: 0.05 + 0.012 * (i % 5) }));

function stock(la: (typeof LAS)[number], y: number): number {
  const wobble = 1 + 0.01 * Math.sin(y * 1.7 + la.base);
  return Math.round(la.base * (1 + la.g) ** (y - 2012) * wobble);
}

const HEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,characteristic_age';

/**
 * Writes sen2_age_caseload.csv and sen2_age_new_plans.csv holding years up to `maxYear`; returns their paths.
 * `more`: seven more LAs (twelve in all), in `dir` when given.
 */
export function writeFixture(maxYear: number, opts: { more?: boolean; dir?: string } = {}): string[] {
  const dir = opts.dir ?? tempDir('hn-forecast-');
  const las = opts.more ? [...LAS, ...MORE_LAS] : LAS;
  const caseload = [`${HEAD},Total_st,Total_st_pc,Total_ehc,Total_ehc_pc,Total_all,Total_all_pc`];
  const newPlans = [`${HEAD},Total_new_st,Total_new_st_pc,Total_new_ehc,Total_new_ehc_pc,Total_new_all,Total_new_all_pc`];
  const geo = (la: (typeof LAS)[number]): string =>
    `Local authority,E92000001,England,E12000004,East Midlands,${la.old},${la.ons},"${la.name}"`;
  for (let y = 2012; y <= maxYear; y++) {
    let nat = 0;
    let natNew = 0;
    for (const la of las) {
      if (y >= la.first && y <= la.last) {
        const s = stock(la, y);
        nat += s;
        caseload.push(`${y},Calendar year,${geo(la)},Total,z,z,${s},100,${s},100`);
        for (const [b, share] of BANDS) {
          const v = Math.round(s * share);
          caseload.push(`${y},Calendar year,${geo(la)},${b},z,z,${v},${share * 100},${v},${share * 100}`);
        }
      }
      const fy = y - 1;
      if (fy >= la.first && fy <= la.last && y <= maxYear) {
        const n = Math.round(stock(la, fy) * 0.13);
        natNew += n;
        newPlans.push(`${fy},Calendar year,${geo(la)},Total,z,z,${n},100,${n},100`);
        for (const [b, share] of BANDS) newPlans.push(`${fy},Calendar year,${geo(la)},${b},z,z,${Math.round(n * share)},1,${Math.round(n * share)},1`);
      }
    }
    caseload.push(`${y},Calendar year,National,E92000001,England,"","","","","",Total,z,z,${nat},100,${nat},100`);
    if (natNew > 0) newPlans.push(`${y - 1},Calendar year,National,E92000001,England,"","","","","",Total,z,z,${natNew},100,${natNew},100`);
  }
  const a = join(dir, 'sen2_age_caseload.csv');
  const b = join(dir, 'sen2_age_new_plans.csv');
  writeFileSync(a, caseload.join('\n') + '\n');
  writeFileSync(b, newPlans.join('\n') + '\n');
  return [a, b];
}

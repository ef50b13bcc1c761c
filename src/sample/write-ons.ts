/**
 * Population files for Anyshire from the synthetic population: an ONS subnational population projection in the
 * 2018/2022-based layout (2022–2040, persons/males/females, values with decimals) and mid-year estimates
 * 2015–2021 in the layout of the ONS MYE single-year table (one file per year, quoted thousands). Both UTF-8, LF.
 */
import { SAMPLE_LA } from '../domain/index.ts';
import { csvText, onsQuotedCount } from './format.ts';
import { MAX_SINGLE_AGE, bySex, bySex90Plus } from './population.ts';

export const SNPP_YEARS = Array.from({ length: 19 }, (_, i) => 2022 + i);
export const MYE_YEARS = [2015, 2016, 2017, 2018, 2019, 2020, 2021];

function cell(v: number): string {
  return v.toFixed(3);
}

/** `snpp_2022based_E99999999.csv`: AREA_CODE, AREA_NAME, COMPONENT, SEX, AGE_GROUP, 2022 … 2040. */
export function snppCsv(): string {
  const rows: string[][] = [];
  for (const sex of ['persons', 'males', 'females'] as const) {
    const values = (y: number, age: number | '90+'): number => {
      const s = age === '90+' ? bySex90Plus(y) : bySex(age, y);
      const m = Number(s.males.toFixed(3));
      const f = Number(s.females.toFixed(3));
      return sex === 'males' ? m : sex === 'females' ? f : m + f;
    };
    const lead = [SAMPLE_LA.newCode, SAMPLE_LA.name, 'Population', sex];
    const all = SNPP_YEARS.map(() => 0);
    for (let age = 0; age <= MAX_SINGLE_AGE; age++) {
      const vs = SNPP_YEARS.map((y) => values(y, age));
      vs.forEach((v, i) => (all[i]! += v));
      rows.push([...lead, String(age), ...vs.map(cell)]);
    }
    const old = SNPP_YEARS.map((y) => values(y, '90+'));
    old.forEach((v, i) => (all[i]! += v));
    rows.push([...lead, '90 and over', ...old.map(cell)]);
    rows.push([...lead, 'All ages', ...all.map(cell)]);
  }
  return csvText(['AREA_CODE', 'AREA_NAME', 'COMPONENT', 'SEX', 'AGE_GROUP', ...SNPP_YEARS.map(String)], rows);
}

/** `ons_mye_<year>.csv`: Code, Name, Geography, All ages, 0 … 89, 90+ (persons, rounded, quoted thousands). */
export function myeCsv(year: number): string {
  const counts: number[] = [];
  for (let age = 0; age <= MAX_SINGLE_AGE; age++) {
    const s = bySex(age, year);
    counts.push(Math.round(s.males) + Math.round(s.females));
  }
  const old = bySex90Plus(year);
  counts.push(Math.round(old.males) + Math.round(old.females));
  const total = counts.reduce((a, b) => a + b, 0);
  const header = ['Code', 'Name', 'Geography', 'All ages', ...Array.from({ length: MAX_SINGLE_AGE + 1 }, (_, a) => String(a)), '90+'];
  const row = [SAMPLE_LA.newCode, SAMPLE_LA.name, 'County', ...[total, ...counts].map(onsQuotedCount)];
  return `${header.join(',')}\n${row.join(',')}\n`;
}

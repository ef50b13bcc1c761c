/**
 * Dates as whole days since 1970-01-01 (UTC), the census dates of the sample and age on 31 August — the only
 * calendar arithmetic the generator needs.
 */

const MS_PER_DAY = 86_400_000;

/** Day number of a calendar date (month 1–12). */
export function day(year: number, month: number, dayOfMonth: number): number {
  return Math.round(Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY);
}

/** `YYYY-MM-DD` of a day number. */
export function isoDate(d: number): string {
  return new Date(d * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Calendar year of a day number. */
export function yearOf(d: number): number {
  return new Date(d * MS_PER_DAY).getUTCFullYear();
}

/** The January census date of census year `y`: the third Thursday of January. */
export function censusDay(y: number): number {
  const jan1 = day(y, 1, 1);
  const dow = new Date(jan1 * MS_PER_DAY).getUTCDay();
  const firstThursday = jan1 + ((4 - dow + 7) % 7);
  return firstThursday + 14;
}

/** The start year of the academic year (September–August) holding day `d`. */
export function academicYearOf(d: number): number {
  const y = yearOf(d);
  return d >= day(y, 9, 1) ? y : y - 1;
}

/** Age on 31 August before the academic year that holds day `d` (domain.md's age). */
export function academicAge(birth: number, d: number): number {
  return ageOn(birth, day(academicYearOf(d), 8, 31));
}

/** Age in whole years on day `d`. */
export function ageOn(birth: number, d: number): number {
  const b = new Date(birth * MS_PER_DAY);
  const t = new Date(d * MS_PER_DAY);
  let age = t.getUTCFullYear() - b.getUTCFullYear();
  if (t.getUTCMonth() < b.getUTCMonth() || (t.getUTCMonth() === b.getUTCMonth() && t.getUTCDate() < b.getUTCDate())) age--;
  return age;
}

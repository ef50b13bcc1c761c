/**
 * User-facing messages about population (ONS estimates and projections): a file's rows the readers refuse, and an
 * LA whose population the data do not hold as they should.
 */
import { possessive } from '../util/possessive.ts';

/** The start of populationOtherAreas: run puts such notes on stderr too (run.ts). */
export const POPULATION_OTHER_AREAS = 'Population projections: ';

/** Projections loaded for other areas only: the LA's own area has none (a projection of another LA, or the wrong AREA_CODE). */
export function populationOtherAreas(area: string, others: readonly string[], files: readonly string[]): string {
  const list = others.length > 3 ? `${others.slice(0, 3).join(', ')} and ${others.length - 3} more` : others.join(', ');
  return `${POPULATION_OTHER_AREAS}the projections in the data (${files.join(', ')}) are for ${list}, none for ${area}, so they are not used for it: load the projection of ${area} (AREA_CODE ${area}), or correct the AREA_CODE if the rows are its own.`;
}

/** An LA's population of one mid-year that lacks some ages 0–25: each would count as no children. */
export function populationAgesMissing(area: string, midYear: number, kind: string, ages: readonly number[], files: readonly string[]): string {
  const what = kind === 'mye' ? 'mid-year estimate' : kind === 'snpp' ? 'population projection' : `${kind} population`;
  const list = ages.length > 6 ? `${ages.slice(0, 6).join(', ')} and ${ages.length - 6} more` : ages.join(', ');
  return `the ${what} for area ${area} at mid-${midYear} (census ${midYear + 1}) has no figure for age ${list}${files.length ? ` (${files.join(', ')})` : ''}: a blank or marker cell, or a row or column missing. A missing age would count as no children and no new plans there; give every age 0 to 25, or remove that year from the file`;
}
/** An LA's population of one mid-year with 0 people at ages 0–25 where that cannot be a count (dataset-population.ts lostZeros). */
export function populationAgesZero(area: string, midYear: number, kind: string, ages: readonly number[], files: readonly string[]): string {
  const what = kind === 'mye' ? 'mid-year estimate' : kind === 'snpp' ? 'population projection' : `${kind} population`;
  const list = ages.length > 6 ? `${ages.slice(0, 6).join(', ')} and ${ages.length - 6} more` : ages.join(', ');
  return `the ${what} for area ${area} at mid-${midYear} (census ${midYear + 1}) gives 0 people at age ${list}${files.length ? ` (${files.join(', ')})` : ''}: an LA has people at every age 0 to 25 (only one as small as the Isles of Scilly may have none at an age), so the figure was lost (a blank filled with 0, a lookup that failed). An age of 0 people would have no new plans; give the figures, or remove that year from the file`;
}
/** An ONS estimates file whose `year` column never gives the year its name gives (etl/readers/ons-mye.ts). */
export function populationYearNotName(file: string, nameYear: number, columnYears: readonly number[]): string {
  const years = columnYears.length > 3 ? `${columnYears.slice(0, 3).join(', ')} and ${columnYears.length - 3} more` : columnYears.join(', ');
  return `the file name ${file} says mid-${nameYear}, but its year column gives ${years} and never ${nameYear}: it is unclear which year the figures are for (a file copied from another year with its year column not updated, or renamed for another year), and a year out by one moves every age's children a year. Correct the year column, or the file name`;
}
/** Two columns of an ONS estimates table that count one age ('5' and '05', '90' beside '90+'). */
export function populationAgeColumnTwice(column: string, other: string): string {
  return (
    `column '${column}' counts children of an age that column '${other}' counts too, so that age's population would be counted twice: ` +
    `keep one column per single year of age (0 to 89) and one for 90 and over (or 90 to 99 and 100+, which are summed into it)`
  );
}
export function unknownPopulationSex(raw: string): string {
  return `expected SEX persons, males or females. Got: '${raw}' (a population of another label would be added to the males and females of its age)`;
}
export function populationAgeOutOfRange(raw: string): string {
  return (
    `expected an age from 0 to 89, '90 and over' or 'All ages' (ONS single years of age). Got: '${raw}': it is not clear which children this ` +
    `population row counts, and a file with ages shifted or in bands gives the projection wrong populations. Correct or delete the row; ` +
    `for a file in age bands (0-4, 5-9), download the ONS table by single year of age`
  );
}

/** The start of populationNotForLaNote: run.ts puts such notes on stderr too. */
export const POPULATION_NOT_FOR_LA = 'Population: the population files hold no rows for ';

/**
 * The data hold population, but none for the LA's area code (a file of districts, or of another LA's codes): the
 * run goes on without the number of children, which a reader who loaded population files would not expect.
 */
export function populationNotForLaNote(laName: string, areaCode: string): string {
  return (
    `${POPULATION_NOT_FOR_LA}${laName} (area code ${areaCode}): its new plans are projected as a number a year, not per head of its ` +
    `children and young people, and plans are not checked against their number. Load population rows for ${areaCode} ` +
    `(ONS mid-year estimates or subnational projections of upper-tier local authorities) to use them.`
  );
}

/** The start of populationSexesDisagree: run.ts puts such notes on stderr too. */
export const POPULATION_SEXES_DISAGREE = 'Population: persons are not males + females ';

/**
 * A population file whose persons row of an age is not its males + females (beyond rounding): an edited or pasted
 * row. The persons figure is the one used; the note gives the first few ages and years, both figures and the files.
 */
export function populationSexesDisagree(area: string, n: number, first: ReadonlyArray<{ midYear: number; age: number; persons: number; sexes: number }>, files: readonly string[]): string {
  const fmt = (x: number) => x.toLocaleString('en-GB', { maximumFractionDigits: 1 });
  const list = first.map((c) => `age ${c.age} at mid-${c.midYear}: ${fmt(c.persons)} persons, ${fmt(c.sexes)} males + females`).join('; ');
  return (
    `${POPULATION_SEXES_DISAGREE}for area ${area} in ${n} age-year${n === 1 ? '' : 's'} (${list}${n > first.length ? `; and ${n - first.length} more` : ''}; ${files.join(', ')}): ` +
    `the persons figures are used, so a row edited or pasted in one place and not the other changes the children the run counts. Correct the rows that are wrong.`
  );
}

/** A population projection with no column named by a 4-digit year. */
export function noYearColumns(near: readonly string[]): string {
  return `no column of the projection is a year (2022, 2023, …)${near.length > 0 ? `: found ${near.map((n) => `'${n}'`).join(', ')}` : ''}, so no figure can be read: name each year's column by its 4-digit year, as ONS publishes it`;
}

/** A population row whose area code cell is blank. */
export function populationNoAreaCode(name: string): string {
  return `this row${name ? ` ('${name}')` : ''} has no area code, so its population cannot be matched to an LA (LAs are found by code): give its ONS nine-character code (E10000016), or delete the row`;
}

/**
 * run gate: an LA's plans are outside `min`–`max` of the people aged 0–25 its population files give (pipeline/plausible.ts
 * populationScaleProblem): the figures are 1,000 times off (in thousands, or multiplied once too often) or of another area.
 */
export function populationOutOfScale(
  la: string,
  p: { year: number; populationYear: number; plans: number; population: number; ratio: number },
  min: number,
  max: number,
  files: readonly string[],
): string {
  const n = (x: number): string => Math.round(x).toLocaleString('en-GB');
  const pc = (x: number): string => `${(100 * x).toLocaleString('en-GB', { maximumSignificantDigits: 2 })}%`;
  const low = p.ratio < min;
  return (
    `${la}: its ${n(p.plans)} plans in January ${p.year} are ${pc(p.ratio)} of the ${n(p.population)} people aged 0 to 25 that the population ` +
    `files (${files.join(', ') || 'population'}) give it for mid-${p.populationYear - 1}, where every English LA's plans are 0.56% to 4.6% of its ` +
    `people aged 0 to 25 (January 2020 to 2022) and a run accepts ${pc(min)} to ${pc(max)}: for ${n(p.plans)} plans an LA has roughly ` +
    `${n(p.plans / max)} to ${n(p.plans / min)} of them. ` +
    (low
      ? `The population is far too large: most likely its figures are 1,000 times too big (people counted as thousands and multiplied by 1,000, or an edited copy). `
      : `The population is far too small: most likely its figures are in thousands of people (a table in thousands), or it is the population of a smaller area than the LA (a district instead of the county). `) +
    `The population sets the LA's new plans per head and holds its projection to its number of children, so no outputs were written. ` +
    `Correct the file's figures to people (or its area code), or remove it: without population a run projects new plans as a number a year.`
  );
}

/** The population behind a prevalence stop whose base year's share is already beyond every LA's (pipeline/gates.ts). */
export interface BasePopulation {
  /** The base year's plans, and their share of the people aged 0–25 the run uses for it. */
  plans: number;
  share: number;
  /** The share no English LA reaches (plausible.ts PLANS_PER_PERSON_SEEN_MAX). */
  seenMax: number;
  people: number;
  /** The mid-year of that population, the files it came from, and every population file of the data. */
  midYear: number;
  files: readonly string[];
  allFiles: readonly string[];
  /** The LA's ONS area code (its rows in the population files). */
  area: string;
  /** How the people aged 0–25 move a year across the population files' census years (plausible.ts populationStepRange). */
  steps?: { from: number; to: number; min: number; max: number };
}

/**
 * run: the base year's plans are a larger share of the LA's people aged 0–25 than any English LA's (over 5%) but within
 * what a run accepts (20%), so nothing stopped: the sample with every population file halved (a table of one sex read
 * as persons in every year) ran with no word, its plans 5.6% of its people and the workbook's new plans per head
 * doubled. The projection's total is much the same (new plans per head × the people), but the figures per head are not.
 */
export function populationShareBeyondEveryLa(la: string, year: number, b: Omit<BasePopulation, 'steps'>): string {
  const n = (x: number): string => Math.round(x).toLocaleString('en-GB');
  const pc = (x: number): string => `${(Math.round(1000 * x) / 10).toLocaleString('en-GB')}%`;
  const files = b.files.length ? b.files.join(', ') : 'the population files';
  return (
    `Population: ${possessive(la)} ${n(b.plans)} plans in January ${year} are ${pc(b.share)} of the ${n(b.people)} people aged 0 to 25 that ${files} ` +
    `give${b.files.length === 1 ? 's' : ''} it for mid-${b.midYear}, more than the ${pc(b.seenMax)} no English LA reaches (every LA's plans are 0.56% ` +
    `to 4.6% of its people aged 0 to 25, January 2020 to 2022): the population is probably not the LA's persons (a table of one sex read as ` +
    `persons gives half; a district's population instead of the county's gives less), and the new plans per head the workbook gives ` +
    `are then too high. Check ${files} against the ONS table of persons for ${b.area}.`
  );
}

/**
 * run gate: the projection passes PREVALENCE_MAX of the people aged 0–25 while the base year's plans are already a
 * larger share of them than any English LA's: the population is the first suspect, not the growth. Kent (real 2022
 * release) with the ONS estimates halved stopped with 'growth compounded over 8 years …  Project to January 2029 at
 * most', the population named in a last sentence; an analyst who shortened the horizon ran on a population of half
 * the LA's. Now led by the population file, the share and the factor, then the stop and the horizon.
 */
export function prevalenceBeyondEveryLa(la: string, year: number, baseYear: number, what: string, b: BasePopulation, horizon: string): string {
  const n = (x: number): string => Math.round(x).toLocaleString('en-GB');
  const pc = (x: number): string => `${(Math.round(1000 * x) / 10).toLocaleString('en-GB')}%`;
  const x = (r: number): string => `×${r.toLocaleString('en-GB', { maximumFractionDigits: 2, minimumFractionDigits: 2 })}`;
  const files = b.files.length ? b.files.join(', ') : 'the population files';
  const half =
    b.share / 2 <= b.seenMax
      ? `Twice the people would make it ${pc(b.share / 2)}, as other LAs': a table of one sex read as persons gives half (the MYE2 Males or Females ` +
        `table under a name that does not say so, or a projection's males only); a district's population instead of the county's gives less. `
      : `Even twice the people (the persons table where one of a single sex was read) would leave it at ${pc(b.share / 2)}: a district's population ` +
        `instead of the county's, or another LA's area code, is more likely. `;
  // files that agree year on year (as every LA's people did, ×0.98 to ×1.04 from mid-2019 to mid-2020) are out alike
  const alike = b.steps !== undefined && b.steps.min >= 0.95 && b.steps.max <= 1.05;
  const moves = b.steps && (x(b.steps.min) === x(b.steps.max) ? x(b.steps.min) : `${x(b.steps.min)} to ${x(b.steps.max)}`);
  const steps = alike
    ? `Its people aged 0 to 25 move by ${moves} a year from mid-${b.steps!.from - 1} to mid-${b.steps!.to - 1} in the population files, as an LA's ` +
      `do, so the files agree with each other: all of them are out alike, not one year's. `
    : '';
  const check = alike && b.allFiles.length > b.files.length ? b.allFiles.join(', ') : files;
  return (
    `${la}: its ${n(b.plans)} plans in January ${baseYear} are already ${pc(b.share)} of the ${n(b.people)} people aged 0 to 25 that ${files} ` +
    `give${b.files.length === 1 ? 's' : ''} it for mid-${b.midYear}, ${x(b.share / b.seenMax)} the ${pc(b.seenMax)} no English LA reaches ` +
    `(every LA's plans are 0.56% to 4.6% of its people aged 0 to 25, January 2020 to 2022): the population is most likely not the LA's ` +
    `persons. ${half}${steps}Check ${check} first, against the ONS table of persons for ${b.area}. ` +
    `That is what stops the run: the projection for January ${year} is ${what}, so no outputs were written. If the population is the ` +
    `LA's, growth compounded over ${year - baseYear} years goes beyond what any council could have: ${horizon}`
  );
}

/**
 * run gate: an LA's people aged 0–25 step from one year's population to the next by more than `limit` a year either
 * way (pipeline/plausible.ts populationStepProblem): no LA's population does; a file is at fault. A table of one sex
 * read as persons (half the people) ran on until the projection passed 20% of the people and the stop blamed growth.
 */
export function populationStep(
  la: string,
  s: { from: number; to: number; before: number; after: number; ratio: number },
  fromFiles: readonly string[],
  toFiles: readonly string[],
  limit: number,
): string {
  const n = (x: number): string => Math.round(x).toLocaleString('en-GB');
  const x = (r: number): string => `×${r.toLocaleString('en-GB', { maximumFractionDigits: 2, minimumFractionDigits: 2 })}`;
  const gap = s.to - s.from;
  const named = (files: readonly string[]): string => (files.length ? ` (${files.join(', ')})` : '');
  const likely =
    s.ratio < 1
      ? `about ×0.5 is a table of one sex read as persons (the MYE2 Males or Females table under a name that does not say so, or a projection's males only)`
      : `about ×2 is males, females and persons all counted`;
  return (
    `${la}: its people aged 0 to 25 go from ${n(s.before)} at mid-${s.from - 1}${named(fromFiles)} to ${n(s.after)} at mid-${s.to - 1}${named(toFiles)}, ` +
    `${x(s.ratio)} in ${gap === 1 ? 'a year' : `${gap} years`}. No LA's population moves so: every English LA's moved by ×0.98 to ×1.04 from mid-2019 ` +
    `to mid-2020 (City of London's, the smallest, ×1.19), and a run accepts ${x(1 / limit)} to ${x(limit)} a year. One of the two is not the LA's ` +
    `people: ${likely}; a file of another geography (a district instead of the county, another LA's code), of another year, or in other ` +
    `units (thousands) gives other steps. The population sets the LA's new plans per head and holds its projection to its number of ` +
    `children, so no outputs were written. Check both files against the ONS table of persons for the LA's area code, correct or remove ` +
    `the one that is out of line, and run again.`
  );
}

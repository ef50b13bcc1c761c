/** User-facing messages of the etl stage. */
export const STAGE = 'etl';

// SEN2 — person-level returns (XML and COLLECT Blade CSV export), readers in src/etl/readers/sen2-*.ts
export const sen2NotMessageRoot = (found: string): string =>
  `expected an SEN2 return whose XML root is <Message>. Got: <${found}>`;
export const sen2OtherCollection = (found: string): string =>
  `this XML is a return of collection '${found}', not SEN2 (Header/CollectionDetails/Collection must be SEN2)`;
export const sen2NoHeader = (): string =>
  'expected Message/Header/CollectionDetails before the first Person; the file has no SEN2 header';
export const sen2NoCensusYear = (found: string): string =>
  `expected the census year in Header/CollectionDetails/Year (or ReferenceDate), e.g. 2025. Got: '${found}'`;
export const sen2NoLa = (): string => 'expected the LA code in Header/Source/LEA (3 digits, e.g. 925). Got: nothing';
export const sen2Malformed = (detail: string): string => `malformed XML: ${detail}`;
export const sen2Truncated = (element: string, openedAtLine: number): string =>
  `the file ends inside <${element}> opened at line ${openedAtLine}: the file looks truncated`;
export const sen2DuplicatePerson = (kind: string, firstWhere: string): string =>
  `duplicate person: the same ${kind} appears twice in this return (first at ${firstWhere})`;
export const sen2BadDate = (field: string, raw: string): string =>
  `${field} must be a date (2022-09-28 or 2022-Sep-28 00:00:00). Got: '${raw}'`;
export const sen2FutureDate = (field: string, date: string, today: string): string =>
  `${field} ${date} is in the future (after ${today})`;
export const sen2DateBeforeBirth = (field: string, date: string): string =>
  `${field} ${date} is before the person's date of birth`;
export const sen2MissingBirthDate = (): string => 'PersonBirthDate is required to work out age at census. Got: nothing';
export const sen2AgeOutOfRange = (age: number, censusYear: number, limit: number): string =>
  `age at 31 August before census ${censusYear} must be between 0 and ${limit}. Got: ${age}`;
export const sen2UnknownNeed = (code: string, suggestion?: string): string =>
  `unknown SENtype '${code}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}; expected one of the SEN2 need codes (ASD, SEMH, SLCN, …)`;
export const sen2UnknownSetting = (code: string, suggestion?: string): string =>
  `unknown SENsetting '${code}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}; expected one of OLA, OPA, EHE, EYP, OTH, NEET, NIEC, NIEO`;
export const sen2UnknownOutcome = (field: string, code: string, known: readonly string[]): string =>
  `unknown ${field} '${code}' for this guide version (known: ${known.join(', ')}); stored as given, not counted`;
export const sen2BadCeaseReason = (raw: string): string => `CeaseReason must be a code from 1 to 9. Got: '${raw}'`;
export const sen2NoIdentifier = (): string =>
  'no UPN or UniqueLearnerNumber: this person is counted but cannot be linked to other years';
export const sen2TooManyProblems = (more: number): string => `… and ${more} more problems of the same kinds`;
export const bladeMissingSibling = (module: string, expected: string): string =>
  `the Blade export's '${module}' module file is missing: expected ${expected} beside the person file`;
export const bladeMissingColumn = (module: string, column: string): string =>
  `the Blade '${module}' module file has no '${column}' column`;
export const bladeCompanionNote = (personFile: string): string =>
  `read with the return's person module file (${personFile}); no rows of its own`;
export const bladeBadFileName = (name: string): string =>
  `expected a Blade export file name like Blade-Export_28-09-2022_person.csv. Got: '${name}'`;
export const sen2UrnPlacementNote = (n: number, year: number): string =>
  `${n} plan(s) at census ${year} name a URN/UKPRN not found in the establishment table; counted as placement not recorded (NONE). Load a GIAS extract to place them`;
export const sen2PopulationNote = (kind: string, areaCode: string): string =>
  `population: census year Y uses the ${kind} for 30 June of Y−1 (the August-31 cohort it is closest to), ages 0–25, area ${areaCode}`;
export const sen2PersonOverridesNote = (years: readonly number[]): string =>
  `person-level SEN2 returns replace the published stock for census ${years.join(', ')}`;

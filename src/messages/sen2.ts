/**
 * User-facing messages of SEN2 person-level returns: the XML return and the COLLECT Blade CSV export (readers in
 * src/etl/readers/sen2-*.ts and src/etl/persons/), and the notes their datasets carry. Each says what was expected
 * and what was found.
 */
import { codeLike } from '../util/code-like.ts';
import { counted } from '../util/plural.ts';

export function sen2NotMessageRoot(found: string): string {
  return `expected an SEN2 return whose XML root is <Message>. Got: <${found}>`;
}
export function sen2OtherCollection(found: string): string {
  return `this XML is a return of collection '${found}', not SEN2 (Header/CollectionDetails/Collection must be SEN2)`;
}
export function sen2NoHeader(): string {
  return 'expected Message/Header/CollectionDetails before the first Person; the file has no SEN2 header';
}
export function sen2NoCensusYear(found: string): string {
  return `expected the census year in Header/CollectionDetails/Year (or ReferenceDate), e.g. 2025. Got: '${found}'`;
}
export function sen2HeaderFieldRepeated(name: string, values: readonly string[]): string {
  return `${name} is given ${values.length} times (${values.map((v) => `'${v}'`).join(', ')}) in the Header, where a return gives it once: correct the Header, or export the return again`;
}
export function sen2SecondHeader(firstLine: number): string {
  return `a second Header in one return (the first at line ${firstLine}): the file joins two returns, or was edited; give each return as a file of its own`;
}
export function sen2BadReferenceDate(found: string): string {
  return `ReferenceDate must be a date (the census day in January, e.g. 2025-01-16). Got: '${found}': correct it in Header/CollectionDetails, or export the return again`;
}
/**
 * A return whose file name gives one year that is not its census year: read as the header says (the name is not
 * read), which a council that saved its 2025 return as sen2_2024.xml does not expect.
 */
export function sen2NameYearNotCensus(name: string, nameYear: number, censusYear: number): string {
  return `the file is named for ${nameYear} but its header gives the return of census ${censusYear} (January ${censusYear}), and it is read as census ${censusYear}: if it is ${nameYear}'s return, correct the header's Year and ReferenceDate; if it is ${censusYear}'s, rename ${name}`;
}
export function sen2YearNotReferenceDate(year: string, referenceDate: string): string {
  return `the census Year '${year}' and the ReferenceDate ${referenceDate} (the census day, in January of that year) disagree: correct whichever is wrong in Header/CollectionDetails`;
}
/**
 * `n` records of `module` attached to no person: `underOrphan` of them name a parent record that is in the export but
 * is itself attached to nothing (dropped with it), the others a parent that is not in the export at all.
 */
export function sen2UnattachedRecords(module: string, parent: string, parentColumn: string, id: string | undefined, n: number, underOrphan = 0): string {
  const here = `${parentColumn} ${id === undefined ? 'blank' : `'${id}'`} here`;
  const end = 'they are left out of every count; export the modules again together';
  if (underOrphan === 0) return `${n} ${module} record(s) name a ${parent} record that is not in the export (${here}): they belong to no person and ${end}`;
  if (underOrphan === n) return `${n} ${module} record(s) name a ${parent} record that is in the export but is itself attached to no person (${here}): they are dropped with it; ${end}`;
  return `${n} ${module} record(s) belong to no person (${here}): ${n - underOrphan} ${n - underOrphan === 1 ? 'names' : 'name'} a ${parent} record that is not in the export, ${underOrphan} a ${parent} record that is in the export but is itself attached to no person; ${end}`;
}
export function sen2BladeNoPersons(records: number): string {
  return `the Blade 'person' module file has a header row but no persons${records > 0 ? `, while the export's other modules hold ${records} record(s) that name persons` : ''}: every plan of the return would be left out and the census year read as if it had no return. The export is incomplete: export the return again from COLLECT`;
}
export function sen2NoLa(found: string): string {
  return `expected the LA code in Header/Source/LEA (3 digits, e.g. 925). Got: '${found}'`;
}
export function sen2Malformed(detail: string): string {
  return `malformed XML: ${detail}`;
}
export function sen2Doctype(): string {
  return 'a DOCTYPE or entity declaration, which an SEN2 return never holds (and which could expand without limit): export the return again from the case-management system';
}
export function sen2Oversize(limit: number): string {
  return `an element longer than ${Math.round(limit / (1024 * 1024))} MB, far beyond any real SEN2 Person: the file is damaged or not an SEN2 return; nothing was read past this point`;
}
export function sen2TooDeep(limit: number): string {
  return `elements nested more than ${limit} deep, far beyond any real SEN2 return (8): the file is damaged or not an SEN2 return; nothing was read past this point`;
}
export function sen2NotEncoding(encoding: string): string {
  return `bytes that are not ${encoding} text (the file is damaged, or was saved in another encoding than its XML declaration says): export the return again, or save it as UTF-8; nothing was read past this point`;
}
export function sen2NoPersons(): string {
  return 'the return holds no Person elements: export it again with its persons, or leave it out';
}
export function sen2Truncated(element: string, openedAtLine: number): string {
  return `the file ends inside <${element}> opened at line ${openedAtLine}: the file looks truncated`;
}
export function sen2DuplicatePerson(kind: string, firstWhere: string): string {
  return `duplicate person: the same ${kind} appears twice in this return (first at ${firstWhere})`;
}
/** A number in decimal or exponent notation, signed or not, with at most one point (no date's separators). */
const SHORT_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
/**
 * A value of a person-level return as a message quotes it, or described without it where it could be personal data.
 * Messages reach stderr, `validate --json` and the Data quality sheet: a UPN, postcode, name or birth date typed into
 * the wrong element was echoed there ("unknown SENtype 'A999000002194'", "PersonBirthDate must be a date … Got:
 * '2001-13-30'"). Shown: a value of up to 4 characters (every SEN2 code is one; '-1', '92|5'), a number of up to 4 digits
 * in any notation ('1e400', '-1.25': a ULN has 10 digits, a UPN a letter, a birth date 6 or more digits or separators;
 * a PlacementRank '1e400' was 'a value of 5 characters (not shown …)', leaving the reader to guess what to correct), and a
 * date other than the birth date written in digits and separators (or the Blade form 2022-Sep-28 00:00:00); never the
 * birth date itself.
 */
export function sen2Shown(raw: string, kind: 'code' | 'date' | 'birth date'): string {
  const v = raw.trim();
  const safe =
    kind === 'code'
      ? [...v].length <= 4 || (SHORT_NUMBER.test(v) && v.replace(/\D/g, '').length <= 4)
      : kind === 'date' && v.length <= 25 && (/^[\d\s\-/.:T]+$/.test(v) || /^\d{4}-[A-Za-z]{3}-\d{1,2}( [\d:]+)?$/.test(v));
  if (safe) return `'${v}'`;
  const n = [...v].length;
  const why = kind === 'birth date' ? 'a birth date is personal data' : 'it may be personal data, a UPN, name, postcode or birth date in the wrong place';
  return `a value of ${n} character${n === 1 ? '' : 's'} (not shown: ${why})`;
}
/** A code as an unknown-code message names it: quoted ('SEHM'), or described ('of 13 characters (not shown: …)'). */
function inline(code: string, suggestion?: string): string {
  // a near miss of a known code ('ASD’', 'SEHM') is a typo of that code: quoted, however it is spelt
  if (suggestion && [...code.trim()].length <= 5) return `'${code.trim()}'`;
  const q = sen2Shown(code, 'code');
  return q.startsWith("'") ? q : q.replace(/^a value /, '');
}
export function sen2BadDate(field: string, raw: string): string {
  return `${field} must be a date (2022-09-28 or 2022-Sep-28 00:00:00). Got: ${sen2Shown(raw, field === 'PersonBirthDate' ? 'birth date' : 'date')}`;
}
export function sen2FutureDate(field: string, date: string, today: string): string {
  return `${field} ${date} is in the future (after ${today})`;
}
export function sen2DateBeforeBirth(field: string, date: string): string {
  return `${field} ${date} is before the person's date of birth`;
}
/** A plan that ceased before it started: one of the two dates is wrong, and the plan's years held are unknown. */
export function sen2CeaseBeforeStart(cease: string, start: string): string {
  return `CeaseDate ${cease} is before the plan's StartDate ${start}: a plan cannot cease before it starts; correct whichever date is wrong`;
}
/**
 * A NamedPlan's StartDate or CeaseDate after the return's ReferenceDate (its census day): the return holds the plans
 * as they stood that day, so a plan it counts as held cannot have started later, nor one ceased during the year have
 * ceased later. Read without a word, a plan started after the census was counted in that census's stock and left out
 * of the year's new plans (the sample's 2025 return with 300 of its 3,007 plans starting on 1 March 2025 ran with
 * exit 0 from 3,007 plans, 300 of which did not exist on the census day).
 */
/**
 * A NamedPlan ceased before the return's ReferenceDate under a request that holds ActivePlans (the plan held on the
 * census day), with no other plan of that request open: the return says both that the plan was held at the census and
 * that it had ended. Read as given, it was counted in the census stock and among the year's ceased plans: the sample's
 * 2025 return with every plan ceased the day before its census ran from 3,007 plans, its figures unchanged.
 */
export function sen2ActivePlanCeased(cease: string, referenceDate: string): string {
  return (
    `CeaseDate ${cease} is before the return's ReferenceDate ${referenceDate}, but the plan's request holds ActivePlans (a plan held on the census day): ` +
    `the plan would be counted both as held at the census and as ceased before it; if the plan ended, remove its ActivePlans from the return, ` +
    `otherwise remove its CeaseDate and CeaseReason (or correct the date)`
  );
}
export function sen2AfterReferenceDate(field: 'StartDate' | 'CeaseDate', date: string, referenceDate: string): string {
  const what = field === 'StartDate' ? 'start' : 'cease';
  return (
    `${field} ${date} is after the return's ReferenceDate ${referenceDate}: the return holds the plans as they stood on its census day, so a plan ` +
    `in it cannot ${what} later; if the date is right the plan belongs in the next year's return, otherwise correct the date`
  );
}
/** A value element given more than once in its parent (XML): two facts for one field, neither taken. */
export function sen2RepeatedValue(field: string): string {
  return `${field} is given more than once here, where the return holds one: neither value is taken (which is right cannot be told); keep one ${field} and remove the other`;
}
export function sen2MissingBirthDate(): string {
  return 'PersonBirthDate is required to work out age at census. Got: nothing';
}
export function sen2AgeOutOfRange(age: number, censusYear: number, limit: number): string {
  return `age at 31 August before census ${censusYear} must be between 0 and ${limit}. Got: ${age}`;
}
export function sen2UnknownNeed(code: string, suggestion?: string): string {
  const hint = suggestion ? ` (did you mean '${suggestion}'?)` : '';
  return `unknown SENtype ${inline(code, suggestion)}${hint}; expected one of the SEN2 need codes (ASD, SEMH, SLCN, …)`;
}
export function sen2UnknownSetting(code: string, suggestion?: string): string {
  const hint = suggestion ? ` (did you mean '${suggestion}'?)` : '';
  return `unknown SENsetting ${inline(code, suggestion)}${hint}; expected one of OLA, OPA, EHE, EYP, OTH, NEET, NIEC, NIEO`;
}
export function sen2UnknownOutcome(field: string, code: string, known: readonly string[]): string {
  return `unknown ${field} ${inline(code)} for this guide version (known: ${known.join(', ')}); ${codeLike(code.trim()) ? 'stored as given' : 'not stored'}, not counted`;
}
/**
 * A placement's URN or UKPRN that is no number of up to 8 digits (a URN has 6, a UKPRN 8): a UPN or postcode typed
 * there was stored in the warehouse as given and printed in notes.
 */
export function sen2BadUrn(field: string, raw: string): string {
  return `${field} must be a school's URN (6 digits) or a provider's UKPRN (8 digits). Got: ${sen2Shown(raw, 'code')}`;
}
/** A PlacementRank or SENtypeRank that is neither blank nor a whole number from 1 to `max` (codes.ts isBadRank). */
export function sen2BadRank(field: string, raw: string, max: number): string {
  return `${field} must be blank or a whole number from 1 to ${max} (1 = the ${field === 'SENtypeRank' ? 'primary need' : 'main placement'}). Got: ${sen2Shown(raw, 'code')}`;
}
export function sen2BadCeaseReason(raw: string): string {
  return `CeaseReason must be a code from 1 to 9. Got: ${sen2Shown(raw, 'code')}`;
}
/**
 * Persons of one return with more than one active plan (ActivePlans under two requests, or twice under one): a person
 * holds one EHC plan, and the first was counted with no word of the others.
 */
export function sen2SeveralActivePlans(n: number, records: string): string {
  return (
    `${n} person(s) have more than one ${records} (the first such record is here): a person holds one EHC plan, so each is counted once, ` +
    `with the placement and need of the first; the others are left out. A plan recorded twice, or a new request's plan ` +
    `kept beside the old one: correct the return so that each person has one`
  );
}
export function sen2NoIdentifier(n: number): string {
  return `${n} person(s) have no UPN or UniqueLearnerNumber: counted, but they cannot be linked to other years`;
}
export function bladeMissingSibling(module: string, expected: string): string {
  return `the Blade export's '${module}' module file is missing: expected ${expected} beside the person file`;
}
export function bladeMissingColumn(module: string, column: string): string {
  return `the Blade '${module}' module file has no '${column}' column`;
}
export function bladeCompanionNote(personFile: string): string {
  return `read with the return's person module file (${personFile}); no rows of its own`;
}
export function bladeCompanionWithoutPerson(module: string, expected: string | undefined): string {
  const where = expected ? `its export's person module file ${expected} is not beside it` : 'its name is not a Blade export\'s (Blade-Export_<DD-MM-YYYY>_<module>.csv), so no person module file can be found for it';
  return `this Blade '${module}' module file is not read: ${where}. A module of another export (another date) mixed into the folder? Keep the nine module files of one export together, with their names as COLLECT gave them`;
}
export function bladeBadFileName(name: string): string {
  return `expected a Blade export file name like Blade-Export_28-09-2022_person.csv. Got: '${name}'`;
}
export function bladeEmptyFile(module: string, file: string): string {
  return `the Blade '${module}' module file ${file} is empty: expected a header row of column names; export it again`;
}
export function bladeQuoteInHeader(module: string, file: string): string {
  return `the header row of the Blade '${module}' module file ${file} holds a quote character ("), which no column name of a COLLECT export has: the file was edited or is not a Blade export; export it again`;
}
export function bladeCrOnly(module: string, file: string): string {
  return `the Blade '${module}' module file ${file} ends its lines with a carriage return alone (as classic Mac OS saved text), which the reader does not split into rows: save it with Windows (CRLF) or Unix (LF) line endings, or export it again from COLLECT`;
}
export function bladeControlInHeader(module: string, file: string, code: number, column: number): string {
  return `the header row of the Blade '${module}' module file ${file} holds a control character (byte 0x${code.toString(16).padStart(2, '0').toUpperCase()}) in column ${column}, which no column name of a COLLECT export has: the file was damaged or is not a Blade export; export it again`;
}
export function bladeDuplicateColumn(module: string, file: string, column: string, first: number, second: number): string {
  return `the Blade '${module}' module file ${file} has the column '${column}' twice (columns ${first} and ${second}), so it is unclear which one counts: export it again, or remove one of them`;
}
export function bladeBadRow(module: string, file: string, line: number, reason: string): string {
  return `line ${line} of the Blade '${module}' module file ${file} cannot be read as CSV: ${reason}. Export it again (a file opened and saved in Excel can be damaged this way)`;
}
export function bladeLineTooLong(bytes: number, max: number): string {
  return `the line is ${(bytes / 1e6).toFixed(1)} MB long, where no record of a COLLECT export comes near ${(max / 1e6).toFixed(0)} MB (a damaged file, or not a Blade export)`;
}
export function bladeUnreadable(module: string, detail: string): string {
  return `the Blade '${module}' module file could not be read as CSV: ${detail}`;
}
/** The start of sen2UrnPlacementNote: run.ts and goal-seek put such notes on stderr too. */
export const SEN2_URN_UNPLACED = 'SEN2 placements: ';
/**
 * Plans whose placement is a URN/UKPRN the establishment table does not hold: their setting is unknown, and they were
 * counted as placement not recorded (NONE), which the budget costs at £0 (the sample without its establishments.csv
 * turned a 2028-29 deficit of £104.5m into a surplus of £136.6m with exit 0 and no word on stderr). `urns` empty: the
 * note names no school (what is written for publication with small counts suppressed: a count of plans beside one
 * school's URN would tell how many of its children have a plan).
 */
export function sen2UrnPlacementNote(laCode: string, year: number, plans: number, of: number, urns: readonly string[]): string {
  const shown = urns.length > 0 ? ` (${urnList(urns)})` : '';
  return (
    `${SEN2_URN_UNPLACED}${plans.toLocaleString('en-GB')} of LA ${laCode}'s ${of.toLocaleString('en-GB')} plans at census ${year} (${pctText(plans, of)}) are at a school ` +
    `whose URN/UKPRN the establishment table does not hold${shown}: their setting is unknown, so they are counted as placement not ` +
    `recorded (NONE), which the budget costs at £0. Add those schools to the establishment table (urn, placement), or load a Get ` +
    `Information About Schools extract that holds them.`
  );
}
/**
 * More than UNPLACED_MAX of the plans a run starts from are at schools the establishment table does not hold: the
 * placement mix, and the budget that prices it, cannot be trusted.
 */
export function sen2UnplacedGate(la: string, year: number, plans: number, of: number, max: number, urns: readonly string[]): string {
  const shown = urnList(urns);
  return (
    `${la}: ${plans.toLocaleString('en-GB')} of the ${of.toLocaleString('en-GB')} plans at census ${year}, the year the run starts from ` +
    `(${pctText(plans, of)}, more than ${Math.round(max * 100)}%), are at schools whose URN/UKPRN the establishment table does not hold (${shown}), ` +
    `so their settings are unknown and the budget would cost them at £0: no outputs were written. Add those schools to the ` +
    `establishment table (urn, placement), or put a Get Information About Schools extract that holds them in the data folder.`
  );
}
/**
 * The URNs/UKPRNs a message names: the first five that have the shape of one (5 to 8 digits); any other value (a UPN
 * or ULN typed into the element) is counted, not shown.
 */
function urnList(urns: readonly string[]): string {
  const ok = urns.filter((u) => /^\d{5,8}$/.test(u));
  const other = urns.length - ok.length;
  const head = ok.slice(0, 5).join(', ') + (ok.length > 5 ? `, … (${ok.length} in all)` : '');
  const rest = other > 0 ? `${other} value${other === 1 ? '' : 's'} that ${other === 1 ? 'is' : 'are'} no URN, not shown` : '';
  return [head, rest].filter(Boolean).join('; ');
}
function pctText(n: number, of: number): string {
  const p = (100 * n) / of;
  return `${p < 1 ? p.toFixed(1) : Math.round(p)}%`;
}
/** The start of sen2PlacementAgeNote: run.ts and goal-seek put such notes on stderr too. */
export const SEN2_PLACEMENT_AGE = 'SEN2 placements at ages: ';
/**
 * Plans of an LA's return in a placement the model holds at no child of their age (domain PLACEMENT_AGES: NEET at 10,
 * early years at 12): the projection moves them in its first year to the placements new plans at the next age take, so
 * that year's change in placements is the return's, not children moving (the sample's 2025 return with 300 children
 * aged 8 to 12 recorded as NEET ran with exit 0 and no word, NEET falling from 408 plans to 126 in a year).
 * `cells`: placement, its label, the ages it is held at, and the plans by the ages they were found at.
 */
export function sen2PlacementAgeNote(
  laCode: string, year: number, plans: number, of: number,
  cells: ReadonlyArray<{ placement: string; label: string; from: number; to: number; plans: number; minAge: number; maxAge: number }>,
): string {
  const list = cells
    .map((c) => `${c.plans.toLocaleString('en-GB')} aged ${c.minAge === c.maxAge ? c.minAge : `${c.minAge}–${c.maxAge}`} in ${c.placement} (${c.label}, held at ages ${c.from}–${c.to})`)
    .join('; ');
  return (
    `${SEN2_PLACEMENT_AGE}${plans.toLocaleString('en-GB')} of LA ${laCode}'s ${of.toLocaleString('en-GB')} plans at census ${year} (${pctText(plans, of)}) are in a ` +
    `placement the model holds at no child of their age: ${list}. The projection moves them in its first year to the placements open at their ` +
    `age, so part of the change in placements after January ${year} comes from the return, not from children moving. Check these children's ` +
    `SENsetting, URN and birth date in the return.`
  );
}
export function sen2PopulationNote(kind: string, areaCode: string): string {
  return `population: census year Y uses the ${kind} for 30 June of Y−1 (the August-31 cohort it is closest to), ages 0–25, area ${areaCode}`;
}
export function sen2PersonOverridesNote(years: readonly number[]): string {
  return `person-level SEN2 returns replace the published stock for census ${years.join(', ')}`;
}
export function sen2UnlinkedNote(n: number, year: number): string {
  return `${n} plan(s) active at census ${year} are in neither the active nor the ceased plans of the ${year + 1} return; counted as ceased, reason unknown`;
}
/**
 * A few children linked between two consecutive returns whose birth date disagrees between them (dataset-persons.ts
 * birthDisagrees): their moves are left out of the transition rates.
 */
export function sen2LinksDisagreeNote(year: number, n: number, linked: number): string {
  return (
    `${n.toLocaleString('en-GB')} of the ${linked.toLocaleString('en-GB')} children linked by UPN (or ULN) from the census ${year} return to the ${year + 1} ` +
    `return have another birth date in each (their birth month, or their age going up by other than one year): the identifier may be another child's, ` +
    `so their moves are left out of the transition rates`
  );
}
/** The start of sen2LinksUntrustedNote: run.ts and goal-seek put such notes on stderr too. */
export const SEN2_LINKS_UNTRUSTED = 'SEN2 links: ';
/**
 * More than LINKS_DISAGREE_MAX of the children linked between two consecutive returns have another birth date in each:
 * the identifiers do not follow the same children, and no move between the two returns is used.
 */
export function sen2LinksUntrustedNote(year: number, n: number, linked: number, nextFile: string): string {
  return (
    `${SEN2_LINKS_UNTRUSTED}${n.toLocaleString('en-GB')} of the ${linked.toLocaleString('en-GB')} children linked by UPN (or ULN) from the census ${year} return ` +
    `to the ${year + 1} return (${pctText(n, linked)}) have another birth date in each, so the identifiers do not follow the same children: no move ` +
    `from ${year} to ${year + 1} is used, and the transition rates come from the other years' returns (or from the published totals when there are none). ` +
    `Requests and assessments that both returns hold are under two identifiers, so those counted from the returns (years with no published flows) may ` +
    `count the same request twice. Check the UPNs and ULNs of ${nextFile} against those of the ${year} return.`
  );
}
export function sen2RequestsFromPersonsNote(years: readonly number[]): string {
  return `requests and assessments for flow year(s) ${years.join(', ')} are counted from SEN2 person-level requests (no published flows)`;
}
/** The start of sen2OtherLaReturnsNote: run.ts puts such notes on stderr too. */
export const SEN2_OTHER_LA_RETURNS = 'SEN2 returns: ';

/**
 * SEN2 returns of other LAs for census years the run's LA has none (its Header/Source/LEA mistyped, or a return
 * of another council in the folder): the run's LA is projected without them.
 */
export function sen2OtherLaReturnsNote(laCode: string, others: ReadonlyArray<{ la: string; years: readonly number[] }>, ownYears: readonly number[]): string {
  const list = others.map((o) => `LA ${o.la} (census ${o.years.join(', ')})`).join(', ');
  const own = ownYears.length === 0 ? `none for LA ${laCode}` : `LA ${laCode}'s are for census ${ownYears.join(', ')} only`;
  return `${SEN2_OTHER_LA_RETURNS}the data hold person-level returns of ${list} but ${own}, so LA ${laCode} is projected without them (its base year and stock come from its own returns and the published tables). If a return is your council's, correct its Header/Source/LEA to ${laCode}; otherwise move it out of the folder.`;
}

export function sen2DuplicateReturnNote(year: number, laCode: string): string {
  return `more than one SEN2 return for LA ${laCode} census ${year} is loaded; the one loaded last is used`;
}

/** A pupil's date of birth after today (the date itself is not shown: personal data). */
export function futureBirthDate(): string {
  return 'expected a date of birth that is not in the future. Got: a date after today (not shown: a birth date is personal data)';
}

/**
 * An LA's own SEN2 return holding persons but no plan held at its census (person-level-gate.ts checkReturnsHoldPlans):
 * `run` and `goal-seek` stop before projecting.
 */
export function sen2ReturnHoldsNoPlans(la: string, year: number, r: { persons: number; ceased: number; file: string }): string {
  const n = (x: number): string => x.toLocaleString('en-GB');
  return (
    `${la}: the SEN2 return ${r.file} holds ${n(r.persons)} ${r.persons === 1 ? 'person' : 'persons'}${r.ceased > 0 ? ` and ${counted(r.ceased, 'plan', 'plans', n)} ceased in the year to it` : ''}, ` +
    `but no plan held at census ${year} (no person's request has ActivePlans), so no outputs were written: every LA maintains plans, so the return is not ` +
    `its stock of January ${year}, and read as given that January would be left out and every plan of the return before it read as ending. ` +
    `Export the return again with its ActivePlans (the plans held on the census day), or remove the file.`
  );
}

/** An LA's own SEN2 return of many plans with no date in the months before its census (person-level-gate.ts). */
export function sen2ReturnStale(la: string, year: number, r: { plans: number; latest: string; file: string }): string {
  return (
    `${la}: the SEN2 return ${r.file} holds ${r.plans.toLocaleString('en-GB')} plans at census ${year}, but its latest date (a plan started or ceased, a ` +
    `request received or decided) is ${r.latest}: an LA of that size starts, ends and decides plans every month, so the return holds an earlier year, most ` +
    `likely the census ${year - 1} return with its header's Year and ReferenceDate changed; no outputs were written. Give census ${year}'s own return, or remove the file.`
  );
}

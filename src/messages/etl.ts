/** User-facing messages of the etl stage. Each says what was expected and what was found. */
export const STAGE = 'etl';

const didYouMean = (s?: string): string => (s ? ` (did you mean '${s}'?)` : '');

export function tooManyProblems(more: number, what: 'errors' | 'warnings', listed: number): string {
  return `… and ${more} more ${what} (only the first ${listed === 1 ? 'is' : `${listed} are`} listed)`;
}
export function emptyFile(): string {
  return 'the file is empty: expected a header row and data rows';
}
export function headerOnly(): string {
  return 'the file has a header row but no data rows';
}
export function wrongDelimiter(d: string): string {
  const name = d === '\t' ? 'tabs' : `'${d}'`;
  return `the columns are separated by ${name}: expected commas (save the file as "CSV (comma delimited)")`;
}
export function wrongFieldCount(expected: number, found: number): string {
  return `expected ${expected} fields as in the header, found ${found}`;
}
export function truncatedLastLine(expected: number, found: number): string {
  return `the last line is cut short (expected ${expected} fields, found ${found}): the file looks truncated`;
}
export function extraFields(expected: number, found: number): string {
  return `expected ${expected} fields as in the header, found ${found} with values beyond the last column`;
}
/** Why a row with more fields than the header line, the extra ones empty, is refused (CSV tables and Blade modules). */
export function emptyFieldsPastHeader(expected: number, found: number): string {
  const extra = found - expected === 1 ? 'last' : `last ${found - expected}`;
  return `expected ${expected} fields as in the header, found ${found}, the ${extra} empty: a value holding a comma without quotes around it moves every value after it one column to the right`;
}
export function moreFieldsThanHeader(expected: number, found: number): string {
  return `${emptyFieldsPastHeader(expected, found)}. Put quotes around such a value, or remove the comma(s) at the end of the line`;
}
export function unterminatedQuote(): string {
  return 'the file ends inside a quoted field (a " is never closed): the file looks truncated';
}
export function duplicateColumnAgrees(name: string, times: number): string {
  return `column '${name}' appears ${times} times; its values agree on every row, so the first is used`;
}
export function duplicateColumnDisagrees(name: string): string {
  return `column '${name}' appears more than once and the copies disagree on this row: keep one copy`;
}
export function missingColumn(name: string, suggestion?: string): string {
  return `missing required column '${name}'${didYouMean(suggestion)}`;
}
export function unknownColumn(name: string, suggestion?: string): string {
  return `unknown column '${name}' is ignored${didYouMean(suggestion)}`;
}
export function emptyColumnName(position: number): string {
  return `column ${position} has no name and is ignored`;
}
export function badNumber(expected: string): string {
  return `expected ${expected}`;
}
export function requiredValue(what: string): string {
  return `expected ${what}, found an empty cell`;
}
export function unknownLayout(headerPreview: string, nearestLayout?: string): string {
  const near = nearestLayout ? `; closest known layout: ${nearestLayout}` : '';
  return `unknown layout: no reader recognises this file (first line: ${headerPreview})${near}`;
}
export function layoutColumnsThere(layout: string): string {
  return `${layout} (its columns are all there, but other columns or values do not fit it: compare the header with that layout in docs/inputs.md)`;
}
export function notText(kind?: 'utf-16' | 'gzip' | 'pdf'): string {
  const hint =
    kind === 'utf-16'
      ? ' — it is UTF-16 text (Excel\'s "Unicode Text"): save it from Excel as "CSV UTF-8 (Comma delimited)" instead'
      : kind === 'gzip'
        ? ' — it is a gzip archive: decompress it first'
        : kind === 'pdf'
          ? ' — it is a PDF: download the data file (CSV) of the publication instead'
          : '';
  return `the file is not text (binary content): expected CSV, XML or XLSX${hint}`;
}
export function unreadableFile(detail: string): string {
  return `cannot read the file: ${detail}`;
}
export function noFiles(path: string): string {
  return `no files found at '${path}'`;
}
export function badTimePeriod(raw: string): string {
  return `expected a time period like 2022 (calendar) or 202122 (academic). Got: '${raw}'`;
}
export function mixedTimePeriods(firstKind: string, firstLine: number, raw: string): string {
  return `mixed academic and calendar years: this file used ${firstKind} codes from line ${firstLine}, found '${raw}'`;
}
export function yearOutOfRange(year: number, from: number, to: number): string {
  return `year ${year} is outside the range this tool accepts (${from}–${to})`;
}
export function unknownGeographicLevel(raw: string, suggestion?: string): string {
  return `expected geographic_level National, Regional or Local authority. Got: '${raw}'${didYouMean(suggestion)}`;
}
export function badOldLaCode(raw: string): string {
  return `expected a 3-digit DfE LA code (old_la_code). Got: '${raw}'`;
}
export function badNewLaCode(raw: string): string {
  return `expected a 9-character ONS LA code like E10000019 (new_la_code). Got: '${raw}'`;
}
export function laEnded(code: string, name: string, year: number, note: string): string {
  return `LA ${code} (${name}) appears in census year ${year} but no longer exists then: ${note}`;
}
export function laNotYetCreated(code: string, name: string, year: number, note: string): string {
  return `LA ${code} (${name}) appears in census year ${year} before it was created: ${note}`;
}
export function leavesDoNotSum(total: string, totalValue: number, leavesValue: number): string {
  return `placement columns sum to ${leavesValue} but '${total}' is ${totalValue} (kept as a data-quality note)`;
}
export function needsDoNotSum(total: string, totalValue: number, needsValue: number): string {
  return `need columns sum to ${needsValue} but '${total}' is ${totalValue} (kept as a data-quality note)`;
}
export function unknownAgeLabel(raw: string): string {
  return `age label '${raw}' is not recognised; the row is not used`;
}
export function unknownEstablishmentType(raw: string): string {
  return `establishment type '${raw}' has no placement mapping; the row is not used`;
}
export function unknownSection251Line(raw: string, suggestion?: string): string {
  return `expected a Section 251 line code (place_funding, top_up_maintained, top_up_academies, top_up_independent, …; see docs/inputs.md). Got: '${raw}'${didYouMean(suggestion)}`;
}
export function unknownPlacement(raw: string, suggestion?: string): string {
  return `expected a placement code (EY, MS, RP, …). Got: '${raw}'${didYouMean(suggestion)}`;
}
export function unknownNeed(raw: string, suggestion?: string): string {
  return `expected a need code (ASD, SEMH, …) or blank. Got: '${raw}'${didYouMean(suggestion)}`;
}
export function unknownPhase(raw: string, suggestion?: string): string {
  return `expected a phase (EARLY_YEARS, PRIMARY, SECONDARY, POST16, POST19) or blank. Got: '${raw}'${didYouMean(suggestion)}`;
}
export function badFinancialYear(raw: string): string {
  return `expected a financial year like 2024-25. Got: '${raw}'`;
}
export function badAge(raw: string): string {
  return `expected an age from 0 to 25 (or a national curriculum year). Got: '${raw}'`;
}
export function unknownSenProvision(raw: string): string {
  return `expected SENprovision E, K or N (legacy S, A, P). Got: '${raw}'`;
}
export function unknownGiasType(raw: string): string {
  return `establishment type '${raw}' has no placement mapping; stored without a placement`;
}
export function breakdownSkipped(topic: string, rows: number): string {
  return `${rows} rows of breakdown '${topic}' are not used by the model and were not stored`;
}
export function releaseDisagreement(what: string, year: number, kept: number, keptSource: string, other: number, otherSource: string): string {
  return `${what} for ${year}: ${keptSource} gives ${kept}, ${otherSource} gives ${other}; the newer release (${keptSource}) is used`;
}
export function fileSkipped(reason: string): string {
  return reason;
}
export function alreadyLoaded(sha: string, previousPath: string): string {
  return `already loaded (same SHA-256 ${sha.slice(0, 12)}… as ${previousPath})`;
}
export function duplicateInLoad(otherPath: string): string {
  return `same content as ${otherPath} in this load`;
}
export function unrecognisedInDataFolder(): string {
  return 'not recognised as any input format; ignored';
}
export function loadFailed(nFiles: number, nProblems: number): string {
  return `nothing was loaded: ${nProblems} problem(s) in ${nFiles} file(s); the warehouse is unchanged`;
}
export function readFailed(nFiles: number, nProblems: number): string {
  return `the published files could not be read: ${nProblems} problem(s) in ${nFiles} file(s); nothing was written`;
}
export function validateFailed(nFiles: number): string {
  return `${nFiles} file(s) are invalid`;
}
export function notAWarehouse(path: string): string {
  return `${path}: not a highneeds warehouse (no such file): load files into it first ('highneeds load PATH... --warehouse ${path}'), or give the right --warehouse`;
}
export function notDuckDbFile(path: string): string {
  return `${path}: not a highneeds warehouse (the file is not a DuckDB database); nothing was written to it: give a new file name, such as .highneeds/warehouse.duckdb`;
}
export function notOurWarehouse(path: string): string {
  return `${path}: a DuckDB database that highneeds did not make; nothing was written to it: give a new file name for the warehouse`;
}
export function warehouseUnreadable(path: string, detail: string): string {
  return `${path}: the warehouse cannot be opened (${detail}); it may be damaged or truncated: load into a new warehouse file`;
}
export function warehouseBusy(path: string, seconds: number): string {
  return `${path}: another highneeds process has been using the warehouse for over ${seconds} s: wait for it to finish and run the command again`;
}
export function xlsxUnknownSheet(sheet: string): string {
  return `sheet '${sheet}' is not a known input table (unit costs, places, funding, other spend, opening balance); ignored`;
}
export function xlsxNoTables(): string {
  return 'no sheet of this workbook is a known input table (unit costs, places, funding, other spend, opening balance)';
}
export function lookupIgnored(): string {
  return 'ONS lower-tier → upper-tier LA lookup: recognised; nothing is stored (population is used at upper-tier level)';
}
export function populationAgeSkipped(label: string): string {
  return `age '${label}' is not a single year of age and is not stored`;
}
export function populationAgeOutOfRange(raw: string): string {
  return `an age from 0 to 89, or '90 and over'. Got: '${raw}'`;
}
export function duplicateTableRow(key: string, firstLine: number): string {
  return `${key} is given twice: here and on line ${firstLine}; it is unclear which one counts: keep one row (delete or merge the other)`;
}
export function duplicateTableRowAcrossFiles(table: string, key: string, first: string, second: string): string {
  return `the ${table} table gives ${key} in two files with different values: ${first} and ${second}; it is unclear which one counts: keep one of the files (or remove the row from one)`;
}
export function sameTableRowsNote(table: string, first: string, n: number): string {
  return `${n} row(s) of the ${table} table repeat the same figures as ${first}: counted once`;
}
export function phaseTransferNote(): string {
  return 'phase transfer rows are stored as flows (measure phase_transfer_*)';
}
export function personalDataDropped(columns: string[]): string {
  return `personal data columns ${columns.join(', ')} were read for aggregation only and are not stored`;
}

// SEN2 — person-level returns (XML and COLLECT Blade CSV export), readers in src/etl/readers/sen2-*.ts
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
export function sen2BadDate(field: string, raw: string): string {
  return `${field} must be a date (2022-09-28 or 2022-Sep-28 00:00:00). Got: '${raw}'`;
}
export function sen2FutureDate(field: string, date: string, today: string): string {
  return `${field} ${date} is in the future (after ${today})`;
}
export function sen2DateBeforeBirth(field: string, date: string): string {
  return `${field} ${date} is before the person's date of birth`;
}
export function sen2MissingBirthDate(): string {
  return 'PersonBirthDate is required to work out age at census. Got: nothing';
}
export function sen2AgeOutOfRange(age: number, censusYear: number, limit: number): string {
  return `age at 31 August before census ${censusYear} must be between 0 and ${limit}. Got: ${age}`;
}
export function sen2UnknownNeed(code: string, suggestion?: string): string {
  const hint = suggestion ? ` (did you mean '${suggestion}'?)` : '';
  return `unknown SENtype '${code}'${hint}; expected one of the SEN2 need codes (ASD, SEMH, SLCN, …)`;
}
export function sen2UnknownSetting(code: string, suggestion?: string): string {
  const hint = suggestion ? ` (did you mean '${suggestion}'?)` : '';
  return `unknown SENsetting '${code}'${hint}; expected one of OLA, OPA, EHE, EYP, OTH, NEET, NIEC, NIEO`;
}
export function sen2UnknownOutcome(field: string, code: string, known: readonly string[]): string {
  return `unknown ${field} '${code}' for this guide version (known: ${known.join(', ')}); stored as given, not counted`;
}
export function sen2BadCeaseReason(raw: string): string {
  return `CeaseReason must be a code from 1 to 9. Got: '${raw}'`;
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
export function bladeBadFileName(name: string): string {
  return `expected a Blade export file name like Blade-Export_28-09-2022_person.csv. Got: '${name}'`;
}
export function bladeEmptyFile(module: string, file: string): string {
  return `the Blade '${module}' module file ${file} is empty: expected a header row of column names; export it again`;
}
export function bladeQuoteInHeader(module: string, file: string): string {
  return `the header row of the Blade '${module}' module file ${file} holds a quote character ("), which no column name of a COLLECT export has: the file was edited or is not a Blade export; export it again`;
}
export function bladeDuplicateColumn(module: string, file: string, column: string, first: number, second: number): string {
  return `the Blade '${module}' module file ${file} has the column '${column}' twice (columns ${first} and ${second}), so it is unclear which one counts: export it again, or remove one of them`;
}
export function bladeBadRow(module: string, file: string, line: number, reason: string): string {
  return `line ${line} of the Blade '${module}' module file ${file} cannot be read as CSV: ${reason}. Export it again (a file opened and saved in Excel can be damaged this way)`;
}
export function bladeUnreadable(module: string, detail: string): string {
  return `the Blade '${module}' module file could not be read as CSV: ${detail}`;
}
export function sen2UrnPlacementNote(n: number, year: number): string {
  return `${n} plan(s) at census ${year} name a URN/UKPRN not found in the establishment table; counted as placement not recorded (NONE). Load a GIAS extract to place them`;
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
export function sen2RequestsFromPersonsNote(years: readonly number[]): string {
  return `requests and assessments for flow year(s) ${years.join(', ')} are counted from SEN2 person-level requests (no published flows)`;
}
export function datasetUnknownLa(code: string, known: readonly string[]): string {
  return `no data for LA '${code}' in the warehouse (LAs with data: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''})`;
}
export function datasetChooseLa(known: readonly string[]): string {
  return `the warehouse holds data for ${known.length} LAs: choose one with --la (for example --la ${known[0] ?? '925'})`;
}
export function datasetEmptyWarehouse(): string {
  return 'the warehouse holds no LA-level data: load published statistics or an SEN2 return first';
}
export function sen2DuplicateReturnNote(year: number, laCode: string): string {
  return `more than one SEN2 return for LA ${laCode} census ${year} is loaded; the one loaded last is used`;
}
export function zipNotWorkbook(): string {
  return 'the file is a ZIP archive, not an Excel workbook: extract the CSV files from it and load those';
}

// Documentation files, ZIP archives, header-only own tables, EES 2022 work-based/residential file
export function documentationSkipped(): string {
  return 'documentation, not data (README, SOURCE, data guidance, PDF or Word file): skipped, nothing is read from it';
}
export function noRowsYet(): string {
  return 'the table has a header row but no rows yet (an empty template): nothing is loaded from it until rows are added';
}
export function xlsxSheetNoRowsYet(sheet: string): string {
  return `sheet '${sheet}' has a header row but no rows yet (an empty template): nothing is loaded from it`;
}
export function wbpDmoNotStored(): string {
  return 'DMO, DCO and DMODCOFunction (designated medical / clinical officer in place: Y, N, R) are checked but not stored';
}
export function unknownOfficerValue(raw: string): string {
  return `expected Y, N or R (designated officer in place: yes, no, recruiting). Got: '${raw}' (not stored either way)`;
}
export function overlapConflict(what: string, first: string, firstValue: number | null, second: string, secondValue: number | null): string {
  return `${what}: ${firstValue ?? 'missing'} in ${first}, ${secondValue ?? 'missing'} in ${second}`;
}
export function overlapConflicts(table: string, n: number, listed: readonly string[]): string {
  return `two files of the same release give different figures for the same ${table === 'stock' ? 'stock of plans' : 'flow'} (${n} figure(s)), so it is unclear which one counts: keep one version of the file in the folder. ${listed.join('; ')}${n > listed.length ? `; … and ${n - listed.length} more` : ''}`;
}
export function overlapSameFigures(first: string, n: number): string {
  return `repeats ${n} figure(s) of ${first} exactly (a copy of the same data): counted once`;
}
export function xlsxTooLarge(bytes: number, limit: number, inflated: boolean): string {
  const mbs = (n: number): string => `${Math.round(n / (1024 * 1024))} MB`;
  return inflated
    ? `the workbook's sheets expand to more than ${mbs(limit)} of XML (far more than any table of unit costs, places or funding; a spreadsheet "bomb" or the wrong file): nothing was read. Save the tables as CSV files, or keep only the input tables in the workbook`
    : `the workbook is ${mbs(bytes)}, more than the ${mbs(limit)} this tool opens: save the input tables as CSV files`;
}
export function xlsxTooManyCells(what: 'rows' | 'cells', limit: number): string {
  return `the workbook's sheets hold more than ${limit.toLocaleString('en-GB')} ${what} (far more than any table of unit costs, places or funding; a spreadsheet "bomb" or the wrong file): nothing was read. Keep only the input tables in the workbook, or save them as CSV files`;
}
export function xlsxDamaged(detail: string): string {
  return `the workbook is damaged (${detail}): nothing was read. Open it in Excel and save it again, or save the tables as CSV files`;
}

export function badLaCode(raw: string): string {
  return `'${raw}' is not an LA code: use the 3-digit old code (e.g. 886) or the 9-character new code (e.g. E10000016), or leave the cell empty`;
}
export function ownTableOtherLa(table: string, code: string, laName: string, laCodes: string): string {
  return `the ${table} row is for LA ${code}, but this run is for ${laName} (${laCodes}): a data folder holds one LA's tables; move the other LA's rows out, or run with --la ${code}`;
}
export function eesDuplicateRowConflict(firstLine: number, column: string): string {
  return `this line gives the same LA, year and breakdown as line ${firstLine} but a different ${column}, so it is unclear which one counts: keep one of the two lines (or download the file again)`;
}
export function eesDuplicateRowCopies(line: number, of: number, n: number): string {
  return `line ${line} repeats line ${of} exactly${n > 1 ? ` (${n} lines in all repeat earlier lines)` : ''}: counted once`;
}
export function repeatedWarning(n: number, first: string): string {
  return `${n} lines like this one: ${first}`;
}
export function eesTableNotUsed(): string {
  return 'a published EHC plans table the model does not use (annual reviews, personal budgets, residential or work-based placements, …): skipped';
}

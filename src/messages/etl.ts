/** User-facing messages of the etl stage. Each says what was expected and what was found. */
import type { LaGuess } from '../domain/la.ts';

export const STAGE = 'etl';

const didYouMean = (s?: string): string => (s ? ` (did you mean '${s}'?)` : '');

export function tooManyProblems(more: number, what: 'errors' | 'warnings', listed: number): string {
  return `… and ${more} more ${what} (only the first ${listed === 1 ? 'is' : `${listed} are`} listed)`;
}
/** What stands for the rest of a run of characters too long to show in a message (a cell of megabytes). */
export function longRunShortened(length: number): string {
  return `… (${length.toLocaleString('en-GB')} characters without a space)`;
}

/** What stands for the middle of a message too long to show. */
export function messageShortened(left: number): string {
  return ` … (${left.toLocaleString('en-GB')} characters left out) … `;
}

/** A file of no bytes (or only blank lines): what was expected of it, by its name (an XML return, a workbook, a table). */
export function emptyFile(path = ''): string {
  if (/\.xml$/i.test(path)) return 'the file is empty: expected an XML document (an SEN2 return, <Message> … </Message>)';
  if (/\.xlsx$/i.test(path)) return 'the file is empty: expected an Excel workbook';
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
  return `expected ${expected} fields as in the header, found ${found}: fill in the line's missing values, or delete the line if it is a note or a total below the table`;
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
/** A date of birth of a pupil file that is no date: described, never quoted (messages/sen2.ts sen2Shown). */
export function badBirthDate(shown: string): string {
  return `expected a date of birth like 2015-09-01. Got: ${shown}`;
}
export function requiredValue(what: string): string {
  return `expected ${what}, found an empty cell`;
}
/**
 * A negative amount in the other-spend table: most often income recorded as negative spend, as a ledger may hold it. The
 * budget keeps spend and income apart (the Section 251 lines, the bridge), so income goes in the funding table.
 */
export function negativeOtherSpend(raw: string, value: number, fy: string | undefined): string {
  const amount = Math.abs(value).toLocaleString('en-GB', { maximumFractionDigits: 2 });
  return (
    `expected an amount of 0 or more: other spend is what the High Needs block pays out. Got: ${raw}. Income recorded as ` +
    `negative spend (a contribution from health, a recoupment) goes in the funding table's other_income_gbp for ` +
    `${fy ?? 'that financial year'} (as ${amount}); a refund of this line's own spend is taken off its amount`
  );
}

/** A money column of the council's own tables that must be above £0 (own-table-defs.ts `positive`). */
export function notAbove0(column: string, raw: string, fy: string | undefined): string {
  const what = column === 'hn_block_gbp' ? 'High Needs block allocation' : column === 'schools_block_gbp' ? 'schools block' : `'${column}'`;
  const instead = column === 'hn_block_gbp' ? `, or remove the row to grow the year before's by funding.growth` : `, or leave the cell empty`;
  return (
    `expected a ${what} above £0${fy ? ` for ${fy}` : ''}. Got: ${raw}; every council has one, so this is a figure lost or typed ` +
    `wrong, and a run would take it as the figure${column === 'hn_block_gbp' ? ' (a year with no income from the block)' : ''}. Give the ${what} from the DSG allocations${instead}`
  );
}
/** A marker (`x`, `c`, `:`, …) where a table of the council's own needs a figure: it has no missing values. */
export function markerNotAllowed(column: string, raw: string, reason: string): string {
  return `expected a number in '${column}'. Got: '${raw}', the published statistics' marker for a figure that is ${reason.replace(/-/g, ' ')}: a table of your own gives the figure itself, so write it (0 where there is none)`;
}
/** Files of known layouts given to the published-statistics path (forecast, backtest --ees) that it does not read. */
export function notPublishedStatistics(files: readonly string[]): string {
  const list = files.length > 4 ? `${files.slice(0, 4).join(', ')} and ${files.length - 4} more` : files.join(', ');
  return `left out ${files.length} file${files.length === 1 ? '' : 's'} that ${files.length === 1 ? 'is' : 'are'} not published EHC plan statistics: ${list}. Forecasts from published files read only those; run reads the rest.`;
}
/** An ONS mid-year estimate (MYE2 layout, no sex column) whose file name says it is the table of one sex. */
export function populationOneSex(file: string, sex: 'males' | 'females'): string {
  return `the file name ${file} says it holds ${sex} only, and the mid-year estimate layout has no sex column, so every row would be read as persons (half the children, and new plans per head twice what they are): give the Persons table (MYE2 - Persons), or rename the file if it is the persons table`;
}
export function unknownLayout(headerPreview: string, nearestLayout?: string): string {
  const near = nearestLayout ? `; closest known layout: ${nearestLayout}` : '';
  const fields = headerPreview.split(/[,;\t|]/).map((f) => f.trim().replace(/^"|"$/g, ''));
  // a file whose header row is missing starts with a record: a pupil extract's or a Blade export's first line is a
  // child's UPN, name, birth date and postcode, which the message used to print
  if (fields.some(looksPersonal))
    return `unknown layout: no reader recognises this file: its first line holds values, not column names (${fields.length}${headerPreview.endsWith('…') ? ' or more' : ''} fields, one like a UPN, date or postcode; not shown, as it may be personal data), so its header row may be missing${near}`;
  return `unknown layout: no reader recognises this file (first line: ${headerPreview})${near}`;
}

/** A value shaped like a UPN, a ULN, a date or a postcode (unknownLayout). */
function looksPersonal(v: string): boolean {
  return (
    /^[A-Z]\d{11}[0-9A-Z]$/i.test(v) ||
    /^\d{10}$/.test(v) ||
    /^\d{4}-(\d{1,2}|[A-Za-z]{3})-\d{1,2}\b/.test(v) ||
    /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(v) ||
    /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i.test(v)
  );
}
export function headerBelowTitle(line: number, layout: string, separatorHint?: string): string {
  const above = line - 1 === 1 ? 'the line above it' : `the ${line - 1} lines above it`;
  // Excel's first line naming the separator ('sep=,'), written by some exports and add-ins: not a title
  if (separatorHint !== undefined && line === 2) {
    return `the header (${layout} layout) is on line 2, below '${separatorHint}', the line Excel writes to name the separator, which is not part of the table: delete that line so that the header is the first line, and save again`;
  }
  return `the header (${layout} layout) is on line ${line}, below a title: delete ${above} so that the header is the first line, and save again (the header is read from the first line only)`;
}
export function layoutColumnsThere(layout: string): string {
  return `${layout} (its columns are all there, but other columns or values do not fit it: compare the header with that layout in docs/inputs.md)`;
}
export function firstLineTooLong(bytes: number): string {
  return `the first line runs past ${bytes / 1024} KB with no line break, where no table's header comes near that length: the file is damaged, or is not a table (a CSV has its header on a line of its own); export or save it again`;
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
export function nulByte(line: number): string {
  return `line ${line} holds a NUL byte (0x00), which no text file has: the file is damaged there (a block lost in a copy or a sync); nothing was read from it. Export or copy it again`;
}

export function notUtf8AfterBom(line: number): string {
  return `the file starts with a UTF-8 byte-order mark but is not valid UTF-8 at line ${line} (a character such as £ or é saved in another encoding, Windows-1252 say, after the mark; or two files pasted together): nothing was read. Open it, check the text of that line, and save it as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)")`;
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
/** A row's time_identifier says one kind of year and its time_period is written as the other. */
export function timePeriodContradicts(raw: string, identifier: string): string {
  const y = Number(raw.trim());
  if (/^\d{4}$/.test(raw.trim())) {
    const code = `${y}${String((y + 1) % 100).padStart(2, '0')}`;
    return (
      `time_period '${raw}' is one year but time_identifier says '${identifier}', so it is unclear which January this row is: ` +
      `the release writes an academic year as ${code} (September ${y} to August ${y + 1}, census January ${y + 1}). Write the ` +
      `period so, or set time_identifier to 'Calendar year' if ${y} is the year of the January census`
    );
  }
  return `time_period '${raw}' is an academic year but time_identifier says '${identifier}': write the period as one year, or set time_identifier to 'Academic year'`;
}
export function yearOutOfRange(year: number, from: number, to: number): string {
  return `year ${year} is outside the range this tool accepts (${from}–${to})`;
}
export function unknownGeographicLevel(raw: string, suggestion?: string): string {
  return `expected geographic_level National, Regional or Local authority. Got: '${raw}'${didYouMean(suggestion)}`;
}
export function badOldLaCode(raw: string, shown = `'${raw}'`): string {
  return `expected a 3-digit DfE LA code (old_la_code). Got: ${shown}`;
}
export function badUrn(raw: string, what = 'a URN'): string {
  return `expected ${what}: a positive whole number written as digits, without a sign, a decimal point or a leading zero (a URN has 6 digits, a UKPRN 8). Got: '${raw}'`;
}
/** One URN on two lines of one establishment file, placed differently: which line counts is unclear. */
export function urnPlacedTwice(urn: string, what: string, here: string, there: string, firstLine: number): string {
  return `URN ${urn} is given twice with different ${what}: '${here}' here and '${there}' on line ${firstLine}; it is unclear which one places its plans: keep one row (delete or correct the other)`;
}
/** One URN on two lines of one establishment file, placed alike. */
export function urnRepeated(urn: string, firstLine: number): string {
  return `URN ${urn} repeats line ${firstLine} with the same placement: counted once`;
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
export function unknownEstablishmentType(raw: string): string {
  return `establishment type '${raw}' has no placement mapping; the row is not used`;
}
export function unknownSection251Line(raw: string, suggestion?: string): string {
  return `expected a Section 251 line code (place_funding, top_up_maintained, top_up_academies, top_up_independent, …; see docs/inputs.md). Got: '${raw}'${didYouMean(suggestion)}: write the code or the line's name as listed there`;
}
export function unknownPlacement(raw: string, suggestion?: string): string {
  return `expected a placement code (EY, MS, RP, …). Got: '${raw}'${didYouMean(suggestion)}`;
}
/** An own table's placement: a code or a placement's name; the placements a council's wording could be. */
export function unknownTablePlacement(raw: string, suggestion: string | undefined, candidates: ReadonlyArray<{ code: string; label: string }>): string {
  const could = candidates.length === 0 ? '' : ` (${candidates.length === 1 ? 'it may be' : 'it could be'} ${candidates.map((c) => `${c.code}, ${c.label.toLowerCase()}`).join('; or ')}: write the code)`;
  return `expected a placement code (EY, MS, RP, …) or a placement's name ('Independent special school'), as listed in docs/inputs.md §4. Got: '${raw}'${could || `${didYouMean(suggestion)}: write the code`}`;
}
export function unknownNeed(raw: string, suggestion?: string, shown = `'${raw}'`): string {
  return `expected a need code (ASD, SEMH, …) or blank. Got: ${shown}${didYouMean(suggestion)}`;
}
export function unknownPhase(raw: string, suggestion?: string): string {
  return `expected a phase (EARLY_YEARS, PRIMARY, SECONDARY, POST16, POST19) or blank. Got: '${raw}'${didYouMean(suggestion)}`;
}
export function totalRowInTable(raw: string): string {
  return `'${raw}' is a total row: its figures are the rows above it again, and read as a row of its own they would count twice. Delete the row (the tool adds up the rows itself)`;
}
export function bareYearAsFinancialYear(raw: string, year: number): string {
  return `'${raw}' is a year, not a financial year: it could be ${year - 1}-${String(year % 100).padStart(2, '0')} (ending March ${year}) or ${year}-${String((year + 1) % 100).padStart(2, '0')}. Write the financial year, like 2024-25`;
}
export function badFinancialYear(raw: string): string {
  return `expected a financial year like 2024-25. Got: '${raw}'`;
}
export function badAge(raw: string): string {
  return `expected an age from 0 to 25 (or a national curriculum year). Got: '${raw}'`;
}
export function badNcYear(raw: string, shown = `'${raw}'`): string {
  return `expected a national curriculum year: N1, N2, R, 1 to 14, or X (outside the national curriculum, aged from the DOB column). Got: ${shown}`;
}
export function ncyXWithoutDob(): string {
  return `NCyearActual X (outside the national curriculum) gives no age: fill in DOB for this pupil, or give the year group`;
}
export function pupilTwice(firstLine: number, same: boolean): string {
  return same
    ? `the same pupil (UPN) as line ${firstLine}, with the same year group, provision and need (a dual registration): counted once`
    : `the same pupil (UPN) as line ${firstLine} with another year group, provision, need or LA: it is unclear which one counts; keep one of the two rows`;
}
export function unknownSenProvision(raw: string, shown = `'${raw}'`): string {
  return `expected SENprovision E, K or N (legacy S, A, P). Got: ${shown}`;
}
/** Rows of a published SEN table by school phase and type that are parts of its Total rows, passed over. */
export function senPhasePartsSkipped(rows: number, column: string, totals: number): string {
  const parts = `${rows.toLocaleString('en-GB')} LA rows by school phase and type (${column} other than Total) were not stored`;
  return totals > 0
    ? `${parts}: they are parts of the Total rows, which are`
    : `${parts}, and the file has no Total row to store instead: nothing of it was stored. Download the table with its Total rows`;
}
export function unknownGiasType(raw: string): string {
  return `establishment type '${raw}' has no placement mapping; stored without a placement`;
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
/** `validate`'s word for a file that load would skip as duplicateInLoad says: its problems are the other file's. */
export function duplicateInValidate(otherPath: string): string {
  return `same content as ${otherPath}, so not checked again (load skips it and loads that file once)`;
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
export function lookupIgnored(): string {
  return 'ONS lower-tier → upper-tier LA lookup: recognised; nothing is stored (population is used at upper-tier level)';
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
// Datasets (the LA chosen, the warehouse holding data) and workbooks that are not what they claim
export function datasetUnknownLa(code: string, known: readonly string[], guess?: LaGuess): string {
  const hint = laGuessClause(guess);
  // the data files read (run, goal-seek and backtest --data load them into a warehouse of their own, which a user
  // never made: 'no data for LA '123' in the warehouse (LAs with data: 999)' named neither)
  return `no data for LA '${code}' in the data files read (LAs with data: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''})${hint ? `; ${hint}` : ''}`;
}
/** What `--la` probably meant (domain/la.ts guessLa), as a clause of the message that refuses it. */
export function laGuessClause(guess: LaGuess | undefined): string {
  if (!guess) return '';
  if (guess.kind === 'england') return "that is England's code: --la takes one local authority (forecast --all gives every LA)";
  if (guess.kind === 'region') return "that is a region's code: --la takes one local authority (forecast --all gives every LA)";
  if (guess.kind === 'code') return `did you mean ${guess.code}?`;
  if (guess.kind === 'named') return `--la takes a code: did you mean ${guess.las.map((l) => `${l.oldCode} (${l.name})`).join(' or ')}?`;
  return '';
}
/**
 * The data hold several LAs and no --la: every one is named with its code, however many (a whole release's 153 too:
 * the analyst looks for their own council's code there), and an LA known only by a return's Header LEA, with no
 * published row, shows as "LA 998": a mistyped LEA beside the council's own data, which the first code alone
 * suggested to run.
 */
export function datasetChooseLa(
  known: ReadonlyArray<{ oldCode: string; name: string }>,
  sameCouncil: (a: string, b: string) => boolean = () => false,
): string {
  return `the warehouse holds data for ${known.length} LAs: ${known.map((l) => (l.name === `LA ${l.oldCode}` ? `${l.oldCode} (no name: an SEN2 return's LEA, or a table's la_code, with no published row)` : `${l.oldCode} (${l.name})`)).join(', ')}; choose one with --la${sameNamed(known, sameCouncil)}`;
}
/**
 * LAs of one name under different DfE codes, not a council's codes before and after a reorganisation (`sameCouncil`):
 * a file giving the council under a mistyped old_la_code splits its rows between two "LAs" (its age rows under 998,
 * its placements under 999), and a run of either lacks the other's; said after the list.
 */
function sameNamed(known: ReadonlyArray<{ oldCode: string; name: string }>, sameCouncil: (a: string, b: string) => boolean): string {
  const byName = new Map<string, string[]>();
  for (const l of known) if (l.name !== `LA ${l.oldCode}`) byName.set(l.name, [...(byName.get(l.name) ?? []), l.oldCode]);
  const split = [...byName].filter(([, codes]) => codes.length > 1 && !codes.every((c) => codes.every((d) => c === d || sameCouncil(c, d))));
  if (split.length === 0) return '';
  const [name, codes] = split[0]!;
  return `. ${codes.join(' and ')} are both named ${name}: if they are one council, a file gives it under another DfE code (old_la_code), which splits its rows between the two; correct the code in that file`;
}
export function datasetEmptyWarehouse(): string {
  return 'the warehouse holds no LA-level data: load published statistics or an SEN2 return first';
}

// Documentation files, ZIP archives, header-only own tables, EES 2022 work-based/residential file
export function documentationSkipped(): string {
  return 'documentation, not data (README, SOURCE, data guidance, PDF or Word file): skipped, nothing is read from it';
}
/** The words of every "no rows yet" warning of an own table (a CSV's or a workbook sheet's). */
export const EMPTY_TEMPLATE = 'no rows yet (an empty template)';
export function noRowsYet(): string {
  return `the table has a header row but ${EMPTY_TEMPLATE}: nothing is loaded from it until rows are added`;
}
export function wbpDmoNotStored(): string {
  return 'DMO, DCO and DMODCOFunction (designated medical / clinical officer in place: Y, N, R) are checked but not stored';
}
export function unknownOfficerValue(raw: string): string {
  return `expected Y, N or R (designated officer in place: yes, no, recruiting). Got: '${raw}' (not stored either way)`;
}

export function badLaCode(raw: string): string {
  return `'${raw}' is not an LA code: use the 3-digit old code (e.g. 886) or the 9-character new code (e.g. E10000016), or leave the cell empty`;
}
export function ownTableOtherLa(table: string, code: string, laName: string, laCodes: string): string {
  return `the ${table} row is for LA ${code}, but this run is for ${laName} (${laCodes}): a data folder holds one LA's tables; move the other LA's rows out, or run with --la ${code}`;
}
export function repeatedWarning(n: number, first: string): string {
  return `${n} lines like this one: ${first}`;
}

/** A name in a table of your own too long to be one (shown in the workbook, whose cells hold at most 32,767 characters). */
export function nameTooLong(raw: string, max: number): string {
  return `expected a name of at most ${max} characters (it is shown in the workbook and the report), found ${raw.length.toLocaleString('en-GB')}: '${raw.slice(0, 60)}…'. Shorten it`;
}

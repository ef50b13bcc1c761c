/**
 * User-facing messages about published statistics releases: breakdowns and suppressed figures, totals not
 * published, figures a later release revises, and files or rows that give the same figures twice.
 */
import { possessive } from '../util/possessive.ts';
/** The area and year of a row, for a row's warning ("Kent, January 2025"); empty when not known. */
const rowArea = (area?: string): string => (area ? `${area}; ` : '');
export function leavesDoNotSum(total: string, totalValue: number, leavesValue: number, area?: string): string {
  return `placement columns sum to ${leavesValue} but '${total}' is ${totalValue} (${rowArea(area)}kept as a data-quality note)`;
}
export function needsDoNotSum(total: string, totalValue: number, needsValue: number, area?: string): string {
  return `need columns sum to ${needsValue} but '${total}' is ${totalValue} (${rowArea(area)}kept as a data-quality note)`;
}
export function unknownAgeLabel(raw: string): string {
  return `age label '${raw}' is not recognised; the row is not used`;
}
export function breakdownSkipped(topic: string, rows: number): string {
  return `${rows} rows of breakdown '${topic}' are not used by the model and were not stored`;
}
/** A breakdown_topic a reader does not know, as messages name it: its rows, first line and labels. */
interface UnknownTopicSeen { topic: string; rows: number; line: number; labels: readonly string[]; more: boolean }
const topicSeen = (t: UnknownTopicSeen): string =>
  `'${t.topic}' (${t.rows.toLocaleString('en-GB')} ${t.rows === 1 ? 'row' : 'rows'} from line ${t.line}; breakdown ${t.labels.map((l) => `'${l}'`).join(', ')}${t.more ? ', …' : ''})`;
/** A file none of whose rows is its all-rows total, beside topics the reader does not know (a renamed total). */
export function noTotalTopic(topics: readonly UnknownTopicSeen[]): string {
  return `no row of this file is its all-rows total, so none of its figures is read: the model expects breakdown_topic ` +
    `'Total', 'New EHC plans' or a label beginning 'All ' ('All EHC plans', 'All requests for EHC needs assessments'), ` +
    `and this file gives breakdown_topic ${topics.map(topicSeen).join(', ')}, which the model does not know. ` +
    `If one of these is the all-rows total renamed by a later release, rename it in a copy of the file (to 'All EHC plans' ` +
    `in caseload.csv, 'New EHC plans' in newplans.csv) and validate again; it is not taken for the total unasked`;
}
/** A topic the reader does not know whose labels all read as ages (or placements), in a file with none it knows. */
export function unknownTopicLooksLike(t: UnknownTopicSeen, what: 'ages' | 'placements', known: readonly string[]): string {
  return `breakdown_topic ${topicSeen(t)} gives ${what} but is not a topic the model reads ${what} from ` +
    `(${known.map((k) => `'${k}'`).join(', ')}), so the file's ${what} were not read: none of its rows is stored. ` +
    `If it is one of those topics renamed by a later release, rename it in a copy of the file and validate again`;
}
/**
 * An LA-year whose published age rows leave some ages out (`c`, `x`, `low`): the plans its total leaves are put at
 * those ages (suppressed-ages.ts).
 */
export function suppressedAgesFilled(f: {
  la: string;
  kind: 'stock' | 'new plans';
  year: number;
  ages: ReadonlyArray<readonly [number, number]>;
  reasons: readonly string[];
  gap: number;
  total: number;
  file?: string;
  line?: number;
}): string {
  const label = ([a, b]: readonly [number, number]): string => (a === b ? `${a}` : `${a}–${b}`);
  const ages = f.ages.map(label).join(', ');
  const when = f.kind === 'stock' ? `January ${f.year}` : `new plans of ${f.year}`;
  const what = f.kind === 'stock' ? 'plans' : 'new plans';
  const where = f.file ? ` in ${f.file}${f.line ? ` (line ${f.line})` : ''}` : '';
  const n = Math.round(f.gap).toLocaleString('en-GB');
  return (
    `${f.la}, ${when}: the ${what} aged ${ages} are not published (${f.reasons.join(', ')})${where}; the ${n} of its ` +
    `${Math.round(f.total).toLocaleString('en-GB')} ${what} that its published ages leave are put at those ages, shared evenly`
  );
}
/**
 * Placements of an LA at a January published as a marker that hides a small count (`c`, `low`) beside published
 * ones (suppressed-placements.ts): the plans its total leaves beyond its published placements are put there.
 */
/** Start of suppressedPlacementsFilled's note, which a run says on stderr (pipeline/run-warnings.ts isSaidDataNote). */
export const PLACEMENTS_UNPUBLISHED = 'Placements not published:';

export function suppressedPlacementsFilled(f: { la: string; year: number; placements: readonly string[]; reasons: readonly string[]; gap: number; total: number; file?: string; line?: number }): string {
  const where = f.file ? ` in ${f.file}${f.line ? ` (line ${f.line})` : ''}` : '';
  const n = (x: number): string => (x < 10 && !Number.isInteger(x) ? x.toFixed(1) : Math.round(x).toLocaleString('en-GB'));
  const each = f.placements.length > 1 ? `, shared evenly (${n(f.gap / f.placements.length)} each)` : '';
  return (
    `${PLACEMENTS_UNPUBLISHED} ${f.la}, January ${f.year}: its plans in ${f.placements.join(', ')} are not published (${f.reasons.join(', ')})${where}, which hides a ` +
    `count, not none; the ${n(f.gap)} of its ${Math.round(f.total).toLocaleString('en-GB')} plans that its published placements leave are put there${each}. ` +
    `Its plans by placement at that January are estimates for those placements; before, they were read as none.`
  );
}

/** Ages no age row of a year covers, beside rows that cover others: the total's remainder is put there (suppressed-ages.ts). */
export function absentAgesFilled(f: { la: string; kind: 'stock' | 'new plans'; year: number; ages: ReadonlyArray<readonly [number, number]>; gap: number; total: number }): string {
  const label = ([a, b]: readonly [number, number]): string => (a === b ? `${a}` : `${a}–${b}`);
  const when = f.kind === 'stock' ? `January ${f.year}` : `new plans of ${f.year}`;
  const what = f.kind === 'stock' ? 'plans' : 'new plans';
  const n = Math.round(f.gap).toLocaleString('en-GB');
  return (
    `${f.la}, ${when}: no age row of the files covers ages ${f.ages.map(label).join(', ')} (a row left out, or one whose age label was not recognised: see the file's warnings); ` +
    `the ${n} of its ${Math.round(f.total).toLocaleString('en-GB')} ${what} that its other ages leave are put at those ages, shared evenly`
  );
}
/** Starts a note that an LA's latest January's total is not published (run puts it on stderr). */
export const LATEST_TOTAL_UNPUBLISHED = 'Base year: ';
export function latestTotalUnpublished(f: { la: string; year: number; reason: string; file?: string; line?: number; lastPublished?: number }): string {
  const where = f.file ? ` in ${f.file}${f.line ? ` (line ${f.line})` : ''}` : '';
  const then =
    f.lastPublished === undefined
      ? 'and no January before it has one, so it cannot be run'
      : `so a run starts from January ${f.lastPublished}, the latest with a total, and projects ${f.year} rather than reporting it`;
  return `${LATEST_TOTAL_UNPUBLISHED}${possessive(f.la)} total plans at January ${f.year} are not published (${f.reason})${where}, ${then}`;
}
export function seriesEndsEarly(la: string, last: number, reach: number, others: number): string {
  return `${LATEST_TOTAL_UNPUBLISHED}${possessive(la)} plans are in the files to January ${last} only, though the files reach January ${reach} for ${others} other LA${others === 1 ? '' : 's'} (its rows of ${last + 1}${reach > last + 1 ? ` to ${reach}` : ''} left out of a cut or an edited copy?), so a run starts from January ${last} and projects ${reach} rather than reporting it: add its rows to start from January ${reach}`;
}
export function releaseDisagreement(what: string, year: number, kept: number, keptSource: string, other: number, otherSource: string): string {
  return `${what} for ${year}: ${keptSource} gives ${kept}, ${otherSource} gives ${other}; the newer release (${keptSource}) is used`;
}
/** One figure releaseRevisions lists: the LA, the January and both releases' figures. */
export function releaseRevision(la: string, year: number, kept: number, keptSource: string, other: number, otherSource: string): string {
  return `${la} ${year}: ${keptSource} gives ${kept}, ${otherSource} gives ${other}`;
}
export function releaseRevisions(listed: readonly string[], knownBy?: number, shown = 5): string {
  const when = knownBy === undefined ? '' : ` known by January ${knownBy}`;
  const more = listed.length > shown ? `, and ${listed.length - shown} more` : '';
  return `${listed.length} figure(s) of EHC plans at census${when} differ between releases (a later release revises them): ${listed.slice(0, shown).join('; ')}${more}. The newer release's figure is used (each LA's notes name its own)`;
}
/** One new-plans figure newPlansRevisions lists: the LA, the calendar year and both releases' figures. */
export function newPlansRevision(la: string, year: number, kept: number, keptSource: string, other: number, otherSource: string): string {
  return `${la} new plans of ${year}: ${keptSource} gives ${kept}, ${otherSource} gives ${other}`;
}
/**
 * A year's new plans that two releases give differently: the newer figure is used, and the LA's rates of requests
 * becoming plans and the ages of its new plans are taken from it, so it is said as a January's plans are.
 */
export function newPlansRevisions(listed: readonly string[], knownBy?: number, shown = 5): string {
  const when = knownBy === undefined ? '' : ` known by January ${knownBy}`;
  const more = listed.length > shown ? `, and ${listed.length - shown} more` : '';
  return `${listed.length} figure(s) of new EHC plans of a calendar year${when} differ between releases (a later release revises them): ${listed.slice(0, shown).join('; ')}${more}. The newer release's figure is used, and the rates and ages of new plans are taken from it (each LA's notes name its own)`;
}
export function overlapConflict(what: string, first: string, firstValue: number | null, second: string, secondValue: number | null): string {
  return `${what}: ${firstValue ?? 'missing'} in ${first}, ${secondValue ?? 'missing'} in ${second}`;
}
export function overlapConflicts(table: string, n: number, listed: readonly string[]): string {
  const what = table === 'stock' ? 'stock of plans' : table === 'population' ? 'population (area, year, age and sex)' : 'flow';
  const files =
    table === 'population' ? 'two population files of one kind (estimates, or projections: two vintages, say)' : 'two files of one release layout (two versions of a file, or two releases published in the same layout)';
  return `${files} give different figures for the same ${what} (${n} figure(s)), so it is unclear which one counts: keep one of them in the folder (the latest release). ${listed.join('; ')}${n > listed.length ? `; … and ${n - listed.length} more` : ''}`;
}
export function sen2ReturnsDiffer(la: string, year: number, first: string, second: string): string {
  return `two SEN2 returns for LA ${la} census ${year} hold different persons or plans: ${first} and ${second}; it is unclear which one counts (a resubmission and the return it replaces?): keep the one submitted last in the folder and move the other out`;
}
export function overlapSameFigures(first: string, n: number): string {
  return `repeats ${n} figure(s) of ${first} exactly (a copy of the same data): counted once`;
}
export function eesDuplicateRowConflict(firstLine: number, column: string): string {
  return `this line gives the same LA, year and breakdown as line ${firstLine} but a different ${column}, so it is unclear which one counts: keep one of the two lines (or download the file again)`;
}
/** A row of England or a region labelled 'Local authority' (etl/readers/ees-common.ts geoOf). */
export function areaRowAsLa(code: string): string {
  const what = /^E92/i.test(code) ? `England's (${code})` : `a region's (${code})`;
  return `a 'Local authority' row that is ${what}: its code is no LA's, or it names no LA and no LA code, so it is the row of England or a region labelled 'Local authority' (read as one, England was an LA and the national series lost). Write its geographic_level as National or Regional, or remove the row`;
}
/** An LA code given in two regions within one file (etl/readers/ees-common.ts regionClash). */
export function laInTwoRegions(code: string, name: string, region: string, firstLine: number, firstName: string, firstRegion: string): string {
  return `LA ${code} (${name}) is in region ${region} on this line but in ${firstRegion} on line ${firstLine} (as ${firstName}): an LA is in one region, so one of the two lines has the wrong old_la_code (a row copied from another LA, or a code typed over), and its plans would count as that LA's. Correct the code (or download the file again)`;
}
/** An LA code two files give two LAs' names (etl/name-clash.ts): named at the second file's line, with the first's. */
export function laTwoNamesAcrossFiles(code: string, name: string, firstAt: string, firstName: string): string {
  return (
    `LA ${code} is named ${name} in this file but ${firstName} in ${firstAt}: no release gives one code two LAs' names, so one of the two ` +
    `files has another LA's old_la_code on its rows (rows copied from another LA, codes swapped or typed over), and the run would read two LAs' ` +
    `figures as one's. Correct the code or the name in the file that is wrong (or download it again)`
  );
}
/**
 * An LA code two files give two regions (etl/region-clash.ts): named at the second file's line, with the first's.
 * `at`: 'file (line n)' of each.
 */
export function laInTwoRegionsAcrossFiles(code: string, name: string, region: string, firstAt: string, firstName: string, firstRegion: string): string {
  return (
    `LA ${code} (${name}) is in region ${region} in this file but in ${firstRegion} in ${firstAt} (as ${firstName}): an LA is in one region, and ` +
    `no release gives one code two, so one of the two files has the wrong old_la_code on its rows (rows copied from another LA, or a code ` +
    `typed over) or the wrong region, and the run would read the two as one LA's figures. Correct the code or the region in the file that is ` +
    `wrong (or download it again)`
  );
}
/**
 * Lines of one EES file repeating earlier ones (etl/duplicate-rows.ts): the first, how many, and the columns not read
 * in which a repeat differs from the line it repeats (an extra 'notes' column: the lines are one row all the same).
 */
export function eesDuplicateRowCopies(line: number, of: number, n: number, unreadDiffer: readonly string[] = []): string {
  const cols = unreadDiffer.map((c) => (c === '' ? "'' (a column with no name)" : `'${c}'`)).join(', ');
  const unread = unreadDiffer.length === 0 ? '' : `differ only in ${unreadDiffer.length > 1 ? `columns ${cols}, which are` : `column ${cols}, which is`} not read`;
  if (n <= 1) return `line ${line} repeats line ${of} (the same LA, year, breakdown and figures${unread ? `; they ${unread}` : ''}): counted once`;
  return `line ${line} repeats line ${of} (the same LA, year, breakdown and figures); ${n} lines in all repeat earlier lines${unread ? ` (the repeats ${unread})` : ''}: counted once`;
}
/** A flow table the model reads, without its identifying column (readers/ees-unused.ts measureTableWithout). */
export function eesTableWithoutSignature(layout: string, signature: string): string {
  return `this file has the columns of the published ${layout} table but not its '${signature}' column (renamed in a later ` +
    `release, or in an edited copy?), so no reader takes it; left out, its figures would be missing from the run. Give the ` +
    `table as published with '${signature}', or a release this version knows`;
}
export function eesTableNotUsed(): string {
  return 'a published EHC plans table the model does not use (annual reviews, personal budgets, residential or work-based placements, …): skipped';
}
export function newLeafRead(column: string, label: string, code: string, total: string, by: 'group' | 'name'): string {
  const why = by === 'group' ? `as are all the leaves of the '${total}' it completes` : `by its name and the '${total}' it completes`;
  return `a placement column this version does not know ('${column}'): read as ${label} (${code}) ${why}; check the release's data guidance`;
}
export function newLeafAmbiguous(column: string, total: string, placements: string[], named?: string[]): string {
  const which = named ? `its name names ${named.slice(0, -1).join(', ')} and ${named.at(-1)!}` : 'its name does not say which';
  return `a placement column this version does not know ('${column}'): by its name it is part of '${total}', whose leaves are ` +
    `${placements.join(', ')}, and ${which}; its plans cannot be placed, and leaving them out would ` +
    `overstate every other placement. Check the release's data guidance, or give a release this version knows`;
}
export function newLeafDoesNotBalance(column: string, total: string, rows: number, example: string): string {
  return `a placement column this version does not know ('${column}') does not complete '${total}' with its leaves on ${rows} ` +
    `row(s) where every figure is published (first: ${example}), so it cannot be read as a placement. Check the ` +
    `release's data guidance, or give a release this version knows`;
}
export function newLeafUnchecked(column: string, total: string): string {
  return `a placement column this version does not know ('${column}') stands among the leaves of '${total}', but no row ` +
    `publishes '${total}' and all its leaves, so it cannot be checked to complete it and cannot be read as a placement. ` +
    `Check the release's data guidance, or give a release this version knows`;
}
export function unknownColumnFillsSubtotal(column: string, total: string, rows: number): string {
  return `a column this version does not know ('${column}') holds, on ${rows} row(s), exactly the plans by which '${total}' ` +
    `exceeds its leaves: it looks like a new leaf of it, whose plans would be missing from the placement mix. Check the ` +
    `release's data guidance, or give a release this version knows`;
}
export function unknownColumnFillsTotal(column: string, totalColumn: string, rows: number): string {
  return `a column this version does not know ('${column}') holds, on ${rows} row(s), ` +
    `exactly the plans by which '${totalColumn}' exceeds the placement columns: it looks like a new placement, whose plans would be missing from ` +
    `the placement mix. Check the release's data guidance, or give a release this version knows`;
}
// Rows of a later release this version does not read: another geographic level, an LA with no old code yet
export function otherGeographicLevel(level: string, rows: number, line: number): string {
  return `${rows} ${rows === 1 ? 'row' : 'rows'} at geographic level '${level}' (first at line ${line}) ${rows === 1 ? 'is' : 'are'} not read: ` +
    `the model reads Local authority rows, and National and Regional rows to check them`;
}
export function noReadGeographicLevel(levels: string[]): string {
  return `no row at geographic level National, Regional or Local authority, only ${levels.map((l) => `'${l}'`).join(', ')}: ` +
    `nothing in this file can be read. Give the release's file with its Local authority rows`;
}
/** The words of laWithoutOldCode that name the LA's ONS code, by which a run asked for that LA finds the warning. */
export const laWithoutOldCodeMark = (newCode: string): string => `(${newCode}) has no old_la_code`;
export function laWithoutOldCode(name: string, newCode: string, rows: number, line: number): string {
  return `${name} ${laWithoutOldCodeMark(newCode)} on its ${rows} ${rows === 1 ? 'row' : 'rows'} (first at line ${line}): they are not read, ` +
    `as this version keys each LA by its 3-digit DfE code (a new authority the release gives no code yet); the other LAs ` +
    `are read, and England's and the regions' figures include its plans`;
}
/** --la names an LA the load left out for want of an old_la_code (its warning, `note`, from `path`). */
export function laLeftOutNoOldCode(code: string, note: string, path?: string): string {
  return `no data for LA '${code}': ${path ? `${path}: ` : ''}${note}. This version cannot run it until the release gives its old_la_code`;
}

/** The start of measureColumnNotRead, by which run picks it out for stderr (pipeline/run.ts). */
export const MEASURE_COLUMN_NOT_READ = 'column not read: ';
/** What the model reads a published flow measure for, and what it does without it (flow-fields.ts). */
const FLOW_USE: Record<string, string> = {
  requests: 'the pipeline from requests to new plans reads it; without two years of requests and requests decided to assess before the base year the pipeline is not estimated, and new plans follow the LA\'s rate of new plans directly, with no backlog of open assessments',
  decided_to_assess: 'the pipeline from requests to new plans reads it; without two years of requests and requests decided to assess before the base year the pipeline is not estimated, and new plans follow the LA\'s rate of new plans directly, with no backlog of open assessments',
  assess_issued: 'the pipeline from requests to new plans reads it for a year with no new-plans total, and uses nothing in its place',
  assess_not_issued: 'it is shown on the workbook\'s Flows sheet, which leaves the years blank without it; no projected figure changes',
};
/**
 * An unknown column near a measure column the file lacks: named with the column it may be and what the run does
 * without it (`measure` undefined: a measure the model does not read).
 */
export function measureColumnNotRead(column: string, meant: string, measure: string | undefined): string {
  const use = measure === undefined
    ? `the model does not read '${meant}', so no figure changes`
    : `the model reads '${meant}' (${measure.replace(/_/g, ' ')}): ${FLOW_USE[measure] ?? 'it is left out'}`;
  return `${MEASURE_COLUMN_NOT_READ}'${column}' is not a column of this file's layout and was not read, and the file has no ` +
    `'${meant}': ${use}. If '${column}' is '${meant}' renamed by a later release, rename it in a copy of the file and run again`;
}

/** Percentage columns a file gives that this version does not know (ees-percent.ts): checked, never read. */
export function percentColumnsNotKnown(columns: readonly string[]): string {
  const one = columns.length === 1;
  return `percentage ${one ? 'column' : 'columns'} ${columns.map((c) => `'${c}'`).join(', ')} ${one ? 'is not one' : 'are not ones'} this version knows: ` +
    `each cell is checked as a percentage (0 to 100) but not read, and no figure of the model comes from ${one ? 'it' : 'them'}`;
}

/** Rows whose time_identifier is not one the model reads (a later release's other kind of period). */
export function unknownTimeIdentifier(identifier: string, rows: number, line: number, known: readonly string[]): string {
  return `${rows.toLocaleString('en-GB')} ${rows === 1 ? 'row gives' : 'rows give'} time_identifier '${identifier}' (first at line ${line}), ` +
    `which the model does not know, so it cannot tell which January or calendar year ${rows === 1 ? 'that row is' : 'they are'}: ` +
    `it reads ${known.map((k) => `'${k}'`).join(' and ')}. If the period is one of these, set time_identifier so in a copy of the file; ` +
    `otherwise leave those rows out`;
}

/**
 * An LA (by DfE code) whose published plans carry two ONS codes in turn that are not one council's by the code changes
 * highneeds knows (domain/la.ts SUCCESSIONS; etl/code-change.ts): its history is joined by the DfE code, and the note
 * says which code covers which Januaries.
 * @example laCodeChanged('Kent', '886', [{ code: 'E10000016', first: 2015, last: 2021 }, { code: 'E06000099', first: 2022, last: 2022 }]) // "Kent (886): its plans are published under 2 ONS codes that no code change highneeds knows of makes one council's, E10000016 for January 2015–2021 and E06000099 for January 2022, …"
 */
export function laCodeChanged(name: string, oldCode: string, spans: ReadonlyArray<{ code: string; first: number; last: number }>): string {
  const when = (s: { first: number; last: number }): string => (s.first === s.last ? `January ${s.first}` : `January ${s.first}–${s.last}`);
  const list = spans.map((s) => `${s.code} for ${when(s)}`);
  const joined = list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]!}` : list[0]!;
  return (
    `${name} (${oldCode}): its plans are published under ${spans.length} ONS codes that no code change highneeds knows of makes one council's, ` +
    `${joined}, and they are read as one LA's history by its DfE code ${oldCode}. If the council was reorganised (a county become a unitary ` +
    `with another area), its Januaries before the change are not of the LA it is now, and its growth across the change is not the LA's; ` +
    `if one of the codes was typed over, those rows may be another LA's: check the codes in the files.`
  );
}

/** How the batch's note of new plans a year early begins (backtest --ees picks it from the files' notes). */
export const NEW_PLANS_AHEAD = 'New plans';

/**
 * New plans that reach a calendar year whose January after it is past every January of plans the files give
 * (etl/new-plans-reach.ts): a release gives a year's new plans with the January after it, so they are a year early.
 * @example newPlansAheadOfPlans(2022, 2022, ['sen2_age_new_plans.csv']) // "New plans reach calendar year 2022 (sen2_age_new_plans.csv), but the plans reach January 2022 …"
 */
export function newPlansAheadOfPlans(newPlansYear: number, stockYear: number, files: readonly string[], la?: string): string {
  const whose = la ? `${la}'s new plans` : NEW_PLANS_AHEAD;
  const where = files.length ? ` (${files.join(', ')})` : '';
  return (
    `${whose} reach calendar year ${newPlansYear}${where}, but the plans beside them reach January ${stockYear} only: a release gives a year's new ` +
    `plans with the January after it (new plans of ${stockYear - 1} with plans to January ${stockYear}). If the new-plans file's years are one ahead ` +
    `(every year's figures under the next year's label), the rates of requests becoming plans and of plans ending read each year's new plans a ` +
    `year out of place: check its time_period against the release it is from. A new-plans file of a later release beside an earlier release's ` +
    `plans reads so too, and is then right.`
  );
}

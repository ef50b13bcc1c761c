/** User-facing messages of the command line. */
import { typedAsIs } from './invocation.ts';
import { counted } from '../util/plural.ts';
import { shellWord } from '../util/shell-word.ts';

export function internalError(detail: string): string {
  return `internal error (a bug in highneeds): ${detail}\nPlease report it with the command you ran and this message.`;
}

/** A command run with --json that ended without printing its document (a bug: every command prints one). */
export function noJsonDocument(command: string): string {
  return `'highneeds ${command}' printed no JSON document on stdout, though --json was given`;
}

/**
 * A file's warning as validate and load say it: `warning: line 2: …`, naming the file where no line of its own is
 * above it (`warning: data/funding.csv: line 2: …`).
 */
export function fileWarning(w: { line?: number | null; message: string }, file?: string): string {
  return `warning: ${file !== undefined ? `${file}: ` : ''}${w.line ? `line ${w.line}: ` : ''}${w.message}`;
}

/** The count of a file's warnings not listed. */
export function moreFileWarnings(n: number, file: string): string {
  return `… and ${n} more warning${n === 1 ? '' : 's'} in ${file}`;
}

export function unknownCommand(cmd: string, suggestion?: string): string {
  return `unknown command '${cmd}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`;
}

export function filesInvalid(bad: string[], total: number): string {
  return `${bad.length} of ${counted(total, 'file')} ${bad.length === 1 ? 'is' : 'are'} invalid: ${bad.join(', ')}`;
}

export function forecastNeedsLa(): string {
  return 'forecast needs --la CODE... or --all';
}

/** `--la` and `--all` together: the LAs named would be ignored for every LA of the files. */
export function laAndAll(command: 'forecast' | 'backtest', las: readonly string[]): string {
  const what = command === 'forecast' ? 'forecast' : 'score';
  return `${command} takes --la and --all as alternatives: --la ${what}s the LAs it names (${las.join(' ')}), --all every LA of the files; give one of them`;
}

export function initBadLa(code: string): string {
  const lost = /^0\d{3}$/.test(code.trim()) ? ` (did you mean ${code.trim().slice(1)}?)` : '';
  return `init --la ${JSON.stringify(code)}: expected your LA's 3-digit DfE code (e.g. 886) or its 9-character ONS code (e.g. E10000016)${lost}; nothing was written`;
}

export function prefillZip(): string {
  return "a ZIP archive: extract the release and give its data folder (or its CSV files) to --from";
}

/** `init --from`: an ONS population file copied whole into data/ (docs/inputs.md §2). */
export function prefillPopulationCopied(file: string, name: string, layout: 'ons-mye' | 'ons-snpp'): string {
  const what = layout === 'ons-mye' ? 'ONS mid-year population estimates' : 'ONS subnational population projections';
  return `copied ${file} into data/${name} whole, as the population (${what}; a run reads your LA's rows of it)`;
}

export function prefillWorkbook(): string {
  return "an Excel workbook, not a published EES file: give the release's CSV files to --from";
}

/**
 * A --from path that does not exist: 'init --la 942 --from release/data la-folder' gave 'internal error (a bug in
 * highneeds): ENOENT', since --from takes every word after it, the folder to create among them.
 */
export function prefillMissing(path: string, lastOfSeveral: boolean): string {
  const hint = lastOfSeveral
    ? ` --from takes every word after it up to the next option: if ${path} is the folder to create, put it before the options (${typedAsIs(`init ${shellWord(path)} --la CODE --from …`)})`
    : ' give the release\'s data folder or its CSV files';
  return `${path}: no such file or folder;${hint}. Nothing was written.`;
}

/**
 * A --from folder with no CSV file in it or its subfolders (`others`: its files, named from the folder; dot-files not
 * counted): a release's ZIP not yet extracted is named, with what to do. Written inline in scaffold/prefill.ts before,
 * it said neither that nothing was written nor what the folder held.
 * @example prefillNoCsv('downloads', ['release.zip']) // 'downloads: no CSV file in this folder …: it holds release.zip, a ZIP archive: …'
 */
export function prefillNoCsv(folder: string, others: readonly string[]): string {
  const zips = others.filter((f) => /\.zip$/i.test(f));
  const what = "give --from the release's data folder (the one holding caseload.csv or sen2_age_caseload.csv) or its CSV files";
  const held = zips.length
    ? `: it holds ${zips.length === 1 ? zips[0] : `${zips.length} ZIP archives (${zips[0]}, …)`}, ${prefillZip()}`
    : others.length
      ? ` (it holds ${others.length === 1 ? others[0] : `${others.length} files: ${others[0]}, …`}); ${what}`
      : ` (it holds no file); ${what}`;
  return `${folder}: no CSV file in this folder or its subfolders${held}. Nothing was written.`;
}

/** Two --from files of one name: data/ holds one file of each name. */
export function prefillNameClash(file: string, name: string, other: string): string {
  return `${file}: a file named ${name} comes from ${other} too; data/ can hold one. Give one of them.`;
}

/** A --from file with no row of the LA (skipped in a folder, an error named on its own). */
export function prefillNoLaRow(la: string): string {
  return `no row for LA ${la}. Check the code (DfE three-digit or ONS nine-character) or give a release that covers it.`;
}

/** No --from file holds a row of the LA. */
export function prefillNoLaRows(paths: readonly string[], la: string): string {
  return `none of ${paths.join(', ')} holds rows for LA ${la}: check the code (DfE three-digit or ONS nine-character) or give a release that covers it.`;
}

/**
 * `init --from`: files whose rows (as they would be copied into data/) validate refuses; the problems follow, each
 * at its file and line. They were copied with exit 0 before, and the folder's first run refused them.
 */
export function prefillInvalid(files: readonly string[], of: number): string {
  const which = files.length === 1 ? files[0] : `${files.length} of the ${of} files to copy (${files.join(', ')})`;
  return `init --from: ${which} ${files.length === 1 ? 'holds' : 'hold'} rows that validate refuses (below); nothing was written. Correct ${files.length === 1 ? 'the file' : 'them'}, or give a copy of the release as published, and run init again.`;
}

export function initNotAFolder(path: string): string {
  return `${path} is a file where init puts a folder; init never overwrites files (choose another folder, or move the file)`;
}

/** A write of init that failed (a full disk, a dangling link where a folder goes): what was written is removed. */
export function initWriteFailed(path: string, code: string, existed: boolean): string {
  return `could not write ${path} (${code}); ${existed ? 'the files init had written there were removed, the folder is as it was' : 'the folder was removed again'}. Check the folder (a link to nowhere, a full disk, permissions) and run init again`;
}

export function initWouldOverwrite(path: string): string {
  return `${path} already exists; init never overwrites files (choose another folder)`;
}

export function laterNotesOmitted(n: number): string {
  return `… and ${n} more data-quality notes (all of them are in the --json output)`;
}

/**
 * forecast: no row written; `laterRows`: rows of the files for years after the base year, which it ignored;
 * `lacksYearBefore`: the LAs were skipped for want of the January before the base year (forecast/select.ts), or
 * 'own-rows': the one LA skipped because its rows of the base year contradict its total (select.ts contradictsOwnRows).
 */
export function nothingForecast(
  files: readonly string[],
  baseYear: number,
  skipped: ReadonlyArray<{ old_la_code: string; la_name: string }>,
  reason?: string,
  laterRows = 0,
  lacksYearBefore: boolean | 'own-rows' = false,
): string {
  // the LAs named (it said '1 LA(s) skipped (too short …)', leaving the reader to find which LA of which file)
  const las = skipped.slice(0, 5).map((s) => `${s.la_name} (${s.old_la_code})`).join(', ') + (skipped.length > 5 ? ` and ${skipped.length - 5} more` : '');
  const why = skipped.length
    ? skipped.length === 1
      ? `${las} was skipped${reason ? ` (${reason})` : ''}`
      : `${skipped.length} LAs were skipped (${las}; each with its reason above)`
    : laterRows > 0
      ? `every row of the files is for a year after January ${baseYear} (${laterRows.toLocaleString('en-GB')} rows ignored)`
      : 'no LA in the files';
  const advice =
    lacksYearBefore === 'own-rows'
      ? 'correct the files, or choose an earlier --base-year'
      : lacksYearBefore
        ? 'choose a --base-year whose January and the January before it both have a published stock of plans'
        : 'choose a --base-year for which the files hold a published stock of plans';
  const from = files.length > 3 ? `${files.slice(0, 3).join(', ')} and ${files.length - 3} more` : files.join(', ');
  return `nothing was forecast for base year ${baseYear} from ${from}: ${why}; ${advice}; no file was written`;
}

/**
 * backtest: no forecast could be scored. With the Januaries the series hold (`span`), says which origins and horizon
 * would score: an origin needs its own January and the one before (MIN_STOCK_YEARS) and an outcome `horizon` years on.
 */
export function nothingToBacktest(
  origins: readonly number[],
  horizon: number,
  span?: { first: number; last: number; firstOrigin?: number; successors?: readonly string[] },
): string {
  const years = counted(horizon, 'year');
  // no origin at all when the files hold too few Januaries for one ('a stock at origins  and an outcome')
  const head = origins.length === 0
    ? `nothing to score: no January of the data has the January before it and an outcome up to ${years} later`
    : `nothing to score: no series has a stock at ${origins.length === 1 ? 'origin' : 'origins'} ${origins.join(', ')} and an outcome up to ${years} later in the data`;
  if (!span) return `${head}; choose --origins at least ${years} before the last census year in the files`;
  const earliest = span.firstOrigin ?? span.first + 1;
  const latest = span.last - horizon;
  // a successor of a reorganisation is forecast only from its first January: its years before are its predecessors'
  const only = span.firstOrigin !== undefined && span.successors?.length
    ? ` (${span.successors.length > 1 ? `${span.successors.slice(0, -1).join(', ')} and ${span.successors[span.successors.length - 1]}` : span.successors[0]}: forecast only from January ${span.firstOrigin}, ${span.successors.length === 1 ? 'its' : 'their'} first January, the years before it being ${span.successors.length === 1 ? 'its share' : 'their shares'} of ${span.successors.length === 1 ? 'its' : 'their'} predecessors' plans)`
    : '';
  const held = `the files hold ${span.first === span.last ? `January ${span.first} only` : `the Januaries ${span.first}–${span.last}`}${only}, and an origin needs its own January and the one before, and an outcome ${years} after it`;
  if (earliest <= latest) return `${head}: ${held}; choose --origins ${earliest === latest ? earliest : `from ${earliest} to ${latest}`}`;
  const longest = span.last - earliest;
  if (longest >= 1) return `${head}: ${held}, which no origin has; choose --horizon ${longest} or less with --origins ${earliest}${longest > 1 ? ` to ${span.last - 1}` : ''}`;
  return `${head}: ${held}; files holding at least three Januaries are needed to score a forecast`;
}

export function loadFromCache(cacheDir: string): string {
  return `data files unchanged since an earlier run: their load was reused (${cacheDir}; --fresh loads them again)`;
}

export function tooFewDraws(n: number, min: number): string {
  return `--draws ${n} is too few for a range: the P10 and P90 of ${n} simulated future${n === 1 ? '' : 's'} ${n === 1 ? 'are that one future' : 'are one or two of them'}, not an 80% range. Give --draws 0 for the deterministic path (P10 = P50 = P90) or at least ${min} draws (the default is 1000)`;
}

/** `help NAME` of a name that is no command. */
export function helpOfUnknownCommand(name: string, suggestion: string | undefined): string {
  return `unknown command '${name}'${suggestion ? ` (did you mean ${suggestion}?)` : ''}: highneeds help COMMAND gives the flags of one of the commands listed by highneeds --help`;
}

export function repeatedFlag(flag: string, values: readonly string[], command: string): string {
  return `${flag} is given ${values.length} times (${values.map((v) => `'${v}'`).join(', ')}): ${command} takes one and would use the last without a word; give ${flag} once`;
}

/** A whole-number flag out of its range (or no whole number): the range is always said. */
export function wholeNumberFlag(flag: string, min: number, max: number, value: string, why?: string): string {
  return `${flag} must be a whole number from ${min} to ${max}${why ? `: ${why}` : ''}. Got: ${value}`;
}

export function seedTooLarge(value: string, max: number): string {
  return `--seed must be a whole number from 0 to ${max}. Got: ${value}: the random generator takes a 32-bit seed, so a larger one drew the very futures of a smaller one (--seed 4294967296 those of --seed 1) while the outputs named the seed given`;
}

export function backtestEesAndData(): string {
  return 'backtest takes --ees and --data as alternatives: --ees scores the LAs of published files, --data the LA of a data folder, and one run cannot score both. Give one of them';
}

export function backtestDataOneLa(las: readonly string[]): string {
  return `--la is given ${las.length} LAs (${las.map((l) => `'${l}'`).join(', ')}): backtest --data scores the one LA of the data folder, so the others would be left out. Give --la once, or give several LAs with --ees FILE…`;
}

export function repeatedOrigin(year: number, value: string): string {
  return `--origins gives ${year} more than once (${value}): each origin is scored once, and a repeated one would weigh double in every score. Give each census year once, e.g. 2017,2018,2019`;
}

/**
 * `init --from FILE|FOLDER…`: copies the rows of published EES files that a run of one LA needs — the LA's own, England's
 * and the regions' (what its trend is pooled towards) — into the starter folder's data/, and ONS population files
 * (mid-year estimates, subnational projections) whole, as the population the folder's README asks for. I/O at the
 * edge of init.
 */
import { basename, relative } from 'node:path';
import { lstat, readFile } from 'node:fs/promises';
import { checkInputPath } from '../paths/check-path.ts';
import { expandPaths } from '../etl/expand-paths.ts';
import { streamCsv } from '../etl/csv/read-csv.ts';
import { canonicalNewCode, reorganisationOf } from '../domain/index.ts';
import { inputError } from '../errors.ts';
import { notText, notUtf8AfterBom, nulByte } from '../messages/etl.ts';
import { prefillMissing, prefillNameClash, prefillNoCsv, prefillNoLaRow, prefillNoLaRows, prefillWorkbook, prefillZip } from '../messages/cli.ts';
import { sniffFile } from '../etl/sniff.ts';
import { recogniseSniff } from '../etl/registry.ts';

const q = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The ONS population layouts init copies (docs/inputs.md §2): mid-year estimates and subnational projections. */
export type PopulationLayout = 'ons-mye' | 'ons-snpp';

/** One pre-filled file: its name in data/, its path given, its text (a population file's bytes, copied whole) and, for one, its layout. */
export interface PrefilledFile {
  name: string;
  from: string;
  content: string | Uint8Array;
  population?: PopulationLayout;
  /** For rows copied from an EES file: the line of `from` each line of `content` came from (index 0: line 1). */
  lineOf?: readonly number[];
}

/**
 * The rows of the LA, England and the regions from published EES files, and ONS population files whole, ready to
 * write into data/. A folder gives its CSV files; among them, a file that is neither (or an EES file with no row of
 * the LA: a national-only table) is skipped and said. A file named on its own must be an ONS population file or an
 * EES file with a row of the LA (an input error otherwise): ONS2020_PopnByAgeYearEstimate.csv was refused as 'not a
 * published EES file', though the folder's README asks for a population.
 */
export async function prefillFromRelease(
  paths: readonly string[],
  la: string,
): Promise<{ files: PrefilledFile[]; skipped: Array<{ path: string; reason: string }>; latestCensusYear?: number }> {
  const files: PrefilledFile[] = [];
  let latestCensusYear: number | undefined;
  const skipped: Array<{ path: string; reason: string }> = [];
  const from = new Map<string, string>();
  for (const [i, path] of paths.entries()) {
    const found = await lstat(path).catch(() => undefined);
    if (!found) throw inputError(prefillMissing(path, paths.length > 1 && i === paths.length - 1), [{ file: path, message: prefillMissing(path, paths.length > 1 && i === paths.length - 1) }]);
    // checked as every command checks a path it reads: a named pipe was opened and waited on for ever, /dev/zero read
    // as 'a NUL byte … a block lost in a copy', a loop of links said to be 'no such file or folder'
    const folder = (await checkInputPath(path, { what: 'release file or folder' })).kind === 'folder';
    const all = folder ? await expandPaths([path]) : [path];
    const inside = folder ? all.filter((f) => /\.csv$/i.test(f)) : all;
    if (folder && inside.length === 0) throw inputError(prefillNoCsv(path, all.map((f) => relative(path, f))), [{ file: path, message: prefillNoCsv(path, all.map((f) => relative(path, f))) }]);
    for (const file of inside) {
      // an ONS population file (every area of it) is copied whole: a run takes the LA's rows of it by code
      const population = await populationLayout(file);
      const got = population ? { content: await readFile(file) } : await laRows(file, la);
      if ('reason' in got) {
        if (!folder) throw inputError(`${file}: ${got.reason}`, [{ file, message: got.reason }]);
        skipped.push({ path: file, reason: got.reason });
        continue;
      }
      const name = basename(file);
      const clash = from.get(name.toLowerCase());
      if (clash) throw inputError(prefillNameClash(file, name, clash));
      from.set(name.toLowerCase(), file);
      files.push({ name, from: file, content: got.content, ...(population ? { population } : {}), ...('lineOf' in got ? { lineOf: got.lineOf } : {}) });
      if ('latestCensusYear' in got && got.latestCensusYear !== undefined) latestCensusYear = Math.max(latestCensusYear ?? 0, got.latestCensusYear);
    }
  }
  if (files.length === 0) throw inputError(prefillNoLaRows(paths, la));
  return { files, skipped, ...(latestCensusYear !== undefined ? { latestCensusYear } : {}) };
}

/** The ONS population layout a file is in (registry: the readers ons-mye and ons-snpp take it), if either. */
async function populationLayout(file: string): Promise<PopulationLayout | undefined> {
  const sniff = await sniffFile(file).catch(() => undefined);
  if (!sniff || sniff.binary) return undefined;
  const r = recogniseSniff(sniff);
  return 'reader' in r && (r.reader.id === 'ons-mye' || r.reader.id === 'ons-snpp') ? r.reader.id : undefined;
}

/**
 * The file's header and its rows of the LA, England and the regions, and of the other councils of a reorganisation
 * the LA was part of (the predecessors it was made from and their other successors; or, for a council that ended,
 * its successors); or why it has none. Without them a folder for Cumberland (942, from 2023/24) held its own two
 * Januaries only: a run had no history before 2024 and said nothing of Cumbria (909), where forecast joins Cumbria's
 * from 2019 at Cumberland's share of the successors' plans (2026: 3,659 plans against forecast's 3,768).
 */
async function laRows(file: string, la: string): Promise<{ content: string; lineOf: number[]; latestCensusYear?: number } | { reason: string }> {
  // what the file is when it is not text: a release's ZIP or a PNG was 'line 1 holds a NUL byte … a block lost in a
  // copy or a sync', which sent the reader to copy it again
  const sniff = await sniffFile(file).catch(() => undefined);
  if (sniff?.binary) return { reason: `${sniff.sheets === undefined ? notText(sniff.binaryKind) : sniff.sheets.length === 0 ? prefillZip() : prefillWorkbook()}.` };
  const want = la.trim().toUpperCase();
  const lines: Array<{ line: string; from: number }> = [];
  // rows in file order; `old` is an LA row's DfE code (undefined for England's and the regions'); `from`, its line
  const rows: Array<{ line: string; from: number; old?: string }> = [];
  const own = new Set<string>();
  let level = -1;
  let oldCode = -1;
  let newCode = -1;
  let period = -1;
  let latest: number | undefined;
  let notEes = false;
  const end = await streamCsv(file, (recs) => {
    for (const r of recs) {
      if (notEes) return;
      if (level < 0) {
        const names = r.fields.map((f) => f.trim().toLowerCase());
        level = names.indexOf('geographic_level');
        oldCode = names.indexOf('old_la_code');
        newCode = names.indexOf('new_la_code');
        period = names.indexOf('time_period');
        if (level < 0 || oldCode < 0 || newCode < 0) {
          notEes = true;
          return;
        }
        lines.push({ line: r.fields.map(q).join(','), from: r.line });
        continue;
      }
      const lv = r.fields[level]?.trim();
      const old = r.fields[oldCode]?.trim() ?? '';
      const mine = old === want || canonicalNewCode(r.fields[newCode] ?? '') === canonicalNewCode(want);
      if (lv === 'National' || lv === 'Regional') rows.push({ line: r.fields.map(q).join(','), from: r.line });
      else if (lv === 'Local authority') {
        if (mine) own.add(old);
        // an academic-year code (202425) is a January census: 2025
        const m = mine ? /^(\d{4})(\d{2})$/.exec(r.fields[period]?.trim() ?? '') : null;
        if (m) latest = Math.max(latest ?? 0, Number(m[1]) + 1);
        // every LA row is kept until the LA's DfE code is known (it may be named by its ONS code)
        rows.push({ line: r.fields.map(q).join(','), from: r.line, old });
      }
    }
  });
  const related = new Set(own);
  for (const code of own) {
    const s = reorganisationOf(code);
    if (s) for (const c of [...s.from, ...s.to]) related.add(c);
  }
  lines.push(...rows.filter((l) => l.old === undefined || related.has(l.old)));
  const found = own.size;
  if (end.notUtf8AfterBom !== undefined) return { reason: `${notUtf8AfterBom(end.notUtf8AfterBom)}.` };
  if (end.nulLine !== undefined) return { reason: `${nulByte(end.nulLine)}.` };
  if (notEes) return { reason: "not a published EES file (no geographic_level, old_la_code and new_la_code columns); give the release's data files to --from." };
  if (found === 0) return { reason: prefillNoLaRow(la) };
  // a quoted field may hold line breaks: each line of the copy is given the line its record starts on
  const lineOf = lines.flatMap((l) => Array<number>(l.line.split(/\r\n|\r|\n/).length).fill(l.from));
  return { content: lines.map((l) => l.line).join('\n') + '\n', lineOf, ...(latest !== undefined ? { latestCensusYear: latest } : {}) };
}

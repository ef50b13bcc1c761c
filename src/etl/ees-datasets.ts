/**
 * EES files → LaDatasets for forecast and backtest, without a warehouse: each file is read by its EES reader
 * into memory, then every cell (area × year × age range × need × placement × measure) takes the figure of the
 * newest release that has one. `maxCensusYear` keeps only what was known by January of that year: stocks up to
 * it and flows of earlier calendar years, so a forecast is identical whether or not the files hold later years.
 *
 *   files ──recognise──▶ EES reader ──rows──▶ collect (drop after maxCensusYear) ──▶ best source per cell ──▶ LaDataset
 *
 * A reader that loads set-based reads in a scratch warehouse (scratch-read.ts), with the same rows.
 */
import { regionClashesAcrossFiles, regionClashProblems, type LaRegionRow } from './region-clash.ts';
import { nameClashesAcrossFiles } from './name-clash.ts';
import { ALL } from './schema.ts';
import { emptyDataset, type LaDataset } from '../model/dataset.ts';
import { joinReorganisations } from '../model/reorganise.ts';
import { inputError, type Problem } from '../errors.ts';
import { isNeed, isPlacement } from '../domain/index.ts';
import * as msg from '../messages/etl.ts';
import * as releaseMsg from '../messages/releases.ts';
import { EES_READERS } from './ees-readers.ts';
import { eesUnusedReader } from './readers/ees-unused.ts';
import { displayReport, displayText, withInputFiles, type InputFile } from './inputs.ts';
import { CellPicker, type FileFigure, type SameSourceOverlaps } from './ees-cell-picker.ts';
import { layoutRank } from './readers/ees-common.ts';
import type { RowSink } from './reader.ts';
import { ScratchWarehouse } from './scratch-read.ts';
import { sniffFile } from './sniff.ts';
import { readers, recogniseSniff } from './registry.ts';
import { toSqlSource } from './persons/sql-source.ts';
import { contradictedRegionRows, reconcile, summariseFindings, type Finding, type ReconcileInput } from './reconcile.ts';
import { regionRowReplaced } from '../messages/reconcile.ts';
import { describePublished } from './overlaps.ts';
import { groupedWarnings } from './grouped-warnings.ts';
import { NewPlansReach } from './new-plans-reach.ts';
export { groupedWarnings };
import { codeChangeNote, laCodesByYear } from './code-change.ts';
import { januaryOf, releaseSource } from './release-reach.ts';
import { fillAbsentAges, fillMissingAges, isMissingAgeRow, isMissingNewPlansTotalRow, isMissingTotalRow, noteSeriesEndsEarly, noteUnpublishedLatestTotal, noteUnpublishedNewPlans, totalsWithoutRow, type MissingAge } from './suppressed-ages.ts';

export interface EesDatasets {
  datasets: LaDataset[];
  national?: LaDataset;
  regions: LaDataset[];
  /** Source rows (file lines) dropped because they are later than `maxCensusYear`. */
  ignoredRows: number;
  /**
   * LAs whose every figure is later than `maxCensusYear` (a council that began after it: Cumberland from January
   * 2024), with the census year of their first stock: not in `datasets`, so that they are not there at all.
   */
  laterOnly?: Array<{ oldCode: string; newCode: string; name: string; firstYear: number }>;
  notes: string[];
  /** The batch's note when a later release revises a January an earlier one gives (first in `notes` too). */
  revised?: string;
  /** The batch's note when a later release revises a year's new plans an earlier one gives (in `notes` too). */
  revisedNewPlans?: string;
  /** What reconciliation found (src/etl/reconcile.ts); each LA's findings are also in that LA's notes. */
  findings: Finding[];
}

export interface EesDatasetOptions {
  /** Keep stocks of census years ≤ this and flows of calendar years < this. */
  maxCensusYear?: number;
  /** "Now" for the readers' future-year check (default: the clock). */
  today?: Date;
}

type Row = Record<string, unknown>;

/**
 * Reads EES files (any release layout; folders expand to their files) into one dataset per LA, plus England and
 * the regions. Throws an input error naming file, line and column when a file is not an EES file or is invalid.
 * @example const { datasets } = await datasetsFromEesFiles(['caseload.csv', 'sen2_age_caseload.csv'], { maxCensusYear: 2021 });
 */
export async function datasetsFromEesFiles(paths: string[], opts: EesDatasetOptions = {}): Promise<EesDatasets> {
  // a release ZIP stands for its entries, as in validate, load and run (inputs.ts); before, it was passed over
  return withInputFiles(paths, (inputs) => datasetsFromInputs(inputs, opts));
}

async function datasetsFromInputs(inputs: readonly InputFile[], opts: EesDatasetOptions): Promise<EesDatasets> {
  const stock: Row[] = [];
  const flow: Row[] = [];
  const la: Row[] = [];
  const problems: Problem[] = [];
  const notes: string[] = [];
  const dropped = new Set<string>();
  const later = new Map<string, { oldCode: string; newCode: string; firstYear: number }>();
  const max = opts.maxCensusYear;
  const fileRank: number[] = [];
  /** Per file, the latest January its figures reach (kept or not): the release it is from. */
  const latest: number[] = [];
  const reach = new NewPlansReach();
  const today = opts.today ?? new Date();
  const scratch = new ScratchWarehouse();
  const recognisedPaths: string[] = [];
  const leftOut: string[] = [];
  try {
    const recognised = await Promise.all(
      inputs.map(async (input) => {
        if (input.problem !== undefined) return { input, path: input.path, sniff: undefined, reader: undefined };
        const sniff = await sniffFile(input.file);
        return { input, path: input.path, sniff, reader: [...EES_READERS, eesUnusedReader].find((r) => r.recognise(sniff)) };
      }),
    );
    await scratch.prepareAhead(recognised.flatMap(({ input, reader }) => (reader ? [{ reader, path: input.file, shownAs: input.path }] : [])), { hashKey: '', today });
    for (const [fileId, { input, path, sniff, reader }] of recognised.entries()) {
      recognisedPaths[fileId] = path;
      if (!sniff) {
        problems.push({ file: path, message: input.problem ?? '' });
        continue;
      }
      if (!reader) {
        // (a .zip here is none: an archive was opened into its files, so this one is empty or damaged, and is said to be)
        if (/readme|data-guidance/i.test(path) || /\.(txt|md)$/i.test(path)) continue;
        // a file of a known layout that is not published statistics (a money table, ONS population, a SEN2
        // return: a council's data folder passed whole, as `init`'s README suggests) is left out, not an error
        const other = readers.find((r) => r.recognise(sniff));
        if (other) {
          leftOut.push(`${path} (${other.id})`);
          continue;
        }
        // why no reader takes it, in the words validate and load use: an empty, binary, UTF-16, NUL-holding or
        // semicolon-separated file was 'unknown layout … (first line: )' here, with no word of what it is
        const why = recogniseSniff(sniff);
        // named as users know it: a file of a ZIP archive was named by its temporary copy, deleted by then
        if ('problem' in why) problems.push({ ...why.problem, file: path, message: displayText(input, why.problem.message) });
        continue;
      }
      fileRank[fileId] = layoutRank(reader.id);
      const sink: RowSink = {
        add(table, row) {
          if (table === 'stock' || table === 'flow') {
            reach.add(table, row, path);
            const january = januaryOf(table, (row.census_year ?? row.flow_year) as number);
            if (!(january <= (latest[fileId] ?? -Infinity))) latest[fileId] = january;
          }
          if (table === 'stock') {
            if (max !== undefined && (row.census_year as number) > max) {
              dropped.add(`${fileId}:${row.line}`);
              if (row.geographic_level === 'Local authority') {
                const code = String(row.old_la_code);
                const first = later.get(code);
                if (!first || (row.census_year as number) < first.firstYear) later.set(code, { oldCode: code, newCode: String(row.new_la_code), firstYear: row.census_year as number });
              }
            } else stock.push(row);
          } else if (table === 'flow') {
            if (max !== undefined && (row.flow_year as number) >= max) dropped.add(`${fileId}:${row.line}`);
            else flow.push(row);
          } else if (table === 'la') la.push(row);
        },
      };
      const ctx = { fileId, path, hashKey: '', today };
      const report = displayReport(input, (await scratch.read(reader, input.file, sink, ctx)) ?? (await reader.read(input.file, sink, ctx)));
      problems.push(...report.errors);
      notes.push(...groupedWarnings(report.warnings));
    }
  } finally {
    await scratch.close();
  }
  // an LA code two files give two regions, or two LAs' names (each file checked its own lines as it was read)
  const regions = regionClashesAcrossFiles(la as unknown as LaRegionRow[]);
  const clashes = [...regions, ...nameClashesAcrossFiles(la as unknown as LaRegionRow[], undefined, regions)];
  const firstLine = (id: number, code: string): number | undefined => {
    const lines = [...stock, ...flow].filter((r) => r.file_id === id && r.old_la_code === code && r.geographic_level === 'Local authority').map((r) => Number(r.line));
    return lines.length ? Math.min(...lines) : undefined;
  };
  problems.push(...regionClashProblems(clashes, (id, code) => ({ file: recognisedPaths[id]!, line: firstLine(id, code) })));
  if (problems.length > 0) throw inputError(msg.readFailed(new Set(problems.map((p) => p.file)).size, problems.length), problems);
  // two releases of one layout: each file's rows under the release its latest January says (release-reach.ts)
  for (const r of [...stock, ...flow]) r.source = releaseSource(String(r.source), latest[r.file_id as number]);
  if (leftOut.length > 0) notes.push(msg.notPublishedStatistics(leftOut));
  notes.push(...reach.notes());
  const { overlaps, revisions, newPlanRevisions, unpublishedPlacements, ...built } = buildDatasets(stock, flow, max === undefined ? la : knownBy(la, stock, flow), fileRank, (id) => recognisedPaths[id]);
  // each LA's own notes say it too; a forecast of every LA prints only these, so the batch says it once
  const revised = revisions.length > 0 ? releaseMsg.releaseRevisions(revisions, max) : undefined;
  const revisedNewPlans = newPlanRevisions.length > 0 ? releaseMsg.newPlansRevisions(newPlanRevisions, max) : undefined;
  if (revisedNewPlans) notes.unshift(revisedNewPlans);
  if (revised) notes.unshift(revised);
  const pathOf = (f: FileFigure): string => `${recognisedPaths[f.file] ?? `file ${f.file}`}${f.line ? ` line ${f.line}` : ''}`;
  if (overlaps.conflicts.length > 0) {
    const { conflicts } = overlaps;
    const listed = conflicts.slice(0, 5).map(({ first, other }) => releaseMsg.overlapConflict(describePublished(other.row), pathOf(first), first.value, pathOf(other), other.value));
    const files = new Set(conflicts.map((c) => recognisedPaths[c.other.file] ?? ''));
    throw inputError(msg.readFailed(files.size, 1), [{ file: [...files][0], message: releaseMsg.overlapConflicts(String(conflicts[0]!.first.row.census_year === undefined ? 'flow' : 'stock'), conflicts.length, listed) }]);
  }
  for (const r of overlaps.repeats.values()) notes.push(`${recognisedPaths[r.later] ?? ''}: ${releaseMsg.overlapSameFigures(recognisedPaths[r.first] ?? '', r.n)}`);
  const known = new Set(built.datasets.map((d) => d.la.oldCode));
  const laterOnly = [...later.values()]
    .filter((l) => !known.has(l.oldCode))
    .map((l) => ({ ...l, name: String(la.find((r) => String(r.old_la_code) === l.oldCode)?.la_name ?? `LA ${l.oldCode}`) }));
  return { ...reconciled(built, notes, unpublishedPlacements), ignoredRows: dropped.size, ...(laterOnly.length > 0 ? { laterOnly } : {}), ...(revised ? { revised } : {}), ...(revisedNewPlans ? { revisedNewPlans } : {}) };
}

/**
 * The LA rows (codes and name, one per code pair a file uses) that the kept figures use: a code pair seen only in
 * rows after maxCensusYear was not known then. Without this, a later release's rows gave North Yorkshire the ONS
 * code it took in April 2023 in a forecast from January 2022, and listed Cumberland (from 2023/24) as an LA that
 * could not be forecast: the output changed with later years in the files.
 */
function knownBy(la: Row[], stock: Row[], flow: Row[]): Row[] {
  const codes = (r: Row): string => `${String(r.old_la_code)}|${String(r.new_la_code)}`;
  const used = new Set([...stock, ...flow].map(codes));
  return la.filter((r) => used.has(codes(r)));
}

/**
 * Reconciles the published figures (before reorganised LAs are joined, so every figure checked is a published one),
 * puts each LA's findings into its notes and a summary per kind into the batch's notes, then joins reorganisations.
 */
function reconciled(
  result: Omit<EesDatasets, 'ignoredRows' | 'notes' | 'findings'>,
  notes: string[],
  unpublishedPlacements?: ReconcileInput['unpublishedPlacements'],
): Omit<EesDatasets, 'ignoredRows'> {
  const findings = reconcile({ ...result, unpublishedPlacements });
  // a region's row out of line with its LAs and England alike: its LAs' sum is the series pooled towards
  for (const c of contradictedRegionRows(result)) {
    c.region.stockTotal[c.year] = c.sum;
    findings.push({ kind: 'area-sum', area: c.region.regionCode ?? c.region.la.newCode, year: c.year, message: regionRowReplaced(c.region.la.name, c.year, c.row, c.sum) });
  }
  for (const f of findings) if (f.la) result.datasets.find((d) => d.la.oldCode === f.la)?.notes.push(f.message);
  // what reconciliation found first: it says more about the figures than one file's line-by-line notes
  return { ...result, datasets: joinReorganisations(result.datasets), notes: [...summariseFindings(findings), ...notes], findings };
}

const areaKey = (r: Row): string =>
  r.geographic_level === 'Local authority' ? `L|${r.old_la_code}` : r.geographic_level === 'National' ? 'N|' : `R|${r.new_la_code}`;

/**
 * The same datasets from a warehouse's published tables (stock, flow, la): `run` takes its batch of LAs, England and
 * the regions from here, so that on published data it pools and calibrates exactly as `forecast` does.
 * @example const batch = await datasetsFromWarehouse(warehouse)
 */
export async function datasetsFromWarehouse(wh: unknown): Promise<Omit<EesDatasets, 'ignoredRows'>> {
  const sql = toSqlSource(wh);
  const files = await sql.all('SELECT file_id, reader, path FROM loaded_file');
  const fileRank: number[] = [];
  const paths: string[] = [];
  for (const f of files) {
    fileRank[Number(f.file_id)] = layoutRank(String(f.reader));
    paths[Number(f.file_id)] = String(f.path);
  }
  // an LA's age rows with no published count are kept too (suppressed-ages.ts puts the plans they leave there)
  const unpublishedAges = `count IS NULL AND geographic_level = 'Local authority' AND need = 'ALL' AND placement = 'ALL'`; // totals too
  // … and placements of all ages with none, which explain a shortfall of the placements against the total (reconcile.ts)
  const unpublishedPlacementCells = `count IS NULL AND measure = 'plans' AND need = 'ALL' AND placement <> 'ALL' AND age_from = 0 AND age_to = 25`;
  const stock = await sql.all(`SELECT * FROM stock WHERE count IS NOT NULL OR (${unpublishedAges} AND measure = 'plans') OR (${unpublishedPlacementCells})`);
  const flow = await sql.all(`SELECT * FROM flow WHERE count IS NOT NULL OR (${unpublishedAges} AND measure = 'new_plans')`);
  const la = await sql.all('SELECT * FROM la');
  // load has removed or refused figures that two files of one release give (overlaps.ts): none are left to compare
  const { datasets, national, regions, unpublishedPlacements } = buildDatasets(stock, flow, la, fileRank, (id) => paths[id]);
  return reconciled({ datasets, national, regions }, [], unpublishedPlacements);
}

function buildDatasets(
  stock: Row[],
  flow: Row[],
  la: Row[],
  fileRank: number[],
  fileName: (id: number) => string | undefined = () => undefined,
): Omit<EesDatasets, 'ignoredRows' | 'notes' | 'findings'> & { overlaps: SameSourceOverlaps; revisions: string[]; newPlanRevisions: string[]; unpublishedPlacements: Map<LaDataset, Set<number>> } {
  const areas = new Map<string, { ds: LaDataset; rank: number }>();
  // a release that spans a code change gives an LA two codes in one file (Buckinghamshire E06000060, then E10000002
  // again from 2023/24): of one rank, the codes of the LA's latest January in the stock come last, so they name it
  // (and an LA whose codes change in a way domain/la.ts does not know has a note: code-change.ts)
  const { latest, changes } = laCodesByYear(stock);
  const isLatest = (r: Row): number => (latest.get(String(r.old_la_code))?.codes === String(r.new_la_code) ? 1 : 0);
  const ordered = la
    .map((r, i) => ({ r, i, rank: fileRank[r.file_id as number] ?? 0, latest: isLatest(r) }))
    .sort((a, b) => a.rank - b.rank || a.latest - b.latest || a.i - b.i)
    .map((x) => x.r);
  for (const r of ordered) {
    const level = r.old_la_code === ALL ? (r.region_code && r.new_la_code === r.region_code ? 'Regional' : 'National') : 'Local authority';
    const key = areaKey({ ...r, geographic_level: level });
    const rank = fileRank[r.file_id as number] ?? 0;
    const cur = areas.get(key);
    if (cur && cur.rank > rank) continue;
    const identity = { oldCode: level === 'Local authority' ? String(r.old_la_code) : String(r.new_la_code), newCode: String(r.new_la_code), name: String(r.la_name) };
    const ds = cur?.ds ?? emptyDataset(identity);
    ds.la = identity;
    if (r.region_code) ds.regionCode = String(r.region_code);
    if (r.region_name) ds.regionName = String(r.region_name);
    areas.set(key, { ds, rank });
  }
  for (const { ds } of areas.values()) {
    const note = codeChangeNote(ds.la.name, ds.la.oldCode, changes);
    if (note) ds.codeChange = note;
  }
  const picker = new CellPicker();
  for (const r of stock) {
    if (r.count === null || r.measure !== 'plans') continue;
    picker.add(`${areaKey(r)}|S|${r.census_year}|${r.age_from}|${r.age_to}|${r.need}|${r.placement}|`, String(r.source), r);
  }
  for (const r of flow) {
    if (r.count === null) continue;
    picker.add(`${areaKey(r)}|F:${r.measure}|${r.flow_year}|${r.age_from}|${r.age_to}|${r.need}|${r.placement}|${r.reason}`, String(r.source), r);
  }
  // stock totals that two releases give differently (a later release revising a year): the newer is used
  const revisions: string[] = [];
  const newPlanRevisions: string[] = [];
  for (const { key, value, source, others } of picker.entries()) {
    const [kind, area, kindTag, y, f, t, need, placement, reason] = key.split('|') as [string, string, string, string, string, string, string, string, string];
    const entry = areas.get(`${kind}|${area}`);
    if (!entry) continue;
    const ds = entry.ds;
    const year = Number(y);
    const from = Number(f);
    const to = Number(t);
    const full = from === 0 && to === 25;
    const isAll = need === ALL && placement === ALL;
    if (kindTag === 'S') {
      if (isAll && full) {
        ds.stockTotal[year] = value;
        for (const [s, v] of others) {
          ds.notes.push(releaseMsg.releaseDisagreement('EHC plans at census', year, value, source, v, s));
          revisions.push(releaseMsg.releaseRevision(ds.la.name, year, value, source, v, s));
          // the LA's own, which a forecast or backtest of chosen LAs names (pipeline/revisions.ts), as run's aggregate reader keeps it
          (ds.revisions ??= []).push(releaseMsg.releaseRevision(ds.la.name, year, value, source, v, s));
        }
      } else if (isAll) ds.stockByAge.push({ year, from, to, count: value });
      else if (full && need === ALL && isPlacement(placement)) (ds.stockByPlacement[year] ??= {})[placement] = value;
      else if (full && placement === ALL && isNeed(need)) (ds.stockByNeed[year] ??= {})[need] = value;
      continue;
    }
    const measure = kindTag.slice(2);
    if (!isAll) continue;
    if (measure === 'ceased') {
      if (reason !== ALL) ds.ceased.push({ year, from, to, reason: Number(reason), count: value });
      continue;
    }
    if (reason !== ALL) continue;
    if (measure === 'new_plans') {
      if (full) {
        ds.newPlansTotal[year] = value;
        for (const [s, v] of others) {
          ds.notes.push(releaseMsg.releaseDisagreement('New EHC plans of calendar year', year, value, source, v, s));
          newPlanRevisions.push(releaseMsg.newPlansRevision(ds.la.name, year, value, source, v, s));
          (ds.newPlanRevisions ??= []).push(releaseMsg.newPlansRevision(ds.la.name, year, value, source, v, s));
        }
      } else ds.newPlansByAge.push({ year, from, to, count: value });
      continue;
    }
    if (!full) continue;
    if (measure === 'requests') ds.requests[year] = value;
    else if (measure === 'decided_to_assess') ds.decidedToAssess[year] = value;
    else if (measure === 'assess_issued') ds.assessIssued[year] = value;
    else if (measure === 'assess_not_issued') ds.assessNotIssued[year] = value;
  }
  // age rows not published beside published ones: the plans the total leaves are put at those ages, with a note
  const missing = new Map<string, { stock: MissingAge[]; newPlans: MissingAge[]; totals: MissingAge[]; newPlanTotals: MissingAge[] }>();
  const missingOf = (r: Row): MissingAge => ({
    year: Number(r.census_year ?? r.flow_year),
    from: Number(r.age_from),
    to: Number(r.age_to),
    missing: String(r.missing ?? 'not published'),
    file: fileName(r.file_id as number),
    line: r.line === null || r.line === undefined ? undefined : Number(r.line),
  });
  const entry = (r: Row) => missing.get(areaKey(r)) ?? missing.set(areaKey(r), { stock: [], newPlans: [], totals: [], newPlanTotals: [] }).get(areaKey(r))!;
  for (const r of stock) {
    if (r.measure === 'plans' && isMissingAgeRow(r)) entry(r).stock.push(missingOf(r));
    else if (isMissingTotalRow(r)) entry(r).totals.push(missingOf(r));
  }
  for (const r of flow) {
    if (r.measure === 'new_plans' && isMissingAgeRow(r)) entry(r).newPlans.push(missingOf(r));
    else if (isMissingNewPlansTotalRow(r)) entry(r).newPlanTotals.push(missingOf(r));
  }
  for (const [key, m] of missing) {
    const ds = areas.get(key)?.ds;
    if (!ds) continue;
    fillMissingAges(ds, 'stock', m.stock);
    fillMissingAges(ds, 'new plans', m.newPlans);
    noteUnpublishedNewPlans(ds, m.newPlanTotals);
  }
  for (const [key, { ds }] of areas) {
    if (key.startsWith('L|')) noteUnpublishedLatestTotal(ds, [...(missing.get(key)?.totals ?? []), ...totalsWithoutRow(ds)]);
    fillAbsentAges(ds, 'stock');
    fillAbsentAges(ds, 'new plans');
    ds.stockByAge.sort((a, b) => a.year - b.year || a.from - b.from || a.to - b.to);
    ds.newPlansByAge.sort((a, b) => a.year - b.year || a.from - b.from || a.to - b.to);
    ds.ceased.sort((a, b) => a.year - b.year || a.from - b.from || a.to - b.to || a.reason - b.reason);
  }
  // the Januaries at which a placement of all ages is in the files with no figure (x, c), per area
  const unpublishedPlacements = new Map<LaDataset, Set<number>>();
  for (const r of stock) {
    if (r.count !== null || r.measure !== 'plans' || r.need !== ALL || r.placement === ALL || Number(r.age_from) !== 0 || Number(r.age_to) !== 25) continue;
    const ds = areas.get(areaKey(r))?.ds;
    if (ds) (unpublishedPlacements.get(ds) ?? unpublishedPlacements.set(ds, new Set()).get(ds)!).add(Number(r.census_year));
  }
  const pick = (prefix: string): LaDataset[] =>
    [...areas.entries()].filter(([k]) => k.startsWith(prefix)).map(([, v]) => v.ds).sort((a, b) => a.la.oldCode.localeCompare(b.la.oldCode));
  const datasets = pick('L|');
  noteSeriesEndsEarly(datasets);
  return { datasets, national: areas.get('N|')?.ds, regions: pick('R|'), overlaps: picker.overlaps, revisions, newPlanRevisions, unpublishedPlacements };
}

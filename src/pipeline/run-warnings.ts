/**
 * The notes `run` says on stderr of its data, its forecast and its model, made here for `run` and `goal-seek` alike:
 * a goal-seek answer sought on the same data carries the same warnings (it said the budget's notes only, and none
 * when it found no answer: no pooling, base-year or new-plan-factor note beside an effect sought on them). Each note
 * goes into a RunNotes (notes.ts) with its kind, in run's order.
 */
import { SMALL_LA_POOLED } from '../messages/model-pooling.ts';
import { filesNotRead } from '../messages/model.ts';
import { POPULATION_NOT_FOR_LA, POPULATION_OTHER_AREAS, POPULATION_SEXES_DISAGREE } from '../messages/population.ts';
import { LATEST_TOTAL_UNPUBLISHED, PLACEMENTS_UNPUBLISHED } from '../messages/releases.ts';
import { reportMsg } from '../messages/index.ts';
import { SEN2_LINKS_UNTRUSTED, SEN2_OTHER_LA_RETURNS, SEN2_PLACEMENT_AGE, SEN2_URN_UNPLACED } from '../messages/sen2.ts';
import { Placement } from '../domain/index.ts';
import type { LaDataset } from '../model/dataset.ts';
import { observedCensus, startGaps } from '../model/observed.ts';
import type { ProjectionResult } from '../model/result.ts';
import type { RunNotes } from './notes.ts';
import { measureColumnWarnings, ownTableWarnings } from './own-table-warnings.ts';
import { revisionWarnings } from './revisions.ts';
import { unreadFiles } from './gates.ts';

/**
 * Whether a note of the dataset is said on stderr too (not only on the Data quality sheet): returns of other LAs for
 * years this LA has none (a mistyped Header LEA), plans at schools the establishment table does not hold, projections
 * of other areas only, population files with no rows for this LA, a latest January whose total is not published,
 * placements published as a small count (etl/suppressed-placements.ts).
 */
export function isSaidDataNote(n: string): boolean {
  return [SEN2_OTHER_LA_RETURNS, SEN2_URN_UNPLACED, SEN2_PLACEMENT_AGE, SEN2_LINKS_UNTRUSTED, POPULATION_OTHER_AREAS, POPULATION_NOT_FOR_LA, POPULATION_SEXES_DISAGREE, LATEST_TOTAL_UNPUBLISHED, PLACEMENTS_UNPUBLISHED].some((p) =>
    n.startsWith(p),
  );
}

/** What a run's data notes come from (run-data.ts RunData's fields). */
export interface DataNotesInput {
  ds: LaDataset;
  dataQuality: Parameters<typeof ownTableWarnings>[0];
  loaded: Parameters<typeof ownTableWarnings>[1];
  skipped: Parameters<typeof unreadFiles>[0];
  warnings: Parameters<typeof unreadFiles>[1];
  moneyTablesNamingNoLa?: string;
  /** A base year's plans beyond every LA's share of its people aged 0–25 (gates.ts populationShareNote). */
  populationShare?: readonly string[];
  demandOnly?: boolean;
  /** The notes of each scenario on a council a reorganisation ended (model/reorganise.ts abolitionWarning). */
  abolished: ReadonlyArray<string | undefined>;
  /** The total-plans forecast's notes, of each base year (pipeline/totals.ts). */
  forecastNotes: ReadonlyArray<readonly string[]>;
}

/**
 * Adds the notes of the data and the forecast, in run's order: the dataset's said notes, a population that cannot be
 * the LA's people for its plans (beyond every LA's share), the own tables' warnings, a
 * published measure column under another name, the files not read, money tables of no named LA, a later release's
 * revision, a council projected past its end, the forecast's notes (a year's new plans suppressed, the pooled trend,
 * reconciliation findings).
 */
export function addDataNotes(w: RunNotes, d: DataNotesInput): void {
  w.add('caveat', d.ds.notes.filter(isSaidDataNote));
  w.add('suspect', d.populationShare ?? []);
  if (!d.demandOnly) w.add('suspect', ownTableWarnings(d.dataQuality, d.loaded));
  // a published flow file's measure column under another name, not read
  w.add('suspect', measureColumnWarnings(d.dataQuality));
  const unread = unreadFiles(d.skipped, d.warnings);
  if (unread.length > 0) w.add('suspect', [filesNotRead(unread)]);
  if (!d.demandOnly && d.moneyTablesNamingNoLa) w.add('suspect', [d.moneyTablesNamingNoLa]);
  w.add('caveat', revisionWarnings(d.ds));
  w.add('caveat', d.abolished.filter((n) => n !== undefined));
  for (const n of d.forecastNotes) w.add('caveat', n);
}

/**
 * The model's notes that change what the figures mean (ages or placements borrowed, new plans spread, a year with no
 * new plans, population of another year, a small LA's pooled mixes, a new-plan factor far from 1), of a projection's
 * rates notes.
 */
export function modelNotesOf(rateNotes: readonly string[]): string[] {
  return rateNotes.filter((n) => /^No (age|new plans|placement)|^Population: the data|exceed the forecast total/.test(n) || SMALL_LA_POOLED.some((p) => n.startsWith(p)));
}

/**
 * The note on a projection whose start is not the data's stock beyond rounding (placements the fit could not match,
 * plans with no placement placed as the recorded ones), or undefined: a figure to doubt ('suspect').
 */
export function startGapNote(ds: LaDataset, projection: Pick<ProjectionResult, 'baseYear' | 'central'>): string | undefined {
  const gaps = startGaps(observedCensus(ds, projection.baseYear), projection.central[0]!);
  if (!gaps.length) return undefined;
  const named = gaps.map((g) => ({ ...g, what: g.what === 'total' ? 'All plans' : Placement[g.what].label }));
  return reportMsg.startDiffersFromData(ds.la.name, projection.baseYear, named);
}

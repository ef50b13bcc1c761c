/**
 * The warning `run`, `backtest --data` and `goal-seek` give when a later release revises a January's plans that an
 * earlier release gives for their LA: the forecast starts from the newer figure, which the older release contradicts
 * (`forecast` and `backtest --ees` say it of the whole batch: EesDatasets.revised). One message for all of them:
 * messages/releases.ts releaseRevisions. The files giving the LA's history under two ONS codes highneeds does not know
 * as one council's (etl/code-change.ts) is said with them.
 */
import { newPlansRevisions, releaseRevisions } from '../messages/releases.ts';
import type { LaDataset } from '../model/dataset.ts';

/**
 * The LA's revision warning, if a release revises its stock (none on a single release).
 * @example revisionWarnings(ds) // ['1 figure(s) of EHC plans at census differ between releases (a later release revises them): Anyshire 2022: …']
 */
export function revisionWarnings(ds: Pick<LaDataset, 'revisions' | 'newPlanRevisions' | 'codeChange' | 'newPlansAhead'>): string[] {
  return [
    // its new plans as far as its plans or further: a year early (etl/new-plans-reach.ts)
    ...(ds.newPlansAhead ? [ds.newPlansAhead] : []),
    // the files' history of the LA under two ONS codes that are not one council's (etl/code-change.ts)
    ...(ds.codeChange ? [ds.codeChange] : []),
    ...(ds.revisions?.length ? [releaseRevisions(ds.revisions)] : []),
    ...(ds.newPlanRevisions?.length ? [newPlansRevisions(ds.newPlanRevisions)] : []),
  ];
}

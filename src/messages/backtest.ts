/** User-facing messages of `highneeds backtest`: its table's coverage and what its scores rest on. */
import { SHARE_FROM_FORECASTS } from '../model/backtest/metrics.ts';
import { counted } from '../util/plural.ts';
import { possessive } from '../util/possessive.ts';
import { notReadText } from './model.ts';
export const STAGE = 'model';

/**
 * A coverage as `backtest` prints it: a share (0.86) from SHARE_FROM_FORECASTS forecasts on, below that the count
 * ('2 of 3'), and 'n/a' with none. One LA's three origins printed '1y 1.00' and '1y 0.50' of three and two forecasts.
 * @example coverageShown(2 / 3, 3) // "2 of 3"
 */
export function coverageShown(share: number | null | undefined, forecasts: number): string {
  if (share === null || share === undefined || !Number.isFinite(share) || forecasts === 0) return 'n/a';
  return forecasts >= SHARE_FROM_FORECASTS ? share.toFixed(2) : `${Math.round(share * forecasts)} of ${forecasts}`;
}

/**
 * A backtest whose model is scored on fewer than SHARE_FROM_FORECASTS forecasts at some horizon (one LA over a few
 * origins): what its MAPE and coverage can and cannot say.
 * @example fewForecasts([{ h: 1, n: 3 }, { h: 2, n: 2 }]) // "Few forecasts scored: 3 at 1 year ahead, 2 at 2 years ahead. …"
 */
export function fewForecasts(counts: ReadonlyArray<{ h: number; n: number }>): string {
  const each = counts.map((c) => `${c.n} at ${c.h} year${c.h === 1 ? '' : 's'} ahead`).join(', ');
  return (
    `Few forecasts scored: ${each}. A MAPE of so few is what those years happened to give, and one more year could move it far; ` +
    `so few outcomes cannot show whether the 80% ranges hold 80% of outcomes, so coverage is given as the count inside the range ` +
    `where a horizon has fewer than ${SHARE_FROM_FORECASTS} forecasts. Scoring many LAs (backtest --ees FILE… --all) measures the same model on more.`
  );
}

/**
 * The reconciliation findings (etl/reconcile.ts summariseFindings) of the series a backtest scores, in the Januaries it
 * starts from or scores against: a forecast scored against a January its flows do not explain (a partial return, a
 * year counted twice) measures the file, not the model. One LA's January 2020 cut to a tenth of its plans scored a MAPE
 * of 298% a year ahead with no word of it.
 */
export function scoredOnFindings(summaries: readonly string[]): string {
  return `The Januaries this backtest starts from or scores against hold figures that do not reconcile, and its scores rest on them as published: ${summaries.join(' ')}`;
}

/**
 * The steps beyond the base-year band (model/base-step.ts BASE_STEP) into the Januaries a backtest of a data folder
 * starts from or scores against: a run refuses to start from such a January, and a forecast scored against it measures
 * the return, not the model. The sample with its 2024 return cut to every other child (1,324 plans after 2,413, then
 * 3,007) scored a MAPE of 26.4% a year ahead (0.94% as given) with no word of it.
 */
export function scoredOnSteps(la: string, steps: ReadonlyArray<{ year: number; before: number; now: number; ratio: number }>, band: { min: number; max: number }): string {
  const n = (x: number): string => Math.round(x).toLocaleString('en-GB');
  const each = steps.map((s) => `from ${n(s.before)} in January ${s.year - 1} to ${n(s.now)} in January ${s.year} (×${s.ratio.toFixed(2)})`).join(', and ');
  return (
    `The Januaries this backtest starts from or scores against hold steps beyond ×${band.min}–×${band.max} a year, from which a run does not start: ${la}'s plans go ${each}. ` +
    `Such a January is most likely a return or file missing many of its plans or holding some twice, and the scores rest on the figures as given: ` +
    `check those Januaries' returns or files against the LA's own records.`
  );
}

/** A group of successors of one reorganisation in a backtest whose origins start before their first January. */
export interface SuccessorsNotScoredTwice {
  successors: string[];
  /** Their first January: they are forecast only from origins from it. */
  from: number;
  predecessors: string[];
  /** Whether any origin from their first January scored them (an outcome in the files). */
  scored: boolean;
  /** The predecessors' DfE codes when this backtest leaves them out (other LAs asked for, or --data's one LA). */
  predecessorsNotScored?: string[];
  /**
   * The predecessors' last January when they are in this backtest but none of its origins scored them (each origin
   * at or after it, with no outcome of theirs in the files): Northamptonshire (928, to January 2021) at origins 2021–2023.
   */
  predecessorsEndedBefore?: number;
}

/**
 * A backtest's successors of a reorganisation, not forecast from an origin before their first January (model.md
 * "Accuracy"): each group names the successors, their first January and their predecessors, scored there instead;
 * successors no origin scored at all (every origin before their first January, or none from it with an outcome) are
 * said to be not scored: 'scored from origin January 2020 only' read as a score of Dorset and Bournemouth,
 * Christchurch and Poole, which the 2022 release's default origins 2017–2019 leave out.
 */
export function apportionedNotScored(series: number, origins: readonly number[], groups: readonly SuccessorsNotScoredTwice[]): string {
  const list = (xs: readonly string[]): string => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
  const each = groups.map((g) => {
    const one = g.successors.length === 1;
    const those = g.predecessors.length === 1 ? 'that LA' : 'those LAs';
    // 'scored once as that LA's' of Cumbria, which a backtest of Cumberland alone does not score at all
    // and 'scored once as that LA's' of Northamptonshire, to January 2021, which origins 2021–2023 do not score either
    const where = g.predecessorsNotScored?.length
      ? `scored only in a backtest of ${those} (${g.predecessorsNotScored.map((c) => `--la ${c}`).join(', ')}), not in this one`
      : g.predecessorsEndedBefore !== undefined
        ? `not scored in this backtest either: ${g.predecessors.length === 1 ? 'its' : 'their'} last January is ${g.predecessorsEndedBefore}, and none of this backtest's origins (${origins.join(', ')}) is before it (--origins before ${g.predecessorsEndedBefore} score ${g.predecessors.length === 1 ? 'it' : 'them'})`
        : `scored once as ${g.predecessors.length === 1 ? "that LA's" : "those LAs'"}`;
    const before = `before it ${one ? 'its' : 'their'} history is ${one ? 'its share' : 'their shares'} of ${possessive(list(g.predecessors))} plans, ${where}`;
    if (g.scored) return `${list(g.successors)} ${one ? 'is' : 'are'} scored from origin January ${g.from} only: ${before}`;
    return (
      `${list(g.successors)} ${one ? 'is' : 'are'} not scored: ${one ? 'it is' : 'they are'} forecast only from origin January ${g.from}, ${one ? 'its' : 'their'} first January, ` +
      `and none of this backtest's origins (${origins.join(', ')}) is from then with an outcome in the files; ${before}; to score ${one ? 'it' : 'them'}, give --origins from ${g.from} with an outcome in the files`
    );
  });
  return `${series} series scored; apportioned histories are not scored twice: ${each.join('; ')}`;
}

/**
 * A backtest's horizons no forecast reached (every origin too late for an outcome that far ahead in the files), which
 * the table prints as n/a, 'not enough history to score': a release to January 2026 holding January 2015 on, at
 * `--horizon 10` with the default origins 2021–2023, scored nothing from 6 years ahead, though origin 2016 has an
 * outcome 10 years ahead; and `run` sends its reader to `backtest --horizon` for such years. `earliest` is the first
 * origin any series can be forecast from.
 * @example horizonsNotReached(6, 10, [2021, 2022, 2023], 2015, 2026, 2016) // 'Horizons 6 to 10 years ahead have no score …'
 */
export function horizonsNotReached(from: number, to: number, origins: readonly number[], first: number, last: number, earliest: number): string {
  const which = from === to ? `Horizon ${from} years ahead has` : `Horizons ${from} to ${to} years ahead have`;
  const whose = origins.length === 1 ? `this backtest's origin (${origins[0]}) has no outcome` : `none of this backtest's origins (${origins.join(', ')}) has an outcome`;
  const head = `${which} no score (n/a in the table): ${whose} that far ahead in the files, which hold ${first === last ? `January ${first} only` : `Januaries ${first}–${last}`}`;
  if (earliest + from > last) return `${head}, and no origin can: the earliest a forecast starts from is January ${earliest}, ${counted(last - earliest, 'year')} before the last`;
  const reach = Math.min(to, last - earliest);
  const upTo = earliest === last - from ? `origin ${earliest} scores` : `origins ${earliest} to ${last - from} score`;
  const list = Array.from({ length: last - from - earliest + 1 }, (_, i) => earliest + i).join(',');
  return `${head}; ${upTo} ${from} years ahead${reach > from ? `, and origin ${earliest} up to ${reach}` : ''} (--origins ${list})`;
}

/**
 * backtest --data: the folder holds no stock of plans of its LA (its caseload table empty, damaged or missing), so no
 * forecast can be made to score. It said 'nothing to score: no series has a stock at origins  and an outcome …;
 * choose --origins …', naming no file and no origin, with advice no --origins could follow.
 */
export function backtestNoStock(la: string, files: readonly string[], unread: ReadonlyArray<{ path: string; message: string }>): string {
  return `${la} cannot be backtested: the data hold no stock of plans, so no forecast can be made to score. Files read: ${files.join(', ') || 'none'}.${notReadText(unread)} Add a release with ${possessive(la)} plans for at least three censuses (DfE "Education, health and care plans"), or SEN2 returns of them`;
}

/**
 * A forecast from `origin` that `forecast --base-year <origin>` would publish but the files hold no outcome of (its
 * series ends at `last`, the origin or before, while other LAs' reach past it): left out of that origin's scores by
 * name. Northamptonshire from January 2021 in files to January 2022 was left out with no word.
 */
export function noOutcomeToScore(origin: number, horizon: number, last: number | undefined): string {
  const years = horizon === 1 ? `January ${origin + 1}` : `January ${origin + 1}–${origin + horizon}`;
  return `forecast from January ${origin} but not scored: the files hold no plans for ${years}${last !== undefined ? ` (the series ends in January ${last})` : ''}`;
}

/**
 * backtest's line on the LAs an origin left out (BacktestPoints.leftOut), grouped by reason: every method is scored
 * without them, as `forecast --base-year <origin>` skips or refuses them, or they have no outcome.
 * @example leftOutOfOrigin(2016, [{ la_name: 'Poole', old_la_code: '836', new_la_code: 'E06000029', reason: 'no stock of plans at census 2016' }])
 */
export function leftOutOfOrigin(origin: number, left: ReadonlyArray<{ old_la_code: string; la_name: string; reason: string }>): string {
  const byReason = new Map<string, string[]>();
  for (const l of left) byReason.set(l.reason, [...(byReason.get(l.reason) ?? []), `${l.la_name} (${l.old_la_code})`]);
  const MAX_NAMED = 6;
  const groups = [...byReason].map(([why, las]) => `${las.slice(0, MAX_NAMED).join(', ')}${las.length > MAX_NAMED ? ` and ${las.length - MAX_NAMED} more` : ''}: ${why}`);
  return `origin ${origin}: ${counted(left.length, 'LA')} left out of every method's scores (as forecast --base-year ${origin} leaves ${left.length === 1 ? 'it' : 'them'} out, or no outcome): ${groups.join('; ')}`;
}

/**
 * backtest's lines of the model's 80% coverage and MAPE by horizon within fixed bands of plans at the origin
 * (backtest.ts SIZE_BANDS), each with the forecasts it rests on (a coverage of fewer than SHARE_FROM_FORECASTS as their
 * count inside the range); a band with none is '–'.
 * @example coverageByBand([{ from: 0, to: 1000, byHorizon: { '1': { coverage80: 0.81, mape: 5.6, forecasts: 75 } } }]) // ['  1y by plans at the origin (80% coverage / MAPE, forecasts): < 1,000 0.81 / 5.60% (75)']
 */
export function coverageByBand(bands: ReadonlyArray<{ from: number; to?: number; byHorizon: Record<string, { coverage80: number | null; mape: number; forecasts: number }> }>): string[] {
  const hs = Object.keys(bands[0]?.byHorizon ?? {});
  const n = (x: number): string => x.toLocaleString('en-GB');
  const name = (b: (typeof bands)[number]): string => (b.from === 0 ? `< ${n(b.to!)}` : b.to === undefined ? `≥ ${n(b.from)}` : `${n(b.from)}–${n(b.to)}`);
  return hs.map((h) => {
    const each = bands.map((b) => {
      const s = b.byHorizon[h]!;
      return `${name(b)} ${s.forecasts === 0 ? '–' : `${coverageShown(s.coverage80, s.forecasts)} / ${s.mape.toFixed(2)}% (${s.forecasts})`}`;
    });
    return `  ${h}y by plans at the origin (80% coverage / MAPE, forecasts): ${each.join(', ')}`;
  });
}

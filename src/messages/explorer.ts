/**
 * User-facing messages of the scenario explorer page (src/explorer/page/), for a finance officer or SEND lead: no
 * figure of a variant the page will not show appears in them. Compiled for the browser: no Node built-in.
 */
import { BLOCK_TO_SPEND } from '../budget/income.ts';
import { Phase, Placement, financialYearLabel } from '../domain/index.ts';
import { fmtMoney } from '../report/format.ts';
import { countText, SUPPRESSED } from '../report/suppress.ts';
import { MONEY_MAX, STEP_MAX, STEP_MIN, type BudgetProblem, type OpeningProblem, type ProjectionProblem, type UncostedProblem } from '../pipeline/plausible.ts';
export const STAGE = 'explorer';

/** A lever as the refusal names it: its label, the value it is at and the value the scenario has. */
export interface LeverSetting {
  label: string;
  value: string;
  loaded: string;
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;
/** "£1 trillion" for 1e12. */
const moneyCeiling = (): string => (MONEY_MAX >= 1e12 ? `£${MONEY_MAX / 1e12} trillion` : `£${MONEY_MAX / 1e9} billion`);

type Problem = ProjectionProblem | UncostedProblem | BudgetProblem | OpeningProblem;

/** The cells of an uncosted placement, as a reader names them: 'post-16', 'secondary with primary need ASD, SEMH'. */
function uncostedCells(u: UncostedProblem['placements'][number]): string {
  return u.missing.map((m) => `${Phase[m.phase].label.toLowerCase()}${m.needs ? ` with primary need ${m.needs.join(', ')}` : ''}`).join('; ');
}

/** What cannot be believed, in words, without the figure itself. */
function problemWords(p: Problem): string {
  if (!('what' in p) && p.kind === 'uncosted') {
    const where = p.placements.map((u) => `${Placement[u.placement].label.toLowerCase()}${u.hasRows ? ` (${uncostedCells(u)})` : ''}`);
    const first = Math.min(...p.placements.map((u) => u.firstYear));
    return `plans in ${where.join(' and in ')} from January ${first} would have no unit cost: the unit-cost table has no row for them, so they would be costed at £0, left out of every spend total, and the deficit shown smaller`;
  }
  if (!('what' in p) && p.kind === 'opening')
    return (
      `the opening DSG balance, which the run works back from the table's balance at the end of ${financialYearLabel(p.fromFy)} over the modelled in-year balances, ` +
      `would rest on ${financialYearLabel(p.fy)}, whose High Needs block would be out of scale with the spend modelled for it (below ${pct(BLOCK_TO_SPEND[0])} or above ${pct(BLOCK_TO_SPEND[1])} of it)`
    );
  if ('what' in p) {
    const fy = financialYearLabel(p.fy);
    if (!Number.isFinite(p.value)) return `the ${p.what} of ${fy} cannot be worked out (the sums overflow)`;
    if (p.what === 'expenditure' && p.value < 0) return `the expenditure of ${fy} would come out below £0`;
    return `the ${p.what} of ${fy} would be beyond ${moneyCeiling()} either way, far more than any council’s High Needs block`;
  }
  if (p.kind === 'step')
    return p.ratio > 1
      ? `the number of EHC plans would grow by more than ${pct(STEP_MAX - 1)} in one year (to January ${p.year})`
      : `the number of EHC plans would fall by more than ${pct(1 - STEP_MIN)} in one year (to January ${p.year})`;
  if (p.kind === 'prevalence')
    return p.limit >= 1
      ? `the EHC plans in January ${p.year} would be more, in the range of outcomes, than all the children and young people aged 0 to 25 who live there`
      : `the EHC plans in January ${p.year} would be more than ${pct(p.limit)} of all the children and young people aged 0 to 25 who live there, several times any English LA’s share`;
  if (p.kind === 'cell') return `some group of EHC plans in January ${p.year} would come out below zero or not a number`;
  return `the number of EHC plans in January ${p.year} would come out ${Number.isFinite(p.value) ? 'below zero' : 'as no number at all'}`;
}

/**
 * Why the page shows no figures for the current variant: the lever value that makes it unbelievable (or the changes,
 * when no one lever was just moved), what cannot be believed, and what to do. `inRange`: the problem is in the
 * P10–P90 range rather than the central path.
 * @example variantRefused({ label: 'Yearly growth …', value: '1000%', loaded: '8.26%' }, [], problem, false).title
 */
export function variantRefused(
  lever: LeverSetting | undefined,
  otherChanges: readonly string[],
  problem: Problem,
  inRange: boolean,
): { title: string; text: string; fix: string } {
  const others = otherChanges.length ? `, with the other change${otherChanges.length === 1 ? '' : 's'} listed above` : '';
  const cause = lever
    ? `With “${lever.label}” at ${lever.value} (the scenario has ${lever.loaded})${others}`
    : otherChanges.length
      ? `With the changes made (${otherChanges.join('; ')})`
      : 'With the scenario as loaded';
  const where = inRange ? ' in the range of outcomes (P10 to P90)' : '';
  return {
    title: 'No figures for this variant',
    text: `${cause}, ${problemWords(problem)}${where}. Figures like these cannot be believed, and the highneeds run command refuses such a scenario too, so this page shows no numbers, charts or downloads for it.`,
    fix:
      (lever
        ? 'Move the lever back towards the value the scenario has, press Undo, or Reset to scenario.'
        : 'Press Undo, or Reset to scenario, or move the changed levers back.') + (!('what' in problem) && problem.kind === 'uncosted' ? ` ${uncostedFix(problem)}` : ''),
  };
}

/** What to add to the unit-cost table for the plans of an uncosted variant. */
function uncostedFix(p: UncostedProblem): string {
  const rows = p.placements.map((u) => `${u.placement}${u.hasRows ? ` (${uncostedCells(u)})` : ''}`);
  return `To explore it, add a row for ${rows.join(' and for ')} to the unit-cost table and run highneeds again (a council that pays nothing for those plans gives annual_cost_gbp 0).`;
}

/** The page refuses to download a variant it shows no figures for (the reason is on the page). */
export function downloadRefused(what: 'tables' | 'scenario'): string {
  return `No ${what === 'tables' ? 'tables' : 'scenario'} to download: this variant’s figures cannot be believed (see the note above the charts).`;
}

/**
 * The comment line of a downloaded scenario that says how to reproduce the page's figures: the run's LA and, for a
 * `run --demand-only` page, that flag, which the figures need. Without them the line ran the file on a release's
 * folder of 156 LAs as 'choose one with --la' (exit 2), and a demand-only page's YAML on a folder without money tables
 * stopped with exit 1 naming the missing tables.
 * @example reproduceWith('baseline-explorer', '886', false) // 'Reproduce with: highneeds run baseline-explorer.yaml --data <the same data folder> --la 886 --draws 0'
 */
export function reproduceWith(id: string, laCode: string, demandOnly: boolean): string {
  return `Reproduce with: highneeds run ${id}.yaml --data <the same data folder> --la ${laCode}${demandOnly ? ' --demand-only' : ''} --draws 0`;
}

/** Comment lines at the top of a scenario YAML whose figures the page would not show. */
export function yamlMarkedUnbelievable(text: string): string[] {
  return [
    'WARNING: the scenario explorer showed no figures for this variant, because they cannot be believed:',
    `  ${text}`,
  ];
}

/** A value a lever cannot take: outside what a scenario file accepts. Values in the units people type (2000%). */
export function leverOutOfRange(label: string, value: string, min: string, max: string, minExclusive: boolean): string {
  return `${label}: ${value} is outside what a scenario file accepts (${minExclusive ? `above ${min}, up to ${max}` : `${min} to ${max}`}); the lever is unchanged.`;
}

/** A value a lever cannot take: a year or a count of places that is not whole. */
export function leverNotWhole(label: string, value: string): string {
  return `${label}: ${value} is not a whole number; the lever is unchanged.`;
}

/** A value a lever cannot take: not a number. */
export function leverNotANumber(label: string, value: string): string {
  return `${label}: a number is needed, got ${value}; the lever is unchanged.`;
}

/** How far the page's figures, with no lever moved, are from the run's when small counts were suppressed. */
export interface SuppressionEffect {
  /** The census year whose total plans differ most (relative), with both totals; undefined when none differs. */
  plans?: { year: number; page: number; run: number };
  /** The financial year whose cumulative balance differs most, with both balances; undefined when none differs. */
  balance?: { fy: number; page: number; run: number };
  /** Expenditure in the year the statutory override ends, with the run's, where the pooled settings' prices move it by 0.5% or more. */
  spend?: { fy: number; page: number; run: number };
  /** The settings whose starting plans the page counts in another (suppress-input.ts placementPools). */
  pooled?: Array<{ into: Placement; from: Placement[]; band?: true }>;
}

/** A setting's name inside a sentence: 'state mainstream school', 'FE college, …' (an acronym kept). */
const settingName = (p: Placement): string => {
  const l = Placement[p].label;
  return /^[A-Z][a-z]/.test(l) ? l.charAt(0).toLowerCase() + l.slice(1) : l;
};

/** The sentence naming the settings pooled, and what it does to the money. */
function pooledWords(e: SuppressionEffect): string {
  const pools = (e.pooled ?? []).filter((p) => p.from.some((q) => q !== p.into));
  if (!pools.length) return '';
  const each = pools.map(
    (p) => ` The starting plans of ${p.from.filter((q) => q !== p.into).map(settingName).join('; ')} are counted with those of ${settingName(p.into)}${p.band ? " (the placement chart's grey band)" : ''}.`,
  );
  const spend = e.spend
    ? ` This moves expenditure in ${financialYearLabel(e.spend.fy)}, the year the statutory override ends, by ${fmtMoney(Math.abs(e.spend.page - e.spend.run))} (${fmtMoney(e.spend.page)} here, ${fmtMoney(e.spend.run)} in the run).`
    : '';
  return (
    ` The settings the workbook hides in January of the base year are pooled here, so that no setting's total is small or gives a hidden one back.` +
    `${each.join('')} Pooled plans are priced at the costs of the setting they are counted with.${spend}`
  );
}

const plansFig = (n: number): string => n.toLocaleString('en-GB', { minimumFractionDigits: Math.abs(n) < 100 ? 1 : 0, maximumFractionDigits: Math.abs(n) < 100 ? 1 : 0 });

/**
 * The page's note on small-count suppression: what was done and, measured, how far it moves the figures from the
 * run's (`run --draws 0`) with no lever moved.
 * @example suppressionNote(5, { plans: { year: 2024, page: 24.9, run: 20.4 } }) // '… total plans by up to 22.0% …'
 */
export function suppressionNote(threshold: number, e: SuppressionEffect): string {
  const what =
    `Small numbers are protected: no group of children in this file, and no total of them by setting, need or age, holds from 1 to ${threshold - 1}.${pooledWords(e)} Small groups of ` +
    `starting plans are merged with neighbouring ages or needs of the same setting (the total is kept)`;
  // the charts draw what the tables hide: a gap would read as no plans
  const shown =
    ` The tables, cards and the CSV download show a count of plans from 1 to ${threshold - 1} as ${SUPPRESSED}, and the CSV ` +
    `download a second count of a year's placements and groups as ${SUPPRESSED} too where its total would give one back by ` +
    `subtraction. The chart of ` +
    `plans by placement group draws the groups with fewer than ${threshold} plans in a year together in one grey band, ` +
    `as the report's chart does, so no small group's count is drawn; the chart of total plans draws every total, so the ` +
    `height of a small one shows its size only roughly, from the merged groups, and is not exact (its label reads ${SUPPRESSED}).`;
  const parts: string[] = [];
  if (e.plans) {
    const rel = Math.abs(e.plans.page - e.plans.run) / Math.max(Math.abs(e.plans.run), 1e-9);
    parts.push(`total EHC plans by up to ${(rel * 100).toFixed(1)}% (January ${e.plans.year}: ${countText(e.plans.page, threshold, plansFig)} here, ${countText(e.plans.run, threshold, plansFig)} in the run)`);
  }
  // in £k below £1m (fmtMoney): in £m a small council's difference of £38k read 'by up to £0.0m (… -£0.4m here, -£0.4m in the run)'
  if (e.balance) parts.push(`the cumulative DSG balance by up to ${fmtMoney(Math.abs(e.balance.page - e.balance.run))} (31 March ${e.balance.fy + 1}: ${fmtMoney(e.balance.page)} here, ${fmtMoney(e.balance.run)} in the run)`);
  if (!parts.length) return `${what}; with no lever moved, the figures here are still those of the run (--draws 0).${shown}`;
  return `${what}, so the figures here are not the run's: with no lever moved they differ from the run's (run --draws 0, as in its workbook) in ${parts.join(' and ')}. Use the workbook for the scenario as run, and this page for how a lever moves it.${shown}`;
}

/**
 * The heading of the run's notes at the top of the page (payload `notes`): the page showed the run's figures, a
 * history joined from a predecessor and a borrowed opening balance among them, with none of the notes `run` said on
 * stderr and wrote into the workbook.
 * @example runNotesHeading(1) // 'A note from the run that changes what these figures mean'
 */
export function runNotesHeading(n: number): string {
  return n === 1 ? 'A note from the run that changes what these figures mean' : `${n} notes from the run that change what these figures mean`;
}

/** Under the run's notes: where else they are, and that a lever moved leaves them standing. */
export const RUN_NOTES_WHERE = "They hold for every variant on this page; the workbook's Data quality sheet lists them with the rest of the run's checks.";

/**
 * The files the page's figures rest on, under its tables as the report lists them ('How this report was made'): a reader
 * of the page sees neither the report nor the workbook's Files loaded table, and a page from an older release looks the
 * same as one from the latest.
 * @example sourcesNote([{ path: 'data/sen2_age_caseload.csv', reader: 'ees-2022-age-caseload', rows: 803 }]) // 'Data loaded: data/sen2_age_caseload.csv (ees-2022-age-caseload, 803 rows).'
 */
export function sourcesNote(sources: ReadonlyArray<{ path: string; reader: string; rows: number }>): string {
  if (!sources.length) return '';
  return `Data loaded: ${sources.map((f) => `${f.path} (${f.reader}, ${f.rows.toLocaleString('en-GB')} ${f.rows === 1 ? 'row' : 'rows'})`).join('; ')}.`;
}

/**
 * A headline card's balance against the scenario as loaded (`d`: now − loaded, £). With small counts suppressed the
 * page's figures come from merged groups and are not the run's (`differsFromRun`): the card said 'as in the scenario'
 * beside a balance £38k from the report's (Isles of Scilly at 10), so it says which figures it compares.
 * @example cardDelta(0, true) // 'as loaded on this page, not the run's figure (small groups merged: see the note above)'
 */
export function cardDelta(d: number, differsFromRun: boolean): string {
  const scenario = differsFromRun ? 'the scenario as loaded on this page' : 'the scenario';
  if (Math.abs(d) >= 0.5) return `${fmtMoney(Math.abs(d))} ${d > 0 ? 'better' : 'worse'} than ${scenario}`;
  return differsFromRun ? "as loaded on this page, not the run's figure (small groups merged: see the note above)" : 'as in the scenario';
}

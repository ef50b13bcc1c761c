/**
 * Dated entries of a scenario that would never act in the run: a lever, a transition shift or a surge starting after
 * the last year the run projects, a surge over before the run starts, new places opening after it ends. Each ran
 * without a word: the user believed they had modelled a mitigation (or a surge, or a new school) that changed
 * nothing, and read the figures as if it had. Checked once the base year is known (the default comes from the
 * data), refused with the file, the key path, the years and what to do.
 *
 * The calendar is the engine's (docs/model.md "When a lever starts"): a run from base B over H years projects census
 * years B+1 … B+H, changed by what happens in the years beginning B … B+H−1, which are also the financial years the
 * budget prices; a capacity change counts places at its January census, B+1 … B+H (places at or before the base
 * census are open from the start, and do act).
 */
import { inputError, type Problem } from '../errors.ts';
import { surgePeakYear, surgeUplift } from '../model/levers/surge.ts';
import { scenarioMsg } from '../messages/index.ts';
import type { Scenario } from './schema.ts';

/** A surge whose uplift over the run (and in the data's last year) stays below this share of its peak has ended. */
export const SURGE_SPENT = 0.01;

/**
 * The entries of `scenario` that act in none of the years a run from `baseYear` projects, as located problems.
 * @example neverActing({ ...scenario, horizon_years: 3, mitigations: [{ name: 'Early help', start_year: 2030, … }] }, 2025)
 *          // [{ path: 'mitigations[0]', message: '… start_year 2030 is after the years the run changes (2025–2027) …' }]
 */
export function neverActing(scenario: Pick<Scenario, 'file' | 'horizon_years' | 'mitigations' | 'surges' | 'transition_shifts' | 'capacity'>, baseYear: number): Problem[] {
  const first = baseYear;
  const last = baseYear + scenario.horizon_years - 1;
  const run = { baseYear, horizon: scenario.horizon_years, first, last };
  const out: Problem[] = [];
  const add = (path: string, what: string, why: string, fix: string) => {
    const message = scenarioMsg.neverActs(scenario.file, path, what, why, fix, run);
    out.push({ file: scenario.file, path, message });
  };
  const tooLate = (path: string, what: string, start: number) =>
    add(path, what, `start_year ${start} is after the last year the run changes (${last})`, `move start_year to ${last} or earlier, or raise horizon_years to at least ${start - baseYear + 1}`);
  scenario.mitigations.forEach((m, i) => {
    if (m.start_year > last) tooLate(`mitigations[${i}]`, `lever '${m.name}'`, m.start_year);
  });
  scenario.transition_shifts.forEach((t, i) => {
    if (t.start_year > last) tooLate(`transition_shifts[${i}]`, `transition shift${t.name ? ` '${t.name}'` : ` ${t.transition} ${t.from}→${t.to}`}`, t.start_year);
  });
  scenario.surges.forEach((s, i) => {
    const path = `surges[${i}]`;
    if (s.start_year > last) return tooLate(path, `surge '${s.name}'`, s.start_year);
    if (s.peak_uplift === 0) return;
    // the run divides out the uplift already in the data (the year beginning B − 1) and adds the change from it
    let most = 0;
    for (let y = first - 1; y <= last; y++) most = Math.max(most, Math.abs(surgeUplift(s, y)));
    if (most < SURGE_SPENT * Math.abs(s.peak_uplift)) {
      add(
        path,
        `surge '${s.name}'`,
        `it peaks in ${surgePeakYear(s)} and, with a half-life of ${s.half_life_years} year${s.half_life_years === 1 ? '' : 's'}, is below ${SURGE_SPENT * 100}% of its peak from ${first - 1} on`,
        `date it in the years the run changes (a surge in the past is already in the data the rates are estimated from)`,
      );
    }
  });
  scenario.capacity.changes.forEach((c, i) => {
    if (c.year > last + 1)
      add(
        `capacity.changes[${i}]`,
        `${c.places.toLocaleString('en-GB')} ${c.placement} places`,
        `they open at the January ${c.year} census, after the last census the run projects (${last + 1})`,
        `move year to ${last + 1} or earlier, or raise horizon_years to at least ${c.year - baseYear}`,
      );
  });
  return out;
}

/** Throws an input error (exit 1) listing every entry of the scenario that would never act in the run. */
export function checkScenarioYears(scenario: Parameters<typeof neverActing>[0], baseYear: number): void {
  const problems = neverActing(scenario, baseYear);
  if (problems.length > 0) throw inputError(problems.map((p) => p.message).join('\n'), problems);
}

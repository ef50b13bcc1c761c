/**
 * When a run's figures can be believed: the thresholds and checks behind `run`'s sanity gates (gates.ts, which throws
 * with the CLI's messages) and the scenario explorer's refusal to show a variant (explorer/page/app.ts, compiled for
 * the browser, so this module uses no Node built-in). Pure: takes figures, returns the first problem or undefined.
 * Thresholds documented in docs/model.md, "Sanity checks".
 */
import type { BudgetResult } from '../budget/types.ts';
import type { UncostedPlacement } from '../budget/uncosted.ts';
import { cubeTotal } from '../model/cube.ts';
import type { Quantiles } from '../model/result.ts';
import { BASE_STEP } from '../model/base-step.ts';

/**
 * Largest and smallest plausible ratio of one year's central total to the year before: the band the January a forecast
 * starts from must keep too (model/base-step.ts, where it is set).
 */
export const STEP_MAX = BASE_STEP.max;
export const STEP_MIN = BASE_STEP.min;
/**
 * The largest share of an LA's population aged 0–25 the central total of plans (P50) may be: several times the share
 * of any English LA (England's plans were 2.7% of its people aged 0–25 in January 2022; on that release no LA's P50
 * ten years ahead passes 13%). A trend compounded over a long horizon passed it without a word (Kent from January
 * 2021, 30 years: P50 489,516 plans in January 2051 of 483,824 people aged 0–25, P90 1,001,893). No quantile (the
 * P90 of a wide range) may be more than the population itself.
 */
export const PREVALENCE_MAX = 0.2;
/**
 * The longest horizon (years after the base year) a projection may run with nothing to hold it: the model's trend is
 * undamped and its ranges are scored against outcomes only a few years ahead (the calibration's past origins; on the
 * published files to January 2022, at most five years ahead since the 2014 reforms), so further out
 * only the LA's people aged 0–25 (the PREVALENCE_MAX check) keep the plans within reason. Without them a trend
 * compounded for 30 years passed: `forecast --horizon 30` gave Kent from January 2021 a P50 of 489,513 and a P90 of
 * 1,008,542 plans in January 2051 (its people aged 0–25: 483,824), exit 0. `forecast` reads no population, so its
 * horizon stops here; `run` and `goal-seek` go further only on data with the LA's population.
 */
export const HORIZON_UNHELD_MAX = 10;
/**
 * The band of an LA's plans per person aged 0–25 (at a census both the plans and the population are known, else the
 * base year's plans against the population the run uses for it) outside which the population cannot be the LA's
 * number of people: every English LA on the real 2022 release with the ONS mid-2019 and mid-2020 estimates lies
 * between 0.56% (City of London, January 2022) and 4.60% (Torbay, January 2022); the band gives a margin of about ×5
 * either side (0.1% to 20%, PREVALENCE_MAX), while a population 1,000 times too large (figures already in persons
 * multiplied again) or too small (figures in thousands) puts any of those LAs beyond ×100 outside it. Documented in
 * docs/inputs.md, "Population".
 */
export const PLANS_PER_PERSON_MIN = 0.001;
/**
 * Above every English LA's plans per person aged 0–25 (4.60%, Torbay, January 2022; the band above): a base year beyond
 * it is named by the prevalence stop of a later year, which would otherwise put a population too small down to growth.
 */
export const PLANS_PER_PERSON_SEEN_MAX = 0.05;
export const PLANS_PER_PERSON_MAX = PREVALENCE_MAX;

/** An LA's plans at a census year and its people aged 0–25 there (from the population of census `populationYear`). */
export interface PopulationScaleProblem {
  year: number;
  populationYear: number;
  plans: number;
  population: number;
  /** plans / population, outside PLANS_PER_PERSON_MIN–PLANS_PER_PERSON_MAX. */
  ratio: number;
}

/**
 * The first census year up to `baseYear` whose plans are outside PLANS_PER_PERSON_MIN–PLANS_PER_PERSON_MAX of the
 * people aged 0–25 given for that year (`population`: census year → the sum of ages 0–25); where no such year has
 * both, the base year's plans against the population the run uses for it (the latest at or before it, else the first).
 * @example populationScaleProblem({ 2021: 17000 }, { 2021: 480_000_000 }, 2021) // { year: 2021, ratio: 0.0000354, … }
 */
export function populationScaleProblem(plans: Readonly<Record<number, number>>, population: Readonly<Record<number, number>>, baseYear: number): PopulationScaleProblem | undefined {
  const popYears = Object.keys(population).map(Number).sort((a, b) => a - b);
  if (popYears.length === 0) return undefined;
  const pairs = Object.keys(plans)
    .map(Number)
    .filter((y) => y <= baseYear && population[y] !== undefined)
    .sort((a, b) => a - b)
    .map((y) => [y, y] as const);
  if (pairs.length === 0 && plans[baseYear] !== undefined) pairs.push([baseYear, popYears.filter((y) => y <= baseYear).pop() ?? popYears[0]!]);
  for (const [year, populationYear] of pairs) {
    const n = plans[year]!;
    const people = population[populationYear]!;
    if (!(n > 0) || !(people > 0)) continue;
    const ratio = n / people;
    if (ratio < PLANS_PER_PERSON_MIN || ratio > PLANS_PER_PERSON_MAX) return { year, populationYear, plans: n, population: people, ratio };
  }
  return undefined;
}

/**
 * The largest step, either way, of an LA's people aged 0–25 from one mid-year to the next that can be its population
 * (a step of `g` years may be this to the power `g`): every English LA's moved by ×0.976 (Lambeth) to ×1.036
 * (Westminster) from mid-2019 to mid-2020 in the ONS estimates, City of London's, the smallest, by ×1.185; a table of
 * one sex read as persons (×0.5), males, females and persons all counted (×2), another geography or units are far
 * beyond it. Documented in docs/inputs.md, "Population".
 */
export const POPULATION_STEP_MAX = 4 / 3;

/** Two years of an LA's population whose people aged 0–25 step by more than POPULATION_STEP_MAX a year. */
export interface PopulationStepProblem {
  /** Census years (the mid-year is a year earlier). */
  from: number;
  to: number;
  before: number;
  after: number;
  /** after / before. */
  ratio: number;
}

/**
 * The first two consecutive census years of `people` (census year → the sum of ages 0–25) whose step is beyond
 * POPULATION_STEP_MAX (raised to the number of years between them) either way.
 * @example populationStepProblem({ 2021: 480_000, 2022: 240_000 }) // { from: 2021, to: 2022, ratio: 0.5, … }
 */
export function populationStepProblem(people: Readonly<Record<number, number>>): PopulationStepProblem | undefined {
  const years = Object.keys(people).map(Number).filter((y) => people[y]! > 0).sort((a, b) => a - b);
  for (let i = 1; i < years.length; i++) {
    const [from, to] = [years[i - 1]!, years[i]!];
    const ratio = people[to]! / people[from]!;
    const limit = POPULATION_STEP_MAX ** (to - from);
    if (ratio > limit || ratio < 1 / limit) return { from, to, before: people[from]!, after: people[to]!, ratio };
  }
  return undefined;
}

/**
 * How an LA's people aged 0–25 move a year across the years `people` gives (each step between two given years as a
 * yearly factor): the smallest and largest, and the first and last year; undefined for fewer than two years. A range
 * near ×1 says the population files agree with each other, so a population out of line with the plans is out in every
 * file alike (a table of one sex, another area), not in one year's.
 * @example populationStepRange({ 2020: 240_000, 2021: 241_900 }) // { from: 2020, to: 2021, min: 1.0079…, max: 1.0079… }
 */
export function populationStepRange(people: Readonly<Record<number, number>>): { from: number; to: number; min: number; max: number } | undefined {
  const years = Object.keys(people).map(Number).filter((y) => people[y]! > 0).sort((a, b) => a - b);
  if (years.length < 2) return undefined;
  const steps = years.slice(1).map((y, i) => (people[y]! / people[years[i]!]!) ** (1 / (y - years[i]!)));
  return { from: years[0]!, to: years[years.length - 1]!, min: Math.min(...steps), max: Math.max(...steps) };
}

/** The largest money figure (in pounds, either sign) a run believes: far beyond any council's High Needs block. */
export const MONEY_MAX = 1e12;

/** Why a projection cannot be believed, at the first census year where it cannot. */
export type ProjectionProblem =
  /** A projected total (P10, P50 or P90) that is not a finite number of 0 or more. */
  | { kind: 'total'; year: number; value: number }
  /** A cell (age × need × placement) of the central path that is negative or not a number. */
  | { kind: 'cell'; year: number }
  /** The central total moves by more than ×STEP_MAX (or less than ×STEP_MIN) from the year before. */
  | { kind: 'step'; year: number; plans: number; before: number; ratio: number }
  /** The P90 above the population aged 0–25 that year (limit 1), or the P50 above PREVALENCE_MAX of it (limit 0.2). */
  | { kind: 'prevalence'; year: number; plans: number; population: number; quantile: 'P50' | 'P90'; limit: number };

/**
 * Plans in a placement the block pays for that no unit-cost row prices (budget/uncosted.ts): costed at £0 they would be
 * left out of every spend total (`run` refuses them: gates.ts checkUnitCostCoverage).
 */
export interface UncostedProblem {
  kind: 'uncosted';
  placements: UncostedPlacement[];
}

/**
 * An opening balance worked back (from the table's balance at the end of `fromFy`, a projected year, to the end of
 * `openingFy`) over a year `fy` whose High Needs block is out of scale with its modelled spend (budget/income.ts
 * BLOCK_TO_SPEND): the balance is that mismatch, not a finding (run-budget.ts anchorOpening).
 */
export interface OpeningProblem {
  kind: 'opening';
  openingFy: number;
  fromFy: number;
  opening: number;
  fromBalance: number;
  fy: number;
  hnBlock: number;
  expenditure: number;
}

/**
 * The budget's opening balance when it is worked back over a year whose block is out of scale with its spend.
 * @example openingProblem(runBudget({ … block typed in £ thousands, opening table for a projected year … })) // { kind: 'opening', fy: 2022, … }
 */
export function openingProblem(
  b: Pick<BudgetResult, 'openingBalance' | 'openingBalanceFy' | 'openingBalanceFromFy' | 'openingBalanceOutOfScale' | 'lines'>,
): OpeningProblem | undefined {
  const off = b.openingBalanceOutOfScale;
  const fromFy = b.openingBalanceFromFy;
  if (!off || fromFy === undefined) return undefined;
  const fromBalance = b.lines.find((l) => l.fy === fromFy)?.cumulativeBalance ?? NaN;
  return { kind: 'opening', openingFy: b.openingBalanceFy, fromFy, opening: b.openingBalance, fromBalance, ...off };
}

/** The money figures of a budget the gate looks at, one entry per financial year. */
export type MoneyFigure = 'expenditure' | 'in-year balance' | 'cumulative balance at 31 March';

/** Why a budget cannot be believed, at the first financial year (and figure) where it cannot. */
export interface BudgetProblem {
  fy: number;
  what: MoneyFigure;
  value: number;
}

/**
 * The first reason a projection cannot be believed: every total (P10, P50, P90) finite and not below 0, every cell
 * of `central` (when given) finite and not below 0, the central total moving by ×STEP_MIN to ×STEP_MAX a year, and
 * (when `population` gives the LA's people aged 0–25 by year, from the data) a P50 of at most PREVALENCE_MAX of them and
 * a P90 of at most all of them.
 * @example projectionProblem({ years: [2025, 2026], totals, central }) // { kind: 'step', year: 2026, … } for a jump of ×1.6
 */
export function projectionProblem(p: {
  years: readonly number[];
  totals: readonly Quantiles[];
  central?: readonly Float64Array[];
  population?: ReadonlyArray<number | undefined>;
}): ProjectionProblem | undefined {
  for (let i = 0; i < p.years.length; i++) {
    const year = p.years[i]!;
    const q = p.totals[i];
    if (q) for (const v of [q.p10, q.p50, q.p90]) if (!Number.isFinite(v) || v < 0) return { kind: 'total', year, value: v };
    const pop = p.population?.[i];
    if (q && pop !== undefined && pop > 0) {
      if (q.p90 > pop) return { kind: 'prevalence', year, plans: q.p90, population: pop, quantile: 'P90', limit: 1 };
      if (q.p50 > PREVALENCE_MAX * pop) return { kind: 'prevalence', year, plans: q.p50, population: pop, quantile: 'P50', limit: PREVALENCE_MAX };
    }
    const cube = p.central?.[i];
    if (!cube) continue;
    if (cube.some((v) => !Number.isFinite(v) || v < 0)) return { kind: 'cell', year };
    if (i === 0) continue;
    const step = stepProblem(year, cubeTotal(p.central![i - 1]!), cubeTotal(cube));
    if (step) return step;
  }
  return undefined;
}

/**
 * The step from `before` plans to `plans` a year later, when it is beyond ×STEP_MIN–×STEP_MAX (from 0 plans, any
 * rise is).
 * @example stepProblem(2023, 23, 8) // { kind: 'step', year: 2023, plans: 8, before: 23, ratio: 0.35 }
 */
export function stepProblem(year: number, before: number, plans: number): Extract<ProjectionProblem, { kind: 'step' }> | undefined {
  const ratio = before > 0 ? plans / before : plans > 0 ? Infinity : 1;
  return ratio > STEP_MAX || ratio < STEP_MIN ? { kind: 'step', year, plans, before, ratio } : undefined;
}

/** Whether a money figure cannot be believed: not finite, beyond ±MONEY_MAX, or an expenditure below £0. */
function moneyImplausible(what: MoneyFigure, v: number): boolean {
  return !Number.isFinite(v) || Math.abs(v) > MONEY_MAX || (what === 'expenditure' && v < 0);
}

/**
 * The first money figure of a budget (P10, P50 or P90 of expenditure, in-year and cumulative balance, year by year)
 * that cannot be believed (moneyImplausible).
 * @example budgetProblem({ financialYears: [2025], expenditure: [{ p10: -5, p50: 1, p90: 2 }], inYear: [], cumulative: [] }) // { fy: 2025, what: 'expenditure', value: -5 }
 */
export function budgetProblem(b: {
  financialYears: readonly number[];
  expenditure: ReadonlyArray<Quantiles | undefined>;
  inYear: ReadonlyArray<Quantiles | undefined>;
  cumulative: ReadonlyArray<Quantiles | undefined>;
}): BudgetProblem | undefined {
  for (let i = 0; i < b.financialYears.length; i++) {
    const figures: Array<[MoneyFigure, Quantiles | undefined]> = [
      ['expenditure', b.expenditure[i]],
      ['in-year balance', b.inYear[i]],
      ['cumulative balance at 31 March', b.cumulative[i]],
    ];
    for (const [what, q] of figures) {
      if (!q) continue;
      for (const v of [q.p10, q.p50, q.p90]) if (moneyImplausible(what, v)) return { fy: b.financialYears[i]!, what, value: v };
    }
  }
  return undefined;
}

/**
 * The scenario file schema (docs/scenarios.md; docs/model.md "Scenario levers", docs/budget.md). The zod schema is the
 * source of truth for the TypeScript type. Unknown keys are errors (with the nearest valid key suggested).
 * Validation and `extends:` resolution live in load.ts; messages in src/messages/scenario.ts.
 */
import { z } from 'zod';
import { DEFAULT_CHANGE_MONTH, NEEDS, PHASES, PLACEMENTS, TRANSITION_POINTS } from '../domain/index.ts';
import { readMoney, readRate } from '../etl/csv/values.ts';
import { COST, EFFECT, HALF_LIFE, MAX_MITIGATIONS, MONEY, NET_MIGRATION, PLACES, RAMP_YEARS, RATE, SHARE, UPLIFT, YEAR, type Bounds } from './limits.ts';
import { GENERAL_INFLATION_KEYS, inflationKey } from '../budget/prices.ts';
import { nearest } from '../util/suggest.ts';
import { textTooLong, tooManyMitigations } from '../messages/scenario.ts';
import { controlCharIn, LONGEST_DESCRIPTION, LONGEST_NAME, LONGEST_PATH } from '../util/bounded-text.ts';
import { textWithoutControl } from '../messages/names.ts';

/**
 * A name or description as a person writes it, of bounded length: a name of 40,000 characters was written into a
 * workbook cell, whose limit is 32,767, and Excel opened the workbook only after repairing it.
 */
const bounded = (what: 'a name' | 'a description', longest: number) =>
  z
    .string()
    .max(longest, { error: textTooLong(what, longest) })
    .superRefine((s, ctx) => {
      const control = controlCharIn(s);
      if (control) ctx.addIssue({ code: 'custom', message: textWithoutControl(what, control) });
    });
const label = bounded('a name', LONGEST_NAME);
const prose = bounded('a description', LONGEST_DESCRIPTION);

const placement = z.enum(PLACEMENTS as [string, ...string[]]);
const need = z.enum(NEEDS as [string, ...string[]]);
const phase = z.enum(PHASES as [string, ...string[]]);
const transition = z.enum(TRANSITION_POINTS as [string, ...string[]]);
const year = z.number().int().min(YEAR.min).max(YEAR.max);
/** What a rate may be written as: said in the message when a rate cannot be read. */
export const RATE_EXPECTED = 'a rate such as 0.05 or 5%';

/** A message for a value of the wrong kind only (a value out of range keeps its bounds in the message). */
function typeError(expected: string) {
  return (issue: { code?: string }) => (issue.code === 'invalid_type' ? expected : undefined);
}

/** A number that may be written as a percentage (`5%` = 0.05) or a fraction (`0.05`): rates, shares, effects. */
function fraction(b: Bounds) {
  return z.preprocess(readRate, z.number({ error: typeError(RATE_EXPECTED) }).min(b.min).max(b.max));
}
/**
 * A yearly rate that compounds (growth, inflation, drift): above −100%, since a figure is deflated to a year before
 * its table by dividing by (1 + rate) to a power, and at −100% that divides by 0 (a block of £Infinity).
 */
const rate = z.preprocess(readRate, z.number({ error: typeError(RATE_EXPECTED) }).gt(RATE.min).max(RATE.max));
/**
 * Pounds: a number, or text such as `£640,000` or `-£640,000` (read as an own table's money cell is), within the
 * ceiling of any input amount (values.ts): a yearly cost of 1e308 would overflow the budget's sums into Infinity.
 */
function money(b: Bounds = MONEY) {
  return z.preprocess(readMoney, z.number({ error: typeError('an amount in pounds such as 640000 or £640,000') }).min(b.min).max(b.max));
}
const share = fraction(SHARE);
const age = z.number().int().min(0).max(25);

/** Who a surge or lever targets; all given filters must match (an empty target = everyone). */
export const Target = z
  .object({
    ages: z.array(age).optional(),
    phases: z.array(phase).optional(),
    transitions: z.array(transition).optional(),
    /** Birth cohorts by the census year in which they were a given age: e.g. aged 0–4 in 2021. */
    cohorts: z.object({ ages: z.array(age), in_census_year: year }).strict().optional(),
    needs: z.array(need).optional(),
  })
  .strict();

/** The range every output is labelled with: P10, P50, P90 (cli.md fixes the JSON keys p10/p50/p90). */
export const PUBLISHED_QUANTILES = [0.1, 0.5, 0.9] as const;
const QUANTILES_FIXED =
  '[0.1, 0.5, 0.9] (or leave the key out): the range is published as P10, P50 and P90 — the p10/p50/p90 keys of run --json, fixed by docs/cli.md, and every label of the workbook, report, charts and explorer — so other levels would be shown under those names';

export const Surge = z
  .object({
    name: label,
    /** Multiplier on incidence at the peak: 0.25 = +25%. */
    peak_uplift: fraction(UPLIFT),
    start_year: year,
    peak_year: year,
    /** Years for the uplift to halve after the peak. */
    half_life_years: z.number().gt(HALF_LIFE.min).max(HALF_LIFE.max).default(2),
    target: Target.default({}),
  })
  .strict();

export const TransitionShift = z
  .object({
    name: label.optional(),
    transition: transition,
    from: placement,
    to: placement,
    /** Share of moves into `from` at this transition redirected to `to`. */
    share: share,
    start_year: year,
  })
  .strict();

export const MitigationKind = z.enum([
  'fewer_requests',
  'lower_conversion',
  'more_ceasing',
  'placement_shift',
  'unit_cost_change',
]);

export const Mitigation = z
  .object({
    name: label,
    kind: MitigationKind,
    /** Effect at full delivery: 0.1 = 10% fewer new plans / 10% more ceasing / 10% of moves shifted / 10% lower cost. */
    effect: fraction(EFFECT),
    start_year: year,
    /** Years to reach full effect (linear ramp); 0 = immediately. */
    ramp_years: z.number().min(RAMP_YEARS.min).max(RAMP_YEARS.max).default(0),
    /** Share of the planned effect actually delivered (recovery plans often deliver less). */
    delivery: share.default(1),
    /** Yearly cost of delivering the lever, GBP at the prices of the base financial year (budget/path.ts deliveryCost), from start_year. */
    cost_gbp_per_year: money(COST).default(0),
    target: Target.default({}),
    /** For placement_shift: moves into `from` redirected to `to`. For unit_cost_change: placements affected. */
    from: placement.optional(),
    to: placement.optional(),
    placements: z.array(placement).optional(),
  })
  .strict()
  // a placement_shift without both ends (or with one placement at both) moves nothing: without this it ran as a
  // lever of no effect, listed with its delivery cost and £0 saved
  .superRefine((m, ctx) => {
    if (m.kind !== 'placement_shift') return;
    for (const end of ['from', 'to'] as const)
      if (m[end] === undefined) ctx.addIssue({ code: 'custom', path: [end], message: `a placement code: a placement_shift moves plans ${end === 'from' ? 'from' : 'to'} a placement` });
    if (m.from !== undefined && m.from === m.to) ctx.addIssue({ code: 'custom', path: ['to'], message: `a placement other than 'from' (${m.from}): a shift to the same placement moves nothing` });
  });

export const CapacityChange = z
  .object({
    placement: placement,
    /** Census year from which the places exist (funded from the financial year that census falls in). */
    year: year,
    /** Places opened (or closed, below 0), within ±MAX_PLACE_CHANGE (limits.ts). */
    places: z.number().int().min(PLACES.min).max(PLACES.max),
    /** Place funding per place (default: the placement's rate in the places table, else the national rate). */
    place_rate_gbp: money(COST).optional(),
    /** One-off capital cost of creating the places, in the year they are first funded (outside the block). */
    capital_cost_gbp: money(COST).optional(),
  })
  .strict();

/**
 * Each lever's own name: the budget prices each lever alone under its name (mitigations.ts `solo`), and the
 * Mitigations sheet, the explorer and `goal-seek --lever` tell levers apart by it; two levers of one name shared one
 * lever's saving, and an empty name cannot be asked for.
 */
function uniqueLeverNames(levers: ReadonlyArray<{ name: string }>, ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  levers.forEach((m, i) => {
    const key = m.name.trim().toLowerCase();
    if (key === '') return ctx.addIssue({ code: 'custom', path: [i, 'name'], message: 'a name for the lever (the Mitigations sheet and goal-seek --lever use it)' });
    const first = seen.get(key);
    if (first !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `a name of its own: mitigations[${first}] is already called '${levers[first]!.name}'` });
    else seen.set(key, i);
  });
}

export const ScenarioSchema = z
  .object({
    // what an id may be is checked by ids.ts (checkScenarioId), in words that say what to do; a pattern here gave
    // "expected Invalid string: must match pattern /^[A-Za-z0-9_.-]+$/" for an id with a space
    id: z.string().optional(),
    name: label.optional(),
    description: prose.optional(),
    extends: z.string().optional(),
    base_year: year.optional(),
    horizon_years: z.number().int().min(1).max(30).default(10),
    transition_ages: z.partialRecord(transition, age).optional(),
    projection: z
      .object({
        /** Years of history used to estimate rates and trend. */
        window_years: z.number().int().min(1).max(15).optional(),
        /** Yearly damping of the incidence trend towards its long-run rate (0 = none, 1 = none after one year). */
        trend_damping: share.optional(),
        /** Long-run growth of incidence that the trend decays to. */
        long_run_growth: rate.optional(),
        /** Override the estimated incidence trend (yearly growth). */
        incidence_growth: rate.optional(),
        /** Use the requests → assessments → plans pipeline where requests data exist. */
        pipeline: z.boolean().optional(),
        /** Net migration of plans per year as a share of the stock (+ = net inflow). */
        net_migration_rate: fraction(NET_MIGRATION).optional(),
      })
      .strict()
      .default({}),
    surges: z.array(Surge).default([]),
    transition_shifts: z.array(TransitionShift).default([]),
    mitigations: z.array(Mitigation).max(MAX_MITIGATIONS, tooManyMitigations(MAX_MITIGATIONS)).default([]).superRefine(uniqueLeverNames),
    capacity: z
      .object({
        /** Use the places table as capacity. */
        from_places_table: z.boolean().default(false),
        changes: z.array(CapacityChange).default([]),
        /** Where arrivals beyond capacity go, per placement. */
        overflow: z.partialRecord(placement, placement).default({ SSM: 'ISS', SSA: 'ISS', RP: 'SSA' }),
      })
      .strict()
      .default({ from_places_table: false, changes: [], overflow: { SSM: 'ISS', SSA: 'ISS', RP: 'SSA' } }),
    population: z
      .object({
        /** Override population growth per year for ages 0–25 (replaces the projection). */
        growth: rate.optional(),
      })
      .strict()
      .default({}),
    costs: z
      .object({
        /** Yearly inflation: one rate, per placement, or per financial year (`2026-27: 0.02`). */
        inflation: z
          .union([rate, z.record(z.string(), rate)], { error: `${RATE_EXPECTED}, or rates by placement or financial year (\`ISS: 4%\`, \`2026-27: 0.02\`)` })
          .default(0.03),
        /** Yearly complexity drift on top-ups, per placement. */
        complexity_drift: z.partialRecord(placement, rate).default({}),
        /** Month placements change (9 = September gives 5/12 + 7/12). */
        change_month: z.number().int().min(1).max(12).default(DEFAULT_CHANGE_MONTH),
        /** Scale unit costs so the base financial year matches the Section 251 outturn table, when one is loaded. */
        reconcile_to_outturn: z.boolean().default(true),
      })
      .strict()
      .superRefine((costs, ctx) => {
        if (typeof costs.inflation !== 'object') return;
        for (const key of Object.keys(costs.inflation)) {
          if (inflationKey(key) !== undefined) continue;
          const near = nearest(key.trim().toUpperCase(), [...PLACEMENTS, ...GENERAL_INFLATION_KEYS]);
          ctx.addIssue({ code: 'custom', path: ['inflation', key], message: `a key that is a placement code (ISS), a financial year (2026-27) or 'default'${near ? ` (did you mean '${near}'?)` : ''}` });
        }
      })
      .default({ inflation: 0.03, complexity_drift: {}, change_month: DEFAULT_CHANGE_MONTH, reconcile_to_outturn: true }),
    funding: z
      .object({
        /** Yearly growth of the High Needs block after the last year in the funding table. */
        growth: rate.default(0.03),
        schools_block_transfer_gbp: money().optional(),
        schools_block_gbp: money().optional(),
        /** Income columns carried forward flat past their last year (by default none is: income has dates). */
        carry_forward: z.array(z.enum(['other_income_gbp', 'import_export_adjustment_gbp'])).default([]),
      })
      .strict()
      .default({ growth: 0.03, carry_forward: [] }),
    deficit: z
      .object({
        /** Yearly interest on the negative DSG cash balance, charged to the general fund (not the block). */
        interest_rate: share.default(0.045),
      })
      .strict()
      .default({ interest_rate: 0.045 }),
    uncertainty: z
      .object({
        // low, central, high: reversed ([0.9, 0.5, 0.1]) every 'P10' written would hold the 90th percentile. Only the
        // levels the outputs are named for: run --json's keys p10/p50/p90 are fixed by the contract (cli.md) and
        // every label of the workbook, report, charts and explorer says P10/P50/P90, so [0.05, 0.5, 0.95] put the
        // 5th percentile under 'P10' everywhere
        quantiles: z
          .tuple([share, share, share])
          .refine(([lo, mid, hi]) => lo < mid && mid < hi, { message: 'three shares in increasing order, such as [0.1, 0.5, 0.9]' })
          .refine((q) => q.every((v, i) => Math.abs(v - PUBLISHED_QUANTILES[i]!) < 1e-9), { message: QUANTILES_FIXED })
          .default([0.1, 0.5, 0.9]),
        /** Yearly standard deviation of price inflation drawn around costs.inflation (0 = no price risk). */
        inflation_sd: fraction({ min: 0, max: 0.5 }).default(0.01),
        /** Yearly standard deviation of complexity drift drawn around costs.complexity_drift (default: half of inflation_sd). */
        drift_sd: fraction({ min: 0, max: 0.5 }).optional(),
      })
      .strict()
      .default({ quantiles: [0.1, 0.5, 0.9], inflation_sd: 0.01 }),
    sensitivity: z
      .object({
        growth: fraction(UPLIFT).default(0.02),
        inflation: fraction(UPLIFT).default(0.01),
        iss_share: fraction(UPLIFT).default(0.1),
        ceasing_16_19: fraction(UPLIFT).default(0.1),
        unit_costs: fraction(UPLIFT).default(0.05),
        funding_growth: fraction(UPLIFT).default(0.01),
      })
      .strict()
      .default({ growth: 0.02, inflation: 0.01, iss_share: 0.1, ceasing_16_19: 0.1, unit_costs: 0.05, funding_growth: 0.01 }),
    /** Written by `highneeds goal-seek`: what was sought and found (shown in the workbook and report). */
    goal_seek: z
      .object({
        // shown in the workbook and the report, as names are (a 40,000-character one passed a workbook cell's limit)
        lever: label,
        target: label,
        // goal-seek searches effects from 0 to 1; unbounded, an edited 1e308 reached the report as 'Infinity%'
        effect: z.number().min(0).max(1),
        achieved_gbp: z.number().min(MONEY.min).max(MONEY.max),
        probability_met: z.number().min(0).max(1).optional(),
        draws: z.number().int().min(0).optional(),
        from_scenario: z.string().max(LONGEST_PATH, { error: textTooLong('a file path', LONGEST_PATH) }).optional(),
      })
      .strict()
      .optional(),
    report: z
      .object({
        suppress_small_counts: z.boolean().default(false),
        suppression_threshold: z.number().int().min(1).default(5),
        csv_export: z.boolean().default(false),
      })
      .strict()
      .default({ suppress_small_counts: false, suppression_threshold: 5, csv_export: false }),
  })
  .strict();

export type ScenarioInput = z.input<typeof ScenarioSchema>;
/** A scenario file as read: the SHA-256 of its own bytes. */
export interface ScenarioFileHash {
  file: string;
  sha256: string;
}
/**
 * A validated scenario: `sha256` is that of the file's own bytes; `extended` lists the files it `extends:` (nearest
 * first), each with its own, when it extends any.
 */
export type Scenario = z.output<typeof ScenarioSchema> & { id: string; name: string; file: string; sha256: string; extended?: ScenarioFileHash[] };
export type Surge = z.output<typeof Surge>;
export type Mitigation = z.output<typeof Mitigation>;
export type TransitionShift = z.output<typeof TransitionShift>;
export type Target = z.output<typeof Target>;

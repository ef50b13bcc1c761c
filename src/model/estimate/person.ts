/**
 * The person-level route into Rates (model.md "Estimation"), from SEN2 returns linked across years:
 *
 *   linkedMoves (Y → Y+1) ──► continuation by age (transfers out excluded), cease reasons, move matrices
 *   newPlansCube / population ──► incidence by age, new-plan mix by age × need × placement
 *   stockCube residuals ──► net migration (transfers in − transfers out) by age
 *   newPlansTotal ──► trend (aggregate.ts newPlanTrend: pooled, damped)
 *
 * Small cells are smoothed with Beta / Gamma / Dirichlet priors whose means pool neighbouring ages (of the same
 * phase; transition ages only with themselves), the LA's own all-age rate, and national shapes when a national
 * dataset is passed. Every number comes from the datasets passed in.
 */
import {
  DEFAULT_TRANSITION_AGES,
  N_AGES,
  N_NEEDS,
  N_PLACEMENTS,
  isPlacement,
  phaseOfAge,
  placementIndex,
  transitionAt,
  type TransitionAges,
} from '../../domain/index.ts';
import type { LaDataset } from '../dataset.ts';
import { cubeByAge } from '../cube.ts';
import { populationAt } from '../levers/population.ts';
import { emptyRates, N_CEASE_REASONS, type Rates, type TrendEstimate } from '../rates.ts';
import { newPlanTrend } from './aggregate.ts';
import { betaPosteriorMean, dirichletPosteriorMean, gammaPosteriorRate, pooledRatio } from './smooth.ts';

const NP = N_PLACEMENTS;
const NNP = N_NEEDS * NP;

export interface PersonOptions {
  /** Census year the rates step from (default: the latest census with a stock cube). */
  baseYear?: number;
  /** Years of linked moves and new plans pooled (default 3). */
  windowYears?: number;
  /** England's (or a comparator's) dataset: its shapes are the priors. */
  national?: LaDataset;
  transitionAges?: TransitionAges;
  /** Prior strengths in pseudo-observations. */
  strength?: Partial<Record<'continuation' | 'reasons' | 'moves' | 'incidence' | 'mix' | 'migration', number>>;
  /** A trend estimated elsewhere (e.g. pooled across LAs); default: newPlanTrend of this dataset. */
  trend?: TrendEstimate;
}

const DEFAULT_STRENGTH = { continuation: 10, reasons: 5, moves: 10, incidence: 5, mix: 10, migration: 20 };

/** Raw counts from linked moves and new-plan cubes over the window. */
interface Counts {
  n: Float64Array;
  transfers: Float64Array;
  ceased: Float64Array;
  reasons: Float64Array;
  moves: Float64Array;
  newPlans: Float64Array;
  newByAge: Float64Array;
  exposure: Float64Array;
  latestNew: Float64Array;
  latestPop: Float64Array;
  migNum: Float64Array;
  migDen: Float64Array;
  fromYears: number[];
  flowYears: number[];
  hasPopulation: boolean;
}

function count(ds: LaDataset, base: number, window: number): Counts {
  const c: Counts = {
    n: new Float64Array(N_AGES),
    transfers: new Float64Array(N_AGES),
    ceased: new Float64Array(N_AGES),
    reasons: new Float64Array(N_AGES * N_CEASE_REASONS),
    moves: new Float64Array(N_AGES * NP * NP),
    newPlans: new Float64Array(N_AGES * NNP),
    newByAge: new Float64Array(N_AGES),
    exposure: new Float64Array(N_AGES),
    latestNew: new Float64Array(N_AGES),
    latestPop: new Float64Array(N_AGES),
    migNum: new Float64Array(N_AGES),
    migDen: new Float64Array(N_AGES),
    fromYears: [],
    flowYears: [],
    hasPopulation: Object.keys(ds.population).length > 0,
  };
  const fromYears = new Set<number>();
  const contInto = new Map<number, Float64Array>();
  for (const m of ds.linkedMoves) {
    if (m.fromYear + 1 > base || m.fromYear < base - window || m.age < 0 || m.age >= N_AGES) continue;
    fromYears.add(m.fromYear);
    const a = m.age;
    c.n[a]! += m.count;
    if (m.to === 'TRANSFERRED_OUT') c.transfers[a]! += m.count;
    else if (m.to === 'CEASED') {
      c.ceased[a]! += m.count;
      const r = m.ceaseReason !== undefined && m.ceaseReason > 0 && m.ceaseReason < N_CEASE_REASONS ? m.ceaseReason : 0;
      c.reasons[a * N_CEASE_REASONS + r]! += m.count;
    } else if (isPlacement(m.to) && a < N_AGES - 1) {
      c.moves[(a * NP + placementIndex(m.from)) * NP + placementIndex(m.to)]! += m.count;
      let ci = contInto.get(m.fromYear);
      if (!ci) contInto.set(m.fromYear, (ci = new Float64Array(N_AGES)));
      ci[a + 1]! += m.count;
    }
  }
  c.fromYears = [...fromYears].sort((a, b) => a - b);
  // new plans: flow year fy appears at census fy + 1
  for (let fy = base - window; fy <= base - 1; fy++) {
    const cube = ds.newPlansCube[fy];
    if (!cube) continue;
    c.flowYears.push(fy);
    const pop = c.hasPopulation ? populationAt(ds.population, fy + 1, base) : new Float64Array(N_AGES).fill(1);
    for (let i = 0; i < cube.length; i++) c.newPlans[i]! += cube[i]!;
    const byAge = cubeByAge(cube);
    for (let b = 0; b < N_AGES; b++) {
      c.newByAge[b]! += byAge[b]!;
      c.exposure[b]! += pop[b]!;
      if (fy === base - 1) {
        c.latestNew[b] = byAge[b]!;
        c.latestPop[b] = pop[b]!;
      }
    }
  }
  // net migration: transfers in (stock not explained by continuing plans or new plans) − transfers out
  for (const y of c.fromYears) {
    const now = ds.stockCube[y];
    const next = ds.stockCube[y + 1];
    if (!now || !next) continue;
    const sNow = cubeByAge(now);
    const sNext = cubeByAge(next);
    const newNext = ds.newPlansCube[y] ? cubeByAge(ds.newPlansCube[y]) : new Float64Array(N_AGES);
    const ci = contInto.get(y) ?? new Float64Array(N_AGES);
    for (let a = 0; a < N_AGES - 1; a++) {
      const inflow = Math.max(0, sNext[a + 1]! - ci[a + 1]! - newNext[a + 1]!);
      c.migDen[a]! += sNow[a]!;
      c.migNum[a]! += inflow;
    }
  }
  for (const m of ds.linkedMoves)
    if (m.to === 'TRANSFERRED_OUT' && c.fromYears.includes(m.fromYear) && ds.stockCube[m.fromYear + 1] && m.age < N_AGES - 1) c.migNum[m.age]! -= m.count;
  return c;
}

/**
 * Rates for one LA from person-level SEN2 data.
 * @example estimateRatesFromPersons(ds, { baseYear: 2025 }).continuation[17] // ≈ share of 17-year-olds' plans kept
 */
export function estimateRatesFromPersons(ds: LaDataset, opts: PersonOptions = {}): Rates {
  const cubeYears = Object.keys(ds.stockCube).map(Number).sort((a, b) => a - b);
  const base = opts.baseYear ?? cubeYears.at(-1) ?? Math.max(...Object.keys(ds.stockTotal).map(Number));
  const window = opts.windowYears ?? 3;
  const st = { ...DEFAULT_STRENGTH, ...(opts.strength ?? {}) };
  const ta = opts.transitionAges ?? DEFAULT_TRANSITION_AGES;
  const r = emptyRates(base, 'person-level');
  const c = count(ds, base, window);
  const nat = opts.national ? count(opts.national, base, window) : undefined;
  const samePhase = (a: number, b: number): boolean => phaseOfAge(a) === phaseOfAge(b);
  const isT = (a: number): boolean => transitionAt(a, ta) !== undefined;
  const sameKind = (a: number, b: number): boolean => (isT(a) || isT(b) ? a === b : samePhase(a, b));

  // Continuation (transfers out are migration, not ceasing).
  const kept = new Float64Array(N_AGES);
  const exposed = new Float64Array(N_AGES);
  for (let a = 0; a < N_AGES; a++) {
    exposed[a] = c.n[a]! - c.transfers[a]!;
    kept[a] = exposed[a]! - c.ceased[a]!;
  }
  const contPrior = nat ? natRatio(nat, (x, a) => x.n[a]! - x.transfers[a]! - x.ceased[a]!, (x, a) => x.n[a]! - x.transfers[a]!) : undefined;
  const contPool = pooledRatio(kept, exposed, 1, 1, samePhase);
  for (let a = 0; a < N_AGES; a++) {
    const prior = contPrior?.[a] ?? contPool[a]!;
    r.continuation[a] = Math.min(1, Math.max(0, betaPosteriorMean(kept[a]!, exposed[a]!, prior, st.continuation)));
    r.continuationN[a] = exposed[a]! + st.continuation;
  }

  // Cease reasons by age: Dirichlet towards the reasons of neighbouring ages of the same phase.
  const reasonPrior = new Float64Array(N_AGES * N_CEASE_REASONS);
  for (let a = 0; a < N_AGES; a++)
    for (let b = Math.max(0, a - 1); b <= Math.min(N_AGES - 1, a + 1); b++) {
      if (!samePhase(a, b)) continue;
      const src = nat ?? c;
      for (let k = 0; k < N_CEASE_REASONS; k++) reasonPrior[a * N_CEASE_REASONS + k]! += src.reasons[b * N_CEASE_REASONS + k]!;
    }
  for (let a = 0; a < N_AGES; a++) dirichletPosteriorMean(c.reasons, reasonPrior, st.reasons, r.ceaseReasonShare, a * N_CEASE_REASONS, N_CEASE_REASONS);

  // Moves: rows by age and from-placement; priors from the same kind of step (transition ages kept distinct).
  const movePrior = new Float64Array(N_AGES * NP * NP);
  const src = nat ?? c;
  for (let a = 0; a < N_AGES - 1; a++)
    for (let b = 0; b < N_AGES - 1; b++) {
      if (!sameKind(a, b) || (Math.abs(a - b) > 1 && !nat)) continue;
      if (nat && a !== b) continue;
      for (let k = 0; k < NP * NP; k++) movePrior[a * NP * NP + k]! += src.moves[b * NP * NP + k]!;
    }
  for (let a = 0; a < N_AGES - 1; a++)
    for (let p = 0; p < NP; p++) {
      const off = (a * NP + p) * NP;
      let nRow = 0;
      let pRow = 0;
      for (let q = 0; q < NP; q++) {
        nRow += c.moves[off + q]!;
        pRow += movePrior[off + q]!;
      }
      if (nRow + pRow === 0) continue; // keep "stay" (the engine removes impossible placements)
      dirichletPosteriorMean(c.moves, movePrior, st.moves, r.moves, off, NP);
      r.movesN[a * NP + p] = nRow + (pRow > 0 ? st.moves : 0);
    }

  // Incidence: a Gamma-smoothed age profile over the window, levelled to the latest flow year.
  let incPrior = pooledRatio(c.newByAge, c.exposure, 1, 1, samePhase);
  if (nat) {
    const natRate = natRatio(nat, (x, b) => x.newByAge[b]!, (x, b) => x.exposure[b]!);
    let num = 0;
    let den = 0;
    for (let b = 0; b < N_AGES; b++) {
      num += c.newByAge[b]!;
      den += natRate[b]! * c.exposure[b]!;
    }
    if (den > 0) incPrior = natRate.map((v) => (v * num) / den);
  }
  const rate = new Float64Array(N_AGES);
  for (let b = 0; b < N_AGES; b++) rate[b] = gammaPosteriorRate(c.newByAge[b]!, c.exposure[b]!, incPrior[b]!, st.incidence);
  let latest = 0;
  let fitted = 0;
  for (let b = 0; b < N_AGES; b++) {
    latest += c.latestNew[b]!;
    fitted += rate[b]! * c.latestPop[b]!;
  }
  const level = latest > 0 && fitted > 0 ? latest / fitted : 1;
  for (let b = 0; b < N_AGES; b++) {
    r.incidence[b] = rate[b]! * level;
    r.incidenceN[b] = c.newByAge[b]!;
  }

  // New-plan mix: Dirichlet over need × placement per age, towards the neighbouring ages (or national).
  const mixPrior = new Float64Array(N_AGES * NNP);
  const mixSrc = nat ?? c;
  for (let b = 0; b < N_AGES; b++)
    for (let d = Math.max(0, b - 1); d <= Math.min(N_AGES - 1, b + 1); d++) {
      if (!samePhase(b, d) || (nat && d !== b)) continue;
      for (let k = 0; k < NNP; k++) mixPrior[b * NNP + k]! += mixSrc.newPlans[d * NNP + k]!;
    }
  const baseCube = ds.stockCube[base];
  for (let b = 0; b < N_AGES; b++) {
    let any = 0;
    for (let k = 0; k < NNP; k++) any += c.newPlans[b * NNP + k]! + mixPrior[b * NNP + k]!;
    if (any === 0 && baseCube) for (let k = 0; k < NNP; k++) mixPrior[b * NNP + k] = baseCube[b * NNP + k]!;
    dirichletPosteriorMean(c.newPlans, mixPrior, st.mix, r.newMix, b * NNP, NNP);
  }

  // Net migration by origin age, pooled over neighbouring ages with a pull to the all-age rate.
  const mig = pooledRatio(c.migNum, c.migDen, 1, st.migration);
  for (let a = 0; a < N_AGES - 1; a++) r.netMigration[a] = c.migDen[a]! > 0 || c.fromYears.length ? Math.max(-0.5, Math.min(0.5, mig[a]!)) : 0;

  r.trend = opts.trend ?? newPlanTrend(ds, { baseYear: base, national: opts.national });
  r.notes.push(
    `Person-level rates from linked SEN2 moves ${c.fromYears.map((y) => `${y}→${y + 1}`).join(', ') || '(none)'} and new plans of flow years ${c.flowYears.join(', ') || '(none)'}; small cells smoothed towards neighbouring ages${nat ? ' and national shapes' : ' and the all-age rate'}.`,
    `New-plan trend ${(r.trend.growth * 100).toFixed(1)}% a year (se ${(r.trend.se * 100).toFixed(1)} points), damping ${r.trend.damping}.`,
  );
  if (!c.hasPopulation) r.notes.push('No population: incidence is new plans per year (unit population proxy).');
  return r;
}

/** A national ratio by age (num/den), pooled lightly across neighbours of the same phase. */
function natRatio(nat: Counts, num: (c: Counts, a: number) => number, den: (c: Counts, a: number) => number): Float64Array {
  const n = new Float64Array(N_AGES);
  const d = new Float64Array(N_AGES);
  for (let a = 0; a < N_AGES; a++) {
    n[a] = num(nat, a);
    d[a] = den(nat, a);
  }
  return pooledRatio(n, d, 0, 0.01);
}

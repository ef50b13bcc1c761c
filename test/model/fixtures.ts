/**
 * Hand-made rates and scenarios for engine tests and the bench: a synthetic LA with plausible shapes. Nothing here
 * is used by the product code.
 */
import { N_AGES, N_NEEDS, N_PLACEMENTS, NEEDS, needIndex, placementIndex, type Need, type Placement } from '../../src/domain/index.ts';
import { cellIndex, newCube } from '../../src/model/cube.ts';
import { emptyRates, moveIndex, newMixIndex, N_CEASE_REASONS, type PipelineRates, type Rates } from '../../src/model/rates.ts';
import { ScenarioSchema, type Scenario, type ScenarioInput } from '../../src/scenario/schema.ts';

const P = (p: Placement): number => placementIndex(p);
const N = (n: Need): number => needIndex(n);

/** Placement mix for a plan at age a (school ages mostly mainstream, post-16 FE). */
function mixAt(a: number): Array<[Placement, number]> {
  if (a < 4) return [['EY', 0.6], ['MS', 0.2], ['SSM', 0.1], ['NONE', 0.1]];
  if (a <= 15) return [['MS', 0.55], ['RP', 0.08], ['SSM', 0.15], ['SSA', 0.12], ['ISS', 0.06], ['AP', a >= 5 ? 0.04 : 0], ['NONE', a >= 5 ? 0 : 0.04]];
  if (a <= 18) return [['MS', 0.2], ['SSA', 0.15], ['ISS', 0.05], ['FE', 0.45], ['SPI', 0.1], ['NEET', 0.05]];
  return [['FE', 0.6], ['SPI', 0.2], ['NEET', 0.1], ['EOTAS', 0.1]];
}

let NEED_MIX: Array<[Need, number]> = [['ASD', 0.35], ['SEMH', 0.25], ['SLCN', 0.25], ['MLD', 0.15]];
const FEW_NEEDS = NEED_MIX;
/** Every need (a denser cube, as in a real LA) with geometric shares. */
const ALL_NEEDS: Array<[Need, number]> = NEEDS.map((n, i) => [n, Math.pow(0.75, i) * 0.25] as [Need, number]);

/** Use every need (true) or four (default) in the fixtures built after this call. */
export function fixtureAllNeeds(on: boolean): void {
  NEED_MIX = on ? ALL_NEEDS : FEW_NEEDS;
}

export interface FixtureOptions {
  baseYear?: number;
  /** Evidence scale (plans observed) for posterior draws. */
  evidence?: number;
  growth?: number;
  se?: number;
}

export function fixtureRates(opts: FixtureOptions = {}): Rates {
  const r = emptyRates(opts.baseYear ?? 2025, 'person-level');
  const ev = opts.evidence ?? 200;
  for (let a = 0; a < N_AGES; a++) {
    r.continuation[a] = a < 16 ? 0.995 : a === 16 ? 0.985 : a === 17 ? 0.97 : a === 18 ? 0.84 : a === 19 ? 0.7 : 0.5;
    r.continuationN[a] = ev;
    r.ceaseReasonShare[a * N_CEASE_REASONS + (a >= 16 ? 3 : 2)] = 0.7;
    r.ceaseReasonShare[a * N_CEASE_REASONS + 0] = 0.3;
    r.incidence[a] = a < 2 ? 0.0005 : a <= 11 ? 0.004 : a <= 15 ? 0.002 : a <= 18 ? 0.001 : 0.0002;
    r.incidenceN[a] = ev / 4;
    let s = 0;
    for (const [, w] of mixAt(a)) s += w;
    for (const [need, wn] of NEED_MIX) for (const [pl, wp] of mixAt(a)) r.newMix[newMixIndex(a, N(need), P(pl))] = (wn * wp) / s;
    r.netMigration[a] = 0.002;
    // moves: stay, except at the two-tier transition ages where plans move by the next phase's mix
    if (a < N_AGES - 1) {
      const transition = a === 3 || a === 10 || a === 15 || a === 18;
      for (let p = 0; p < N_PLACEMENTS; p++) {
        const base = moveIndex(a, p, 0);
        for (let q = 0; q < N_PLACEMENTS; q++) r.moves[base + q] = 0;
        if (transition) {
          const next = mixAt(a + 1);
          let t = 0;
          for (const [, w] of next) t += w;
          for (const [pl, w] of next) r.moves[base + P(pl)]! += (0.5 * w) / t;
          r.moves[base + p]! += 0.5;
        } else {
          r.moves[base + p] = 0.97;
          r.moves[base + P('SSA')]! += 0.02;
          r.moves[base + P('ISS')]! += 0.01;
        }
        r.movesN[a * N_PLACEMENTS + p] = ev / 5;
      }
    }
  }
  r.trend = { growth: opts.growth ?? 0.06, se: opts.se ?? 0.02, damping: 0.2, longRun: 0.02 };
  r.notes.push('fixture rates');
  return r;
}

/** Initial cube: `perAge` plans at each age 2–24, by the age's placement mix and the need mix. */
export function fixtureInitial(perAge = 150): Float64Array {
  const c = newCube();
  for (let a = 0; a < N_AGES; a++) {
    const scale = a < 2 ? 0.1 : a > 20 ? 0.3 : 1;
    let s = 0;
    for (const [, w] of mixAt(a)) s += w;
    for (const [need, wn] of NEED_MIX) for (const [pl, wp] of mixAt(a)) c[cellIndex(a, N(need), P(pl))] = Math.round((perAge * scale * wn * wp) / s);
  }
  return c;
}

export function fixturePopulation(baseYear = 2025, perAge = 6000): Record<number, Float64Array> {
  return { [baseYear]: new Float64Array(N_AGES).fill(perAge), [baseYear + 3]: new Float64Array(N_AGES).fill(perAge * 1.02) };
}

/** A validated scenario with defaults filled. */
export function scenario(input: Omit<ScenarioInput, 'id'> & { id?: string } = {}): Scenario {
  const parsed = ScenarioSchema.parse(input);
  return { ...parsed, id: input.id ?? 'test', name: input.name ?? 'Test', file: 'test.yaml', sha256: '0' };
}

export const N_CUBE_NEEDS = N_NEEDS;

/** `r` with a requests pipeline: everyone requested is assessed and issued, nothing carried, unless `p` says otherwise. */
export function withPipeline(r: Rates, p: Partial<PipelineRates> = {}): Rates {
  r.pipeline = {
    requestIncidence: Float64Array.from(r.incidence),
    requestN: 0,
    assessShare: 1,
    assessN: 0,
    issueShare: 1,
    issueN: 0,
    carryShare: 0,
    carryN: 0,
    carrySource: 'default',
    openAtBase: 0,
    years: [2023, 2024],
    ...p,
  };
  return r;
}

/**
 * The placement a plan holder has in an academic year: a persistent intensity draw walks an ordered ladder of
 * placements for the phase of age (so placements are stable within a phase and move at transition points), and a
 * separate draw puts some holders off the ladder (AP, educated otherwise, NEET, awaiting provision).
 */
import type { Placement } from '../domain/index.ts';
import { isPlacementPossibleAt } from '../domain/index.ts';
import { P, S, type Sen2Setting } from './codes.ts';
import { candidates } from './establishments.ts';
import { LADDER, OFF_TRACK } from './params.ts';
import type { Spell } from './types.ts';

/** The phase groups the ladders and off-track shares are keyed by. */
export type LadderPhase = keyof typeof LADDER;

export function ladderPhase(age: number): LadderPhase {
  if (age <= 3) return 'early';
  if (age <= 10) return 'primary';
  if (age <= 15) return 'secondary';
  if (age <= 18) return 'post16';
  return 'post19';
}

function offTrackGroup(age: number): keyof typeof OFF_TRACK {
  if (age <= 3) return 'early';
  if (age <= 15) return 'school';
  if (age <= 18) return 'post16';
  return 'post19';
}

/** The person's persistent draws: intensity (already skewed by need), and per-phase draws. */
export interface PlacementDraws {
  intensity: number;
  /** Per ladder phase: [jitter of intensity, off-track draw, establishment draw]. */
  phase: Record<LadderPhase, [number, number, number]>;
}

const POST16_PROVIDERS: ReadonlySet<Placement> = new Set([P.FE, P.SPI, P.WBL]);

function walk<K extends string>(shares: Partial<Record<K, number>>, u: number, exclude?: ReadonlySet<string>): K {
  const all = Object.keys(shares) as K[];
  const kept = all.filter((k) => !exclude?.has(k));
  const keys = kept.length > 0 ? kept : all;
  const total = keys.reduce((s, k) => s + (shares[k] ?? 0), 0);
  let acc = 0;
  for (const k of keys) {
    acc += (shares[k] ?? 0) / total;
    if (u < acc) return k;
  }
  return keys[keys.length - 1]!;
}

function settingFor(placement: Placement, r: number): Sen2Setting | undefined {
  if (placement === P.EY) return S.EYP;
  if (placement === P.EOTAS) return walk<Sen2Setting>({ OLA: 0.45, EHE: 0.3, OTH: 0.13, OPA: 0.12 }, r);
  if (placement === P.NEET) return walk<Sen2Setting>({ NEET: 0.8, NIEO: 0.1, NIEC: 0.1 }, r);
  return undefined;
}

/**
 * The placement at academic age `age`, `yearsHeld` years after the plan started. A statement holder (before
 * conversion) stays in a school after 16.
 */
export function choosePlacement(d: PlacementDraws, age: number, yearsHeld: number, statement: boolean): Omit<Spell, 'entry'> {
  const phase = ladderPhase(age);
  const [jitter, offDraw, estDraw] = d.phase[phase];
  let placement: Placement;
  if (age <= 1) {
    placement = offDraw < 0.7 ? P.EY : P.NONE;
  } else {
    const off = OFF_TRACK[offTrackGroup(age)];
    const offTotal = Object.values(off).reduce((s: number, v) => s + (v ?? 0), 0);
    if (offDraw < offTotal) {
      placement = walk(off, offDraw / offTotal);
    } else {
      const u = Math.min(0.999, Math.max(0, d.intensity + 0.16 * (jitter - 0.5) + 0.006 * yearsHeld));
      placement = walk(LADDER[phase], u, statement ? POST16_PROVIDERS : undefined);
    }
  }
  if (!isPlacementPossibleAt(placement, age)) placement = P.NONE;
  const setting = settingFor(placement, estDraw);
  if (setting || placement === P.NONE) return { placement, setting, senUnit: false, resourcedProvision: false };
  let list = candidates(placement, age);
  if (list.length === 0) {
    placement = P.MS;
    list = candidates(placement, age);
  }
  const weights = list.map((x) => (x.governance === 'free' ? 0.2 : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  let e = list[list.length - 1]!;
  for (let i = 0; i < list.length; i++) {
    acc += weights[i]! / total;
    if (estDraw < acc) {
      e = list[i]!;
      break;
    }
  }
  return {
    placement,
    estId: e.id,
    senUnit: e.unit === 'senUnit',
    resourcedProvision: e.unit === 'resourcedProvision',
  };
}

/** Whether two spells are in the same place. */
export function samePlace(a: Omit<Spell, 'entry'>, b: Omit<Spell, 'entry'>): boolean {
  return a.placement === b.placement && a.estId === b.estId && a.setting === b.setting;
}

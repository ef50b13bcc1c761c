/**
 * SEN2 code mappings used by the person-level readers, built on the domain vocabulary (src/domain): need and
 * setting codes with "did you mean" suggestions, placement by setting, indicator flags, cease reasons.
 */
import {
  NEEDS,
  SEN2_SETTING,
  needFromEesColumn,
  needFromSourceCode,
  placementFromEesColumn,
  placementFromSen2Setting,
  type Need,
  type Placement,
} from '../../domain/index.ts';
import { nearest } from '../../util/suggest.ts';

/** The placement "awaiting provision or not recorded" (EES `placement_unknown`). */
export const PLACEMENT_NOT_RECORDED: Placement = placementFromEesColumn('placement_unknown')!;
/** The need "primary need not recorded" (EES `number_need_unknown`). */
export const NEED_NOT_RECORDED: Need = needFromEesColumn('number_need_unknown')!;

/** SEN2 need codes a return may carry (every domain need with a source code). */
export const SEN2_NEED_CODES: readonly string[] = NEEDS.filter((n) => needFromSourceCode(n) !== undefined);
export const SEN2_SETTING_CODES: readonly string[] = Object.keys(SEN2_SETTING);

export type CodeResult<T> = { ok: true; value: T } | { ok: false; suggestion?: string };

export function sen2Need(code: string): CodeResult<Need> {
  const n = needFromSourceCode(code);
  return n ? { ok: true, value: n } : { ok: false, suggestion: nearest(code.trim(), SEN2_NEED_CODES) };
}

export function sen2Setting(code: string): CodeResult<Placement> {
  const p = placementFromSen2Setting(code);
  return p ? { ok: true, value: p } : { ok: false, suggestion: nearest(code.trim(), SEN2_SETTING_CODES) };
}

/** SEN2 yes/no indicators: 1, true, Y, yes → true. */
export function isSet(raw: string | undefined): boolean {
  if (raw === undefined) return false;
  const s = raw.trim().toLowerCase();
  return s === '1' || s === 'true' || s === 'y' || s === 'yes' || s === 't';
}

/** SEN2 CeaseReason code 5: transferred to another LA in England. */
export const CEASE_REASON_TRANSFER = 5;
/** A SEN2 value trimmed, or null when absent or blank. */
export function clean(v: string | undefined): string | null {
  if (v === undefined) return null;
  const s = v.trim();
  return s === '' ? null : s;
}

/** The highest PlacementRank or SENtypeRank a return may give (1 = the main placement, the primary need). */
export const RANK_MAX = 99;
/** Where a blank PlacementRank or SENtypeRank orders: after every rank given. */
const BLANK_RANK = RANK_MAX + 1;

/**
 * Whether a PlacementRank or SENtypeRank cannot be read: neither blank nor a whole number from 1 to RANK_MAX in
 * decimal (`1`, ` 2 `, `01`, `1.0`). Number() read `0x1` as 1 and `-0` as 0, and `NaN`, `1e400`, `abc` were taken
 * for a blank, so such a rank chose the primary need or the placement without a word. Both SEN2 readers check it.
 */
export function isBadRank(raw: string | undefined): boolean {
  const s = clean(raw);
  if (s === null) return false;
  if (s.length === 1) return s < '1' || s > '9'; // the usual rank, without the regular expression
  if (!/^\d+(\.0*)?$/.test(s)) return true;
  const n = Number(s);
  return n < 1 || n > RANK_MAX;
}

/**
 * A PlacementRank or SENtypeRank as a number for ordering records (lower first): a blank one is RANK_MAX + 1, after
 * every rank given, and so is an unreadable one (isBadRank, an error in both readers). Both SEN2 readers order by it
 * (person-rows.ts in JS, blade-read.ts through its lookup).
 */
export function rankOf(raw: string | undefined): number {
  const s = clean(raw);
  if (s === null) return BLANK_RANK;
  if (s.length === 1) return s >= '1' && s <= '9' ? s.charCodeAt(0) - 0x30 : BLANK_RANK; // the usual rank, at once
  return isBadRank(s) ? BLANK_RANK : Number(s);
}

/**
 * A CeaseReason as written (`4`, ` 4 `, `04`, `4.0`), or NaN for anything else: Number() also read `0x4`, `0o4`,
 * `4e0` and `+4` as the code 4. Both SEN2 readers (XML and Blade) read it here.
 */
export function ceaseReasonOf(raw: string): number {
  const s = raw.trim();
  return /^\d+(\.0*)?$/.test(s) ? Number(s) : NaN;
}
export function isCeaseReason(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 9;
}

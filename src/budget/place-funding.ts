/**
 * Place funding: commissioned places × place rate, per placement and financial year, from the places table plus
 * the scenario's capacity changes (spec budget.md "Places follow plans").
 *
 * - A financial year after a placement's last table row carries that row's places and rate forward unchanged:
 *   place rates are set nationally (£10,000 / £6,000, unchanged for a decade), so they are not inflated. A financial
 *   year before the table's first year, which the table does not cover, takes the places and rate of a placement's
 *   first row when that row is in the table's first year (`firstYearBack`): at £0 a table starting in 2025-26 left a
 *   run from 2022-23 three years without place funding (the sample's in-year balance of 2024-25 a surplus of £10.4m
 *   where the years either side were deficits). A placement whose rows start after the table's first year opens
 *   then: no place funding before its first row.
 * - A capacity change (`capacity.changes` of the scenario: placement, census `year`, places) adds funded places
 *   from the financial year that census falls in: places counted at the January `year` census open at the change
 *   month before it (September `year − 1`), so financial year (year − 1)-(year) funds them for the months from then,
 *   7/12 of a year (financialYearValue, as the plans placed in them are counted), and every later year in full.
 *   Funded in full from April, 100 places opening in September added 5/12 × £1,000,000 = £416,667 too much that year.
 *   The rate is the change's own `place_rate_gbp`, else the placement's rate in the table, else the national rate
 *   (`NATIONAL_PLACE_RATE`). A change that closes places (negative) never takes a placement below 0 places.
 * - A placement paid a full fee per plan (ISS, NMSS, SPI: `FULL_FEE_PLACEMENTS`) has no place funding: its unit cost is
 *   the whole fee, place included. Its places (table rows or capacity changes) still count as its places (capacity, the
 *   Places and plans sheet), at a rate of £0; the money they would have added is kept in `leftOut`, and the run says
 *   so (`fullFeePlaceNotes`). Before, 50 ISS places at £10,000 added £500,000 a year to spend already paid in full by
 *   the ISS fees.
 *
 * @example 100 special academy places from January 2027 at £10,000 → place funding +£583,333 in 2026-27 (7/12 of
 *          £1,000,000: open from September 2026) and +£1,000,000 every later year.
 */
import { DEFAULT_CHANGE_MONTH, FULL_FEE_PLACEMENTS, financialYearLabel, financialYearValue } from '../domain/index.ts';
import type { Placement } from '../domain/index.ts';
import { placeFundingOnFullFee, zeroPlaceRate } from '../messages/budget.ts';
import type { PlacesRow } from './tables.ts';

/**
 * National place rates (£ per place per year): £10,000 special and AP, £6,000 resourced provision and FE. None for
 * the placements paid a full fee (ISS, NMSS, SPI), whose fee includes the place.
 */
export const NATIONAL_PLACE_RATE: Partial<Record<Placement, number>> = {
  SSM: 10_000,
  SSA: 10_000,
  AP: 10_000,
  RP: 6_000,
  FE: 6_000,
};

/** A scenario capacity change as the budget reads it. */
export interface PlacesChange {
  placement: Placement;
  /** Census year from which the places exist. */
  year: number;
  places: number;
  place_rate_gbp?: number;
  capital_cost_gbp?: number;
}

export interface PlaceFunding {
  total: number;
  byPlacement: Partial<Record<Placement, number>>;
  /** Funded places by placement (table places carried forward, plus capacity changes in force). */
  places: Partial<Record<Placement, number>>;
  /** Place rate used for each placement with places. */
  rate: Partial<Record<Placement, number>>;
  /** Placements whose places were carried forward from an earlier year of the table (or back from its first). */
  carried: Placement[];
  /** Full-fee placements with places: what those places × their rate would have added (not in `total`). */
  leftOut: Partial<Record<Placement, number>>;
}

/** The last financial year in the table at or before `fy` for a placement's rows, if any. */
function yearToUse(rows: readonly PlacesRow[], fy: number): number | undefined {
  let best: number | undefined;
  for (const r of rows) if (r.fy <= fy && (best === undefined || r.fy > best)) best = r.fy;
  return best;
}

/**
 * The year whose row a series (a placement's places, a line of other spend) uses for financial year `fy` before the
 * table covers it: the series' first year, when `fy` is before the table's first year and the series starts in it;
 * else undefined (a series that starts later has nothing before its first row).
 * @example firstYearBack([2025, 2026], 2025, 2022) // 2025
 * @example firstYearBack([2027], 2025, 2022) // undefined: the series opens in 2027-28
 */
export function firstYearBack(own: readonly number[], tableFirst: number | undefined, fy: number): number | undefined {
  if (own.length === 0 || tableFirst === undefined || fy >= tableFirst) return undefined;
  return Math.min(...own) === tableFirst ? tableFirst : undefined;
}

/** The financial year (start) from which a capacity change at census `year` is funded. */
export function changeFundedFrom(change: Pick<PlacesChange, 'year'>): number {
  return change.year - 1;
}

/**
 * The places-table row whose rate a placement's places take in `fy` (`rows`: that placement's): its latest row at or
 * before `fy`, else its first.
 * @example placeRateRow([{ placement: 'SSM', fy: 2025, places: 100, placeRateGbp: 10000 }], 2022)?.fy // 2025
 */
export function placeRateRow(rows: readonly PlacesRow[], fy: number): PlacesRow | undefined {
  const y = yearToUse(rows, fy) ?? (rows.length ? Math.min(...rows.map((r) => r.fy)) : undefined);
  return rows.find((x) => x.fy === y);
}

/** Place rate of a placement: the table's (placeRateRow), else undefined (the caller takes the national rate). */
function tableRate(rows: readonly PlacesRow[], fy: number): number | undefined {
  return placeRateRow(rows, fy)?.placeRateGbp;
}

/**
 * Share of its first financial year a capacity change's places are open: from the change month (September: 7/12)
 * to March. @example openingYearShare(9) // 7/12
 */
export function openingYearShare(changeMonth = DEFAULT_CHANGE_MONTH): number {
  return financialYearValue(0, 1, changeMonth);
}

/**
 * Place funding in financial year `fy` (funded places are the year's average: a capacity change counts for the share of
 * its first year it is open, `openingYearShare`).
 * @example placeFunding([{ placement: 'SSM', fy: 2025, places: 100, placeRateGbp: 10000 }], 2026).total // 1000000
 */
export function placeFunding(rows: readonly PlacesRow[], fy: number, changes: readonly PlacesChange[] = [], changeMonth = DEFAULT_CHANGE_MONTH): PlaceFunding {
  const out: PlaceFunding = { total: 0, byPlacement: {}, places: {}, rate: {}, carried: [], leftOut: {} };
  const placements = [...new Set([...rows.map((r) => r.placement), ...changes.map((c) => c.placement)])];
  const tableFirst = rows.length > 0 ? Math.min(...rows.map((r) => r.fy)) : undefined;
  for (const p of placements) {
    const own = rows.filter((r) => r.placement === p);
    const y = yearToUse(own, fy) ?? firstYearBack(own.map((r) => r.fy), tableFirst, fy);
    let places = 0;
    let money = 0;
    if (y !== undefined) {
      if (y !== fy) out.carried.push(p);
      for (const r of own) {
        if (r.fy !== y) continue;
        places += r.places;
        money += r.places * r.placeRateGbp;
      }
    }
    const inForce = changes.filter((c) => c.placement === p && changeFundedFrom(c) <= fy);
    if (y === undefined && inForce.length === 0) continue;
    const fallback = tableRate(own, fy) ?? NATIONAL_PLACE_RATE[p] ?? 0;
    for (const c of inForce) {
      const rate = c.place_rate_gbp ?? fallback;
      // open (or closed) from the change month of their first financial year: that year funds only those months
      const share = changeFundedFrom(c) === fy ? openingYearShare(changeMonth) : 1;
      // closing places cannot take the placement below none
      const add = Math.max(c.places * share, -places);
      places += add;
      money += add * rate;
    }
    out.places[p] = places;
    if (FULL_FEE_PLACEMENTS.includes(p)) {
      // the fee paid per plan is the whole cost of the place: place funding on top would count it twice
      out.rate[p] = 0;
      if (money !== 0) out.leftOut[p] = money;
      continue;
    }
    out.rate[p] = places > 0 ? money / places : fallback;
    out.byPlacement[p] = money;
    out.total += money;
  }
  return out;
}

/**
 * One note per full-fee placement given places (in the places table or by a capacity change) with a place rate: the
 * place funding those places would have added, left out of the budget, in the first financial year of `fys` that has
 * it. None when no such placement has places.
 * @example fullFeePlaceNotes([{ placement: 'ISS', fy: 2025, places: 50, placeRateGbp: 10_000 }], [], [2025, 2026]) // one note: £500,000 in 2025-26
 */
export function fullFeePlaceNotes(rows: readonly PlacesRow[], changes: readonly PlacesChange[], fys: readonly number[], changeMonth = DEFAULT_CHANGE_MONTH): string[] {
  const out: string[] = [];
  for (const p of FULL_FEE_PLACEMENTS) {
    for (const fy of fys) {
      const pf = placeFunding(rows, fy, changes, changeMonth);
      const money = pf.leftOut[p];
      if (money === undefined) continue;
      out.push(placeFundingOnFullFee(p, pf.places[p] ?? 0, money, financialYearLabel(fy)));
      break;
    }
  }
  return out;
}

/**
 * Capital cost of the capacity changes whose places are first funded in `fy` (one-off, outside the block), or
 * undefined when a change that adds places that year gives no `capital_cost_gbp`: not known, never £0.
 * @example capitalCost([{ placement: 'SSA', year: 2028, places: 120 }], 2027) // undefined
 */
export function capitalCost(changes: readonly PlacesChange[], fy: number): number | undefined {
  let s = 0;
  for (const c of changes) {
    if (changeFundedFrom(c) !== fy) continue;
    if (c.capital_cost_gbp === undefined && c.places > 0) return undefined;
    s += c.capital_cost_gbp ?? 0;
  }
  return s;
}

/** Capacity changes that add places but give no capital cost (their capital is left out, with a warning). */
export function changesWithoutCapitalCost(changes: readonly PlacesChange[]): PlacesChange[] {
  return changes.filter((c) => c.capital_cost_gbp === undefined && c.places > 0);
}

/**
 * One note per placement paid place funding whose places-table rows give places at a rate of £0 (a blank typed as 0
 * more often than a nil rate: place rates are set nationally), naming the financial years; none for full-fee
 * placements, whose places carry no rate.
 * @example zeroRatePlaceNotes([{ placement: 'SSM', fy: 2025, places: 400, placeRateGbp: 0 }]) // one note: SSM, 400 places, 2025-26
 */
export function zeroRatePlaceNotes(rows: readonly PlacesRow[]): string[] {
  const out: string[] = [];
  const placements = [...new Set(rows.map((r) => r.placement))].filter((p) => !FULL_FEE_PLACEMENTS.includes(p));
  for (const p of placements) {
    const zero = rows.filter((r) => r.placement === p && r.places > 0 && r.placeRateGbp === 0).sort((a, b) => a.fy - b.fy);
    if (zero.length === 0) continue;
    const fys = zero.map((r) => financialYearLabel(r.fy)).join(', ');
    out.push(zeroPlaceRate(p, Math.max(...zero.map((r) => r.places)), fys, NATIONAL_PLACE_RATE[p]));
  }
  return out;
}

/**
 * The band of a place rate around the national rate (NATIONAL_PLACE_RATE) outside which it is named: under half of it
 * (a rate per term, £3,333 for £10,000; £2,000 for £6,000) or over twice it (the whole cost of a place, place funding
 * and top-up together, whose top-up the unit-cost table adds again). Place rates are set nationally and have not
 * changed for a decade; an unoccupied resourced-provision place is funded at £10,000, 1.67 times £6,000, inside it.
 */
export const PLACE_RATE_BAND: readonly [number, number] = [0.5, 2];

/** A placement's places-table rows whose rate is outside PLACE_RATE_BAND of the national rate (the first named). */
export interface PlaceRateOff {
  placement: Placement;
  row: PlacesRow;
  national: number;
  /** How many of the placement's rows are so. */
  rows: number;
}

/**
 * The placements paid place funding whose places-table rate (above £0, with places) is outside PLACE_RATE_BAND of the
 * national rate: the sample's place rates per term (£3,333 special, £2,000 resourced provision and FE) took £7.3m a
 * year out of place funding with exit 0 and no word, and a rate holding the top-up adds it twice.
 * @example placeRatesOffNational([{ placement: 'SSM', fy: 2025, places: 428, placeRateGbp: 3333 }]) // [{ placement: 'SSM', … }]
 */
export function placeRatesOffNational(rows: readonly PlacesRow[]): PlaceRateOff[] {
  const out: PlaceRateOff[] = [];
  for (const [placement, national] of Object.entries(NATIONAL_PLACE_RATE) as Array<[Placement, number]>) {
    const off = rows
      .filter((r) => r.placement === placement && r.places > 0 && r.placeRateGbp > 0 && (r.placeRateGbp < PLACE_RATE_BAND[0] * national || r.placeRateGbp > PLACE_RATE_BAND[1] * national))
      .sort((a, b) => a.fy - b.fy);
    if (off.length > 0) out.push({ placement, row: off[0]!, national, rows: off.length });
  }
  return out;
}

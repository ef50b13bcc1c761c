/**
 * The data known by January of a census year: stocks at censuses ≤ year, flows of calendar years ≤ year − 1.
 * Forecasts and backtests cut every dataset with this, so later rows can never leak into a forecast.
 */
import type { AgeCount, LaDataset } from '../dataset.ts';

function upTo<T>(rec: Record<number, T>, max: number): Record<number, T> {
  const out: Record<number, T> = {};
  for (const [k, v] of Object.entries(rec)) if (Number(k) <= max) out[Number(k)] = v;
  return out;
}
const rowsUpTo = (rows: AgeCount[], max: number): AgeCount[] => rows.filter((r) => r.year <= max);

/**
 * A copy of `ds` holding only what was known by January of `censusYear`.
 * @example knownAt(ds, 2019).stockTotal[2020] // undefined
 */
export function knownAt(ds: LaDataset, censusYear: number): LaDataset {
  const flow = censusYear - 1;
  return {
    ...ds,
    stockTotal: upTo(ds.stockTotal, censusYear),
    stockByAge: rowsUpTo(ds.stockByAge, censusYear),
    stockByPlacement: upTo(ds.stockByPlacement, censusYear),
    stockByNeed: upTo(ds.stockByNeed, censusYear),
    stockCube: upTo(ds.stockCube, censusYear),
    newPlansTotal: upTo(ds.newPlansTotal, flow),
    newPlansByAge: rowsUpTo(ds.newPlansByAge, flow),
    newPlansCube: upTo(ds.newPlansCube, flow),
    requests: upTo(ds.requests, flow),
    decidedToAssess: upTo(ds.decidedToAssess, flow),
    assessIssued: upTo(ds.assessIssued, flow),
    assessNotIssued: upTo(ds.assessNotIssued, flow),
    ceased: ds.ceased.filter((c) => c.year <= flow),
    linkedMoves: ds.linkedMoves.filter((m) => m.fromYear + 1 <= censusYear),
    population: ds.population,
    notes: [...ds.notes],
  };
}

/**
 * The gate on an LA's own person-level stock against the published total of the same year, apart from gates.ts so that
 * totals.ts (which gates.ts reads the types of) can call it without a cycle of imports.
 */
import { inputError } from '../errors.ts';
import { personLevelStockMismatch } from '../messages/model.ts';
import { sen2ReturnHoldsNoPlans, sen2ReturnStale } from '../messages/sen2.ts';
import type { LaDataset } from '../model/dataset.ts';

/** Relative tolerance between the starting stock and the published base-year total. */
export const BASE_TOLERANCE = 0.005;

/**
 * Throws an input error (exit 1) when the LA's own SEN2 return for a census year up to `baseYear` holds another number
 * of plans than the published total of that year (beyond BASE_TOLERANCE), before anything is projected: the return's
 * plans replace that year's published stock in the cubes (dataset-persons.ts), while the total forecast keeps the
 * published series (totals.ts), so the history shown and the trend projected would be two different counts.
 * `files`: the published files (named in the message).
 */
export function checkPersonLevelStock(ds: LaDataset, baseYear: number, published: Record<number, number>, files: readonly string[]): void {
  checkReturnsHoldPlans(ds);
  for (const [y, own] of Object.entries(ds.personLevel ?? {}).map(([k, v]) => [Number(k), v] as const).sort((a, b) => a[0] - b[0])) {
    const pub = published[y];
    if (y > baseYear || pub === undefined) continue;
    if (Math.abs(own.plans - pub) > Math.max(0.5, BASE_TOLERANCE * pub))
      throw inputError(personLevelStockMismatch(`${ds.la.name} (${ds.la.oldCode})`, y, own.plans, own.file, pub, files));
  }
}

/**
 * Throws an input error (exit 1) when an SEN2 return of the LA holds persons but no plan held at its census (no
 * ActivePlans, or every plan ceased): every English LA maintains plans, so the return is not its stock of that January
 * (its ActivePlans left out of an export, or a return of the year's ceased plans alone). Read as given, its January had
 * no stock and was passed over without a word: the sample's 2025 return with every plan ceased and no ActivePlans ran
 * from January 2024 with exit 0, every 2024 plan read as ending in 2024.
 */
export function checkReturnsHoldPlans(ds: LaDataset): void {
  const [y, r] = Object.entries(ds.returnsWithoutPlans ?? {}).map(([k, v]) => [Number(k), v] as const).sort((a, b) => a[0] - b[0])[0] ?? [];
  if (y !== undefined && r) throw inputError(sen2ReturnHoldsNoPlans(`${ds.la.name} (${ds.la.oldCode})`, y, r));
  const [sy, sr] = Object.entries(ds.staleReturns ?? {}).map(([k, v]) => [Number(k), v] as const).sort((a, b) => a[0] - b[0])[0] ?? [];
  if (sy !== undefined && sr) throw inputError(sen2ReturnStale(`${ds.la.name} (${ds.la.oldCode})`, sy, sr));
}

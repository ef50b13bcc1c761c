/**
 * Amounts of a scenario above £0 but below a floor of their own (SCENARIO_AMOUNT_NOTED), named for the reader: each is
 * a figure no council's lever, place, building, transfer or schools block comes to, so most likely one written in £ thousands, as a finance
 * report gives it. The schema reads any amount from £0, and the run priced them with exit 0 and no word: a lever's
 * `cost_gbp_per_year: 400` (£400,000) left £399,600 a year out of the recovery plan's cost, a capacity change's
 * `place_rate_gbp: 10` (£10,000) funded 100 new special places at £1,000 a year in all, and
 * `funding.schools_block_transfer_gbp: 1250` (£1.25m) put £1,250 of transfer in every year in place of the table's.
 * (The money tables refuse a unit cost or place rate below £100 and name one below £1,000: etl/readers.) Pure.
 */
import { scenarioMsg } from '../messages/index.ts';
import type { Scenario } from './schema.ts';

/**
 * The least amount (other than £0) of each key that is not named, and why: a figure in £ thousands of the smallest
 * real one would be under it, a real one is not.
 */
export const SCENARIO_AMOUNT_NOTED = {
  cost_gbp_per_year: { below: 1_000, why: 'no staffed lever costs so little a year' },
  place_rate_gbp: { below: 1_000, why: 'no place is funded at so little (the national rates are £6,000 and £10,000)' },
  capital_cost_gbp: { below: 10_000, why: 'building places costs far more' },
  schools_block_transfer_gbp: { below: 10_000, why: 'a transfer is a share of a schools block of tens of millions of pounds or more' },
  schools_block_gbp: { below: 1_000_000, why: "a council's schools block runs to tens of millions of pounds or more" },
} as const;

/**
 * A note for each amount of the scenario above £0 and below its SCENARIO_AMOUNT_NOTED: a lever's cost_gbp_per_year, a
 * capacity change's place_rate_gbp and capital_cost_gbp, funding.schools_block_transfer_gbp and schools_block_gbp;
 * and for either funding amount below £0.
 * @example moneyNotes({ file: 's.yaml', mitigations: [{ name: 'Early help', cost_gbp_per_year: 400 }], capacity: { changes: [] }, funding: {} }) // one note
 */
export function moneyNotes(
  s: Pick<Scenario, 'file'> & {
    mitigations: ReadonlyArray<Pick<Scenario['mitigations'][number], 'name' | 'cost_gbp_per_year'>>;
    capacity: { changes: ReadonlyArray<Pick<Scenario['capacity']['changes'][number], 'place_rate_gbp' | 'capital_cost_gbp'>> };
    funding: Pick<Scenario['funding'], 'schools_block_transfer_gbp' | 'schools_block_gbp'>;
  },
): string[] {
  type Key = keyof typeof SCENARIO_AMOUNT_NOTED;
  const amounts: Array<[path: string, key: Key, what: string, value: number | undefined]> = [
    ...s.mitigations.map((m, i): [string, Key, string, number] => [`mitigations[${i}].cost_gbp_per_year`, 'cost_gbp_per_year', `a year to deliver lever '${m.name}'`, m.cost_gbp_per_year]),
    ...s.capacity.changes.flatMap((c, i): Array<[string, Key, string, number | undefined]> => [
      [`capacity.changes[${i}].place_rate_gbp`, 'place_rate_gbp', 'a place a year', c.place_rate_gbp],
      [`capacity.changes[${i}].capital_cost_gbp`, 'capital_cost_gbp', 'to build the places', c.capital_cost_gbp],
    ]),
    ['funding.schools_block_transfer_gbp', 'schools_block_transfer_gbp', 'a year', s.funding.schools_block_transfer_gbp],
    ['funding.schools_block_gbp', 'schools_block_gbp', 'a year', s.funding.schools_block_gbp],
  ];
  const small = amounts
    .filter(([, key, , v]) => v !== undefined && v > 0 && v < SCENARIO_AMOUNT_NOTED[key].below)
    .map(([path, key, what, v]) => scenarioMsg.amountInThousands(s.file, path, what, v!, SCENARIO_AMOUNT_NOTED[key].below, SCENARIO_AMOUNT_NOTED[key].why));
  // the two funding amounts may be written below £0 (the others may not): a transfer out of the block is rare, and
  // a transfer in written with a ledger's credit sign took £2.5m a year off the sample's income; no schools block is
  const transfer = s.funding.schools_block_transfer_gbp;
  const block = s.funding.schools_block_gbp;
  return [
    ...small,
    ...(transfer !== undefined && transfer < 0 ? [scenarioMsg.negativeTransferInScenario(s.file, transfer)] : []),
    ...(block !== undefined && block < 0 ? [scenarioMsg.negativeSchoolsBlock(s.file, block)] : []),
  ];
}

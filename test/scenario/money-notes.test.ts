/**
 * Amounts of a scenario written in £ thousands, as a finance report gives them: the schema reads any amount from £0,
 * and the run priced them with exit 0 and no word (a lever's `cost_gbp_per_year: 400` for £400,000 left £399,600 a
 * year out of the recovery plan's cost; a capacity change's `place_rate_gbp: 10` funded its places at £10; a
 * `funding.schools_block_transfer_gbp: 1250` for £1.25m replaced the table's transfer with £1,250 a year). Each amount
 * above £0 under its key's floor is now named on stderr and the Data quality sheet; the figures are priced as written.
 */
import { describe, expect, it } from 'vitest';
import { moneyNotes } from '../../src/scenario/money-notes.ts';

const none = { file: 's.yaml', mitigations: [], capacity: { changes: [] }, funding: {} };

describe('scenario amounts in £ thousands', () => {
  it('names each amount above £0 under its key\'s floor, with the key, the file and what to write', () => {
    const notes = moneyNotes({
      file: 's.yaml',
      mitigations: [
        { name: 'Early help', cost_gbp_per_year: 400 },
        { name: 'Training', cost_gbp_per_year: 5_000 },
        { name: 'Free', cost_gbp_per_year: 0 },
      ],
      capacity: { changes: [{ place_rate_gbp: 10, capital_cost_gbp: 2_500 }, { place_rate_gbp: 10_000, capital_cost_gbp: 3_000_000 }] },
      funding: { schools_block_transfer_gbp: 1_250, schools_block_gbp: 300_000 },
    });
    expect(notes).toEqual([
      "Scenario amount: mitigations[0].cost_gbp_per_year in s.yaml is £400 a year to deliver lever 'Early help', under £1,000: no staffed lever costs so little a year, so it is most likely a figure in £ thousands. The figures are priced as written; if £400,000 was meant, write 400000.",
      expect.stringContaining('Scenario amount: capacity.changes[0].place_rate_gbp in s.yaml is £10 a place a year, under £1,000: no place is funded at so little'),
      expect.stringContaining('Scenario amount: capacity.changes[0].capital_cost_gbp in s.yaml is £2,500 to build the places, under £10,000'),
      expect.stringContaining('Scenario amount: funding.schools_block_transfer_gbp in s.yaml is £1,250 a year, under £10,000'),
      expect.stringContaining('Scenario amount: funding.schools_block_gbp in s.yaml is £300,000 a year, under £1,000,000'),
    ]);
  });

  it('names a schools block transfer or schools block below £0', () => {
    expect(moneyNotes({ ...none, funding: { schools_block_transfer_gbp: -1_250_000, schools_block_gbp: -250e6 } })).toEqual([
      'Scenario amount: funding.schools_block_transfer_gbp in s.yaml is -£1,250,000 a year, below £0: read as money moved out of the High Needs block into the schools block in every year, which lowers its income. ' +
        'A transfer from the schools block into the High Needs block, the usual one, is written above £0: if that is what it is, drop the minus sign.',
      expect.stringContaining('Scenario amount: funding.schools_block_gbp in s.yaml is -£250,000,000, below £0'),
    ]);
  });

  it('says nothing of amounts in pounds, of £0 or of amounts not given', () => {
    expect(moneyNotes(none)).toEqual([]);
    expect(moneyNotes({ ...none, funding: { schools_block_transfer_gbp: 0, schools_block_gbp: 250e6 } })).toEqual([]);
  });

  // run's stderr: test/pipeline/scenario-rate-notes.test.ts, whose run has an amount in £ thousands too
});

/**
 * backtest --ees said nothing of figures that do not reconcile in the Januaries it scored against: a copy of the 2022
 * release with Kent's January 2020 cut to a tenth scored a MAPE of 298% a year ahead, with no more than 'Few forecasts
 * scored', where forecast of the same files names the LA-years whose stock does not follow from the year before. It now
 * names the stock findings (ages against the total, stock continuity) of the LAs it scores, in the Januaries from its
 * first origin to its last outcome, in one warning; findings outside them, or of other LAs, are not said.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './helpers.ts';
import { tempDir } from '../temp.ts';

describe('backtest of a series whose figures do not reconcile', () => {
  it('names them where it scores them, and not where it does not', async () => {
    const dir = tempDir('hn-bt-findings-');
    const file = join(dir, 'sen2_age_caseload.csv');
    const text = readFileSync('data-samples/sen2_age_caseload.csv', 'utf8');
    // Anyshire's January 2020 total written 10% higher than its age rows (1,743)
    const edited = text.replace(/^(2020,[^\n]*,999,E99999999,Anyshire,Total,z,z,)1743,100,1743,100/m, '$11917,100,1917,100');
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    const scored = await runCli('backtest', '--ees', file, '--la', '999', '--origins', '2018,2019', '--horizon', '1');
    expect(scored.code, scored.stderr).toBe(0);
    expect(scored.stderr).toMatch(
      /warning: The Januaries this backtest starts from or scores against hold figures that do not reconcile, and its scores rest on them as published: Reconciliation: 1 January whose age rows do not add up to its total: Anyshire, January 2020: its 5 age rows add up to 1,743 plans, its "All EHC plans" row says 1,917/,
    );
    const later = await runCli('backtest', '--ees', file, '--la', '999', '--origins', '2021', '--horizon', '1');
    expect(later.code, later.stderr).toBe(0);
    expect(later.stderr).not.toMatch(/do not reconcile/);
  });
});

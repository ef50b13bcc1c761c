/**
 * backtest's command line: what it cannot honour is a usage error (exit 2) before any work, never a flag read in part
 * or left out without a word.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.ts';

describe('backtest flags', () => {
  // --data was left out without a word when --ees was given too: the score was of the EES files alone
  it('refuses --ees and --data together', async () => {
    const r = await runCli('backtest', '--ees', 'data-samples/sen2_age_caseload.csv', '--data', 'data-samples');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--ees and --data/);
    expect(r.stdout).toBe('');
  });

  // with --data, `--la 999 --la 998` scored 999 alone and said nothing of 998 (which the data do not hold)
  it('refuses several LAs with --data, which scores one', async () => {
    const r = await runCli('backtest', '--data', 'data-samples', '--la', '999', '--la', '998');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--la is given 2 LAs \('999', '998'\).*--data/);
  });

  // --origins 2020,2020 scored the origin 2020 twice ('origins 2020, 2020'), weighing it double in every mean
  it('refuses an origin given twice', async () => {
    const r = await runCli('backtest', '--origins', '2019,2020,2020');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--origins gives 2020 more than once/);
  });
});

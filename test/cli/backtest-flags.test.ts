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
});

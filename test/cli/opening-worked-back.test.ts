/**
 * An opening balance worked back (the opening-balance table gives only a year the run projects) is only as good as the
 * in-year balances it is worked back over. The sample from January 2022 (its returns left out) with its High Needs
 * block typed in £ thousands (57,170 for £57,170,000) worked back a surplus of £157,113,432 at 31 March 2022 from the
 * table's deficit of £18,400,000 at 31 March 2025, exit 0 (Kent's real 2022 release with the sample's tables: £1.05bn):
 * each year's in-year balance was the whole spend. `run` now refuses it, naming the table, the year and what to do.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copySampleTables, runCli, sampleTables } from './helpers.ts';
import { withTempDir } from '../temp.ts';

describe('an opening balance worked back over years whose block is out of scale with their spend', () => {
  it('is refused (exit 1) naming the opening-balance table, the year and the figures, nothing written', async () => {
    await withTempDir(async (d) => {
      const data = join(d, 'data');
      copySampleTables(data);
      expect(readFileSync(join(data, 'opening_balance.csv'), 'utf8')).toMatch(/^2024-25,-18400000$/m);
      const funding = readFileSync(join(data, 'funding.csv'), 'utf8');
      writeFileSync(join(data, 'funding.csv'), funding.replace(/^(20\d\d-\d\d),(\d+)000,/gm, '$1,$2,'));
      const out = join(d, 'out');
      const r = await runCli('run', '--data', data, '--out', out, '--draws', '0', '--json');
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(
        /no opening DSG balance can be worked back, so no outputs were written\. The opening-balance table \(.*opening_balance\.csv\) gives the balance only at the end of 2024-25 \(-£18,400,000\)/,
      );
      expect(r.stderr).toMatch(/it would be £[\d,]+\. But in 2022-23 the High Needs block \(£52,319\) is 0\.\d+% of the High Needs spend the run models for that year \(£[\d,]+\), outside 20%–500%/);
      expect(r.stderr).toMatch(/Add a row for 2021-22 to the opening-balance table \(the balance in the accounts at 31 March 2022\), or check hn_block_gbp in the funding table \(.*funding\.csv\)/);
      expect(existsSync(out)).toBe(false);
      // goal-seek seeks no target on it either
      const g = await runCli('goal-seek', 'scenarios/baseline.yaml', '--data', data, '--lever', 'new_plans', '--target', 'in-year-balance=0@2028-29', '--out', join(d, 'goal.yaml'));
      expect(g.code, g.stderr).toBe(1);
      expect(g.stderr).toContain('no opening DSG balance can be worked back');
      expect(existsSync(join(d, 'goal.yaml'))).toBe(false);
    });
  });

  it('the sample from January 2022 with its block in pounds still works its opening back (-£4.4m at 31 March 2022)', async () => {
    await withTempDir(async (d) => {
      const r = await runCli('run', '--data', sampleTables(), '--out', join(d, 'out'), '--draws', '0', '--json');
      expect(r.code, r.stderr).toBe(0);
      const j = JSON.parse(r.stdout) as { opening_balance_gbp: number; cumulative_balance_gbp: Record<string, { p50: number }> };
      expect(j.cumulative_balance_gbp['2024-25']!.p50).toBe(-18_400_000);
      expect(j.opening_balance_gbp).toBeLessThan(0);
      expect(j.opening_balance_gbp).toBeGreaterThan(-18_400_000);
    });
  });
});

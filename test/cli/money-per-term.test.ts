/**
 * Money tables per the wrong period or in the wrong units, found against published figures (docs/budget.md "Cost per
 * plan against published figures"): the sample's unit costs per term (÷3, no Section 251 outturn) priced its spend at
 * £36m against £69m and gave a surplus at 31 March 2028 in place of a deficit of £71m, exit 0, no word.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copySampleTables, runCli } from './helpers.ts';
import { withTempDir } from '../temp.ts';

/** Placements whose unit cost is the whole fee, or a package (the cost-per-plan note holds them on their own). */
const FEES = ['ISS', 'NMSS', 'IMS', 'SPI'];

/** The sample's tables with every unit cost (or, `fees` false, every top-up) divided by `by` and no Section 251 outturn (which would scale them back). */
function perTerm(data: string, by: number, fees = true): void {
  copySampleTables(data);
  rmSync(join(data, 'section_251_outturn.csv'));
  const file = join(data, 'unit_costs.csv');
  const [head, ...rows] = readFileSync(file, 'utf8').trim().split('\n');
  writeFileSync(file, [head, ...rows.map((r) => r.split(',').map((c, i) => (i === 3 && (fees || !FEES.includes(r.split(',')[0]!)) ? String(Math.round(Number(c) / by)) : c)).join(','))].join('\n') + '\n');
}

describe('unit costs per term rather than per year', () => {
  it('are named on stderr, first, with the table, line, figure and published figure, and in the report beside the budget table', async () => {
    await withTempDir(async (d) => {
      const data = join(d, 'data');
      perTerm(data, 3);
      const out = join(d, 'out');
      const r = await runCli('run', '--data', data, '--out', out, '--draws', '0');
      expect(r.code, r.stderr).toBe(0);
      // before: 4 notes, none of the money (pooled trend, batch statistics, short rates, far years)
      const listed = r.stderr.split('\n').filter((l) => l.startsWith('  - '));
      const cost = listed.findIndex((l) => l.startsWith('  - Unit costs: a plan\'s cost in 2022-23 from the unit-cost table is far from the published figure'));
      expect(cost, r.stderr).toBeGreaterThanOrEqual(0);
      // among the notes that say a figure is probably wrong, listed first (a price year taken back, the block, this)
      expect(cost).toBeLessThan(4);
      expect(listed[cost]).toContain('ISS (independent special school) at £21,333 a plan-year, from the unit-cost table\'s ISS £21,333 at 2024-25 prices (unit_costs.csv line 8)');
      expect(listed[cost]).toContain('under 40% of the national average cost of an independent or non-maintained special school placement, £64,000 in 2024-25');
      expect(listed[cost]).toContain('Is the table per term rather than per year, or in £ thousands?');
      // the block against spend, with its file and line (before, the year alone): 159% of it (£35.9m of spend in 2025-26), over 125% (inside 20%–500%, where nothing was said)
      expect(r.stderr).toContain('  - Funding 2025-26 (funding.csv line 2): the High Needs block of £57,170,000 is 159% of the High Needs spend the run models for that year');
      const html = readFileSync(join(out, readdirSync(out).find((f) => f.endsWith('.html') && f.startsWith('recovery-plan'))!), 'utf8');
      const paths = html.slice(html.indexOf('<section class="chapter" id="paths">'));
      expect(paths.indexOf('class="warn"')).toBeGreaterThan(0);
      expect(paths.indexOf('Unit costs: a plan&#39;s cost')).toBeLessThan(paths.indexOf('Budget by financial year'));
      expect(paths.indexOf('Funding 2025-26 (funding.csv line 2): the High Needs block')).toBeLessThan(paths.indexOf('Budget by financial year'));
    });
  });

  it('a table with its top-ups per term and its fees per year is named beside the budget table (before: a surplus, no word)', async () => {
    await withTempDir(async (d) => {
      const data = join(d, 'data');
      perTerm(data, 3, false);
      const out = join(d, 'out');
      const r = await runCli('run', '--data', data, '--out', out, '--draws', '0');
      expect(r.code, r.stderr).toBe(0);
      const listed = r.stderr.split('\n').filter((l) => l.startsWith('  - '));
      const low = listed.find((l) => l.startsWith('  - Unit costs: every placement paid a top-up is priced in 2022-23 under the published figure'));
      expect(low, r.stderr).toBeDefined();
      expect(low).toContain('MS £2,');
      expect(low).toContain('(funding.csv line 2)');
      expect(low).toContain('Are the top-ups per term?');
      // no other note on the unit costs or the block: the fees are per year, and the block is under 125% of spend
      expect(r.stderr).not.toContain('far from the published figure');
      expect(r.stderr).not.toContain('over 125%');
      const html = readFileSync(join(out, readdirSync(out).find((f) => f.endsWith('.html') && f.startsWith('recovery-plan'))!), 'utf8');
      const paths = html.slice(html.indexOf('<section class="chapter" id="paths">'));
      expect(paths.indexOf('Unit costs: every placement paid a top-up')).toBeGreaterThan(0);
      expect(paths.indexOf('Unit costs: every placement paid a top-up')).toBeLessThan(paths.indexOf('Budget by financial year'));
    });
  });
});

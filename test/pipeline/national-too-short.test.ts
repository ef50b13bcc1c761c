/**
 * England's rows in a run's data that give no growth up to the base year (a year of national rows alone, added to an
 * LA's download, or only years after the base): the pool of trends took England's growth from the LA itself
 * (pool.ts falls back to the sum of the batch, here the one LA), with no note. The sample's published tables with
 * England's row for January 2023 alone projected January 2032 at 6,457 plans instead of 6,015, exit 0, and without
 * the "no England series" note. Such rows now count as no series: the run pools towards the shipped reference series,
 * as with no England rows, and says so on stderr and the Data quality sheet.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySampleTables, runCli } from '../cli/helpers.ts';
import { tempDir } from '../temp.ts';

type Totals = Record<string, { p50: number }>;

async function totals(data: string, out: string): Promise<{ totals: Totals; stderr: string }> {
  const r = await runCli('run', '--data', data, '--demand-only', '--draws', '0', '--json', '--out', out);
  expect(r.code, r.stderr).toBe(0);
  return { totals: (JSON.parse(r.stdout) as { ehcp_total: Totals }).ehcp_total, stderr: r.stderr };
}

describe("England's rows too few for a trend", () => {
  it('a year of national rows alone is pooled as no England series, with a note naming the years', async () => {
    const dir = tempDir('hn-national-short-');
    const data = join(dir, 'data');
    copySampleTables(data);
    const without = await totals(data, join(dir, 'a'));
    const file = join(data, 'sen2_age_caseload.csv');
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const national = lines
      .filter((l) => l.startsWith('2022,'))
      .map((l) => {
        const c = l.split(',');
        c[0] = '2023';
        c[2] = 'National';
        for (const i of [5, 6, 7, 8, 9]) c[i] = '';
        return c.join(',');
      });
    expect(national.length).toBeGreaterThan(1);
    writeFileSync(file, [...lines, ...national].join('\n') + '\n');
    rmSync(join(dir, 'a'), { recursive: true, force: true });
    const withRows = await totals(data, join(dir, 'b'));
    expect(withRows.totals).toEqual(without.totals);
    expect(withRows.stderr).toContain(
      "The data's England rows give plans at January 2023 only, too few for a trend up to the base year 2022: Anyshire's trend is pooled towards England's published series in the shipped reference table (to January 2022), not towards the LA itself.",
    );
  });
});

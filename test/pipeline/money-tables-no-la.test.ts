/**
 * Money tables that name no LA (no `la_code` column) in data that hold several LAs' plans are used for whichever LA
 * is run: City of London, run on a folder of the real 2022 release with Kent-sized tables beside it, showed a surplus
 * growing by £197m a year, exit 0 and no note. `run` and `goal-seek` now say so on stderr (and the Data quality
 * sheet), naming the tables, the number of LAs and what to add; nothing is said for one LA's data or for tables that
 * name their LA.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySampleTables, runCli, sampleTables } from '../cli/helpers.ts';
import { tempDir } from '../temp.ts';

const NOTE = /Money tables: (.*) name no LA \(no la_code on (?:its|their) rows\), and the data hold 2 LAs: (?:its|their) figures are used as Anyshire's/;

/** The sample with a second LA (998, Otherplace) in its published caseload. */
function twoLas(dir: string): string {
  const data = join(dir, 'data');
  copySampleTables(data);
  const f = join(data, 'sen2_age_caseload.csv');
  const lines = readFileSync(f, 'utf8').trimEnd().split('\n');
  const other = lines.slice(1).map((l) => l.replace(',999,E99999999,Anyshire,', ',998,E99999998,Otherplace,'));
  writeFileSync(f, [...lines, ...other].join('\n') + '\n');
  return data;
}

let shared: string | undefined;

/**
 * twoLas() made once for the tests that only read it: run's load cache is kept per temporary data folder
 * (test/cli/helpers.ts runCli), so a second copy of the same files was loaded afresh.
 */
function twoLasShared(): string {
  return (shared ??= twoLas(tempDir('hn-money-no-la-')));
}

/** Every money table of the folder with an la_code column naming `code` on every row. */
function nameLa(data: string, code: string): void {
  for (const n of readdirSync(data).filter((x) => /^(unit_costs|places|funding|other_spend|opening_balance|reserves|section_251_outturn)\.csv$/.test(x))) {
    const [head, ...rows] = readFileSync(join(data, n), 'utf8').trimEnd().split('\n');
    writeFileSync(join(data, n), [`la_code,${head}`, ...rows.map((r) => `${code},${r}`)].join('\n') + '\n');
  }
}

describe('money tables that name no LA, in data of several LAs', () => {
  it('run says the tables are used as the LA run, and how to name them; goal-seek says it too', async () => {
    const data = twoLasShared();
    const dir = tempDir('hn-money-no-la-out-');
    const r = await runCli('run', '--data', data, '--la', '999', '--draws', '0', '--out', join(dir, 'out'));
    expect(r.code, r.stderr).toBe(0);
    const m = NOTE.exec(r.stderr);
    expect(m, r.stderr).not.toBeNull();
    expect(m![1]).toContain('funding.csv');
    expect(m![1]).toContain('unit_costs.csv');
    expect(r.stderr).toContain("give each row its LA's code in an la_code column");
    const g = await runCli('goal-seek', 'scenarios/baseline.yaml', '--data', data, '--la', '999', '--lever', 'new_plans', '--target', 'in-year-balance=0@2028-29', '--draws', '0', '--out', join(dir, 'goal.yaml'));
    expect(g.code, g.stderr).toBe(0);
    expect(g.stderr).toMatch(NOTE);
  });

  it('says nothing when the tables name their LA, for one LA\'s data, or for a run without a budget', async () => {
    const dir = tempDir('hn-money-la-');
    const demand = await runCli('run', '--data', twoLasShared(), '--la', '999', '--demand-only', '--draws', '0', '--out', join(dir, 'demand'));
    expect(demand.code, demand.stderr).toBe(0);
    expect(demand.stderr).not.toContain('Money tables:');
    const data = twoLas(dir);
    nameLa(data, '999');
    const named = await runCli('run', '--data', data, '--la', '999', '--draws', '0', '--out', join(dir, 'named'));
    expect(named.code, named.stderr).toBe(0);
    expect(named.stderr).not.toContain('Money tables:');
    const single = await runCli('run', '--data', sampleTables(), '--draws', '0', '--out', join(dir, 'single'));
    expect(single.code, single.stderr).toBe(0);
    expect(single.stderr).not.toContain('Money tables:');
  });
});

/**
 * The warnings of a council's own money tables reach `run`'s stderr, not only the workbook's Data quality sheet: a
 * funding.csv whose schools block transfer column was headed 'sbt_gbp' ran with the £1.25m a year left out of income,
 * the only word 'unknown column' on the Data quality sheet (validate said it; run did not). An empty template's "no rows
 * yet" is not repeated there: it changes no figure.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySampleTables, runCli } from '../cli/helpers.ts';
import { tempDir } from '../temp.ts';

describe('run on own tables with warnings', () => {
  it('lists them on stderr with file and line, but not an empty template', async () => {
    const data = join(tempDir('hn-own-warn-'), 'data');
    copySampleTables(data);
    const funding = join(data, 'funding.csv');
    writeFileSync(funding, readFileSync(funding, 'utf8').replace('schools_block_transfer_gbp', 'sbt_gbp'));
    writeFileSync(join(data, 'reserves.csv'), 'financial_year,usable_reserves_gbp\n');
    const r = await runCli('run', 'scenarios/baseline.yaml', '--data', data, '--draws', '0', '--out', join(data, '..', 'out'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${funding}:1 [sbt_gbp]: unknown column 'sbt_gbp' is ignored`);
    expect(r.stderr).not.toMatch(/no rows yet/);
    const quiet = await runCli('run', 'scenarios/baseline.yaml', '--data', data, '--draws', '0', '--out', join(data, '..', 'out'), '--quiet');
    expect(quiet.stderr).toBe('');
    // goal-seek seeks on the same figures, so it says the same
    const g = await runCli('goal-seek', 'scenarios/baseline.yaml', '--data', data, '--lever', 'new_plans', '--target', 'in-year-balance=-20000000@2028-29', '--draws', '0', '--out', join(data, '..', 'goal.yaml'));
    expect(g.code, g.stderr).toBe(0);
    expect(g.stderr).toContain(`${funding}:1 [sbt_gbp]: unknown column 'sbt_gbp' is ignored`);
    expect(g.stderr).not.toMatch(/no rows yet/);
  });
});

/**
 * The own tables carry the LA code (`init` writes a `la_code` column): a run for another LA refuses the rows, naming
 * file and line, so one LA's money never reaches another's budget. Rows without a code, or with the run's old or new
 * code, are used.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './helpers.ts';
import { tempDir } from '../temp.ts';
import { loadIntoMemory } from '../../src/etl/load.ts';
import { budgetTablesFromWarehouse } from '../../src/pipeline/budget-tables.ts';

const SAMPLE_LA = { oldCode: '999', newCode: 'E99999999', name: 'Anyshire' };

function withCode(csv: string, codes: string[]): string {
  const [header, ...rows] = csv.trimEnd().split('\n');
  return [`la_code,${header}`, ...rows.map((r, i) => `${codes[i] ?? ''},${r}`)].join('\n') + '\n';
}

describe('own tables carry the LA code', () => {
  it('uses rows with the run\'s old or new code or none, and refuses another LA\'s rows naming file and line', async () => {
    const dir = tempDir('hn-la-code-');
    const funding = readFileSync('data-samples/funding.csv', 'utf8');
    writeFileSync(join(dir, 'funding.csv'), withCode(funding, ['999', 'E99999999', '']));
    const ok = await loadIntoMemory([dir]);
    try {
      const tables = await budgetTablesFromWarehouse(ok.warehouse, SAMPLE_LA);
      expect(tables.funding.length).toBe(funding.trimEnd().split('\n').length - 1);
    } finally {
      ok.warehouse.close();
    }
    writeFileSync(join(dir, 'funding.csv'), withCode(funding, ['999', '886']));
    const bad = await loadIntoMemory([dir]);
    try {
      await expect(budgetTablesFromWarehouse(bad.warehouse, SAMPLE_LA)).rejects.toMatchObject({
        exitCode: 1,
        problems: [{ file: expect.stringContaining('funding.csv'), line: 3, column: 'la_code', message: expect.stringMatching(/LA 886, but this run is for Anyshire \(999 \/ E99999999\).*--la 886/) }],
      });
    } finally {
      bad.warehouse.close();
    }
  });

  it('run exits 1 before any output when a table names another LA, and a bad code is a located load error', async () => {
    const dir = tempDir('hn-la-code-run-');
    // the sample's published files say which LA the run is for; the places table is the one under test
    for (const f of ['sen2_age_caseload.csv', 'sen2_age_new_plans.csv', 'places.csv']) cpSync(join('data-samples', f), join(dir, 'data', f));
    const places = readFileSync(join(dir, 'data/places.csv'), 'utf8');
    writeFileSync(join(dir, 'data/places.csv'), withCode(places, ['999', '999', '998']));
    const out = join(dir, 'out');
    const r = await runCli('run', '--data', join(dir, 'data'), '--draws', '0', '--out', out, '--fresh');
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/places\.csv:4 column 'la_code'/);
    expect(r.stderr).toContain('LA 998');
    writeFileSync(join(dir, 'data/places.csv'), withCode(places, ['Kent']));
    const bad = await runCli('run', '--data', join(dir, 'data'), '--draws', '0', '--out', out, '--fresh');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/places\.csv:2 column 'la_code': 'Kent' is not an LA code/);
  });
});

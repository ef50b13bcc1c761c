/**
 * `load` validates and loads (cli.md), but it loaded files without a word of the warnings `validate` gives them: a
 * schools block transfer of £1,250,000 typed as 1250 and an ISS fee of £164,500 typed as 164.5 were each warned of
 * by `validate` ("most likely a figure in £ thousands among figures in pounds") and loaded by `load`, exit 0, with
 * "loaded  funding.csv (funding, 2 rows)" alone. `load` now says each warning once, in validate's words, on stderr
 * (also with --json) and lists them under "warnings" in its JSON document.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copySampleTables, runCli } from './helpers.ts';
import { tempDir } from '../temp.ts';

interface Warning {
  path: string;
  line: number | null;
  column: string | null;
  message: string;
}

/** The sample's tables with one transfer and one unit cost typed in £ thousands. */
function tablesInThousands(): string {
  const data = join(tempDir('hn-load-warnings-'), 'data');
  copySampleTables(data);
  const funding = join(data, 'funding.csv');
  writeFileSync(funding, readFileSync(funding, 'utf8').replace(/^(2025-26,\d+),1250000,/m, '$1,1250,'));
  const costs = join(data, 'unit_costs.csv');
  writeFileSync(costs, readFileSync(costs, 'utf8').replace(/^ISS,,,\d+,/m, 'ISS,,,164.5,'));
  return data;
}

/** validate --json's warnings of data files (a README's 'documentation, not data' is under load's "skipped"). */
async function validateWarnings(data: string): Promise<Warning[]> {
  const v = await runCli('validate', data, '--json');
  expect(v.code, v.stderr).toBe(0);
  const doc = JSON.parse(v.stdout) as { files: Array<{ path: string; reader: string | null; warnings: Array<Omit<Warning, 'path'>> }> };
  return doc.files.filter((f) => f.reader !== 'documentation').flatMap((f) => f.warnings.map((w) => ({ path: f.path, ...w })));
}

describe('load says the warnings validate gives', () => {
  it('lists them in --json and on stderr, once each, in validate\'s words', async () => {
    const data = tablesInThousands();
    const expected = await validateWarnings(data);
    expect(expected.map((w) => [w.path.slice(data.length + 1), w.line, w.column])).toEqual([
      ['funding.csv', 2, 'schools_block_transfer_gbp'],
      ['unit_costs.csv', 8, 'annual_cost_gbp'],
    ]);
    const l = await runCli('load', data, '--warehouse', join(data, '..', 'w.duckdb'), '--json');
    expect(l.code, l.stderr).toBe(0);
    const doc = JSON.parse(l.stdout) as { loaded: unknown[]; skipped: Array<{ path: string }>; warnings: Warning[] };
    expect(Object.keys(doc)).toEqual(['warehouse', 'loaded', 'skipped', 'warnings']);
    expect(doc.warnings).toEqual(expected);
    for (const w of expected) {
      expect(l.stderr.split(w.message).length - 1, w.message).toBe(1);
      expect(l.stderr).toContain(`warning: ${w.path}: line ${w.line}: ${w.message}\n`);
    }
  });

  it('says them under each loaded file as validate does', async () => {
    const data = tablesInThousands();
    const v = await runCli('validate', data);
    const l = await runCli('load', data, '--warehouse', join(data, '..', 'w.duckdb'));
    expect(l.code, l.stderr).toBe(0);
    const funding = join(data, 'funding.csv');
    // validate: 'ok      …/funding.csv (funding, 2 rows, 1 warning)' then the warning; load: 'loaded  …' then the same
    const under = (text: string, lead: string) => text.split('\n').slice(text.split('\n').findIndex((x) => x.startsWith(lead)) + 1)[0];
    expect(l.stderr).toContain(`loaded  ${funding} (funding, 2 rows, 1 warning)\n`);
    expect(under(l.stderr, `loaded  ${funding}`)).toMatch(/^ {2}warning: line 2: 'schools_block_transfer_gbp' is under £10,000 in 1 row/);
    expect(under(l.stderr, `loaded  ${funding}`)).toBe(under(v.stderr, `ok      ${funding}`));
  });

  it('lists a file\'s first 5 and counts the rest, in validate and load alike (validate cut them without a word)', async () => {
    const file = join(tempDir('hn-load-many-'), 'sen2_age_caseload.csv');
    const [head, ...rows] = readFileSync('data-samples/sen2_age_caseload.csv', 'utf8').split('\n');
    // seven rows under an age label no reader knows: seven warnings, one a row
    let n = 0;
    const odd = rows.map((r) => (n < 7 && /,(Under 5|Age [^,]+),/.test(r) ? r.replace(/,(Under 5|Age [^,]+),/, `,Mystery ${++n},`) : r));
    writeFileSync(file, [head, ...odd].join('\n'));
    const expected = await validateWarnings(file);
    expect(expected).toHaveLength(7);
    const l = await runCli('load', file, '--warehouse', join(file, '..', 'w.duckdb'), '--json');
    expect(l.code, l.stderr).toBe(0);
    expect((JSON.parse(l.stdout) as { warnings: Warning[] }).warnings).toEqual(expected);
    expect(l.stderr.match(/^warning: /gm)).toHaveLength(5);
    expect(l.stderr).toContain(`… and 2 more warnings in ${file}\n`);
    const v = await runCli('validate', file);
    expect(v.stderr.match(/^ {2}warning: /gm)).toHaveLength(5);
    expect(v.stderr).toContain(`  … and 2 more warnings in ${file}\n`);
  });

  it('gives none where validate gives none (the sample)', async () => {
    const l = await runCli('load', 'data-samples/funding.csv', 'data-samples/unit_costs.csv', '--warehouse', join(tempDir('hn-load-none-'), 'w.duckdb'), '--json');
    expect(l.code, l.stderr).toBe(0);
    expect((JSON.parse(l.stdout) as { warnings: unknown[] }).warnings).toEqual([]);
    expect(l.stderr).toBe('');
  });
});

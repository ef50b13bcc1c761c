/**
 * Isles of Scilly on the real 2022 release (no plan in a state special school from January 2019 to 2022; its
 * placement mix pooled towards South West's): the note that its projected state special plans are other LAs'
 * placements reaches the Data quality sheet and the explorer page, whose placement chart showed them with no word,
 * as well as the report and the Plans by placement sheet. Needs the real files (test/real-data.ts).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/helpers.ts';
import { HAVE_REAL, REAL_EES_FILES, realRowsOf } from '../model/real-files.ts';
import { tempDir } from '../temp.ts';

describe.skipIf(!HAVE_REAL)('a placement category the LA has not used', () => {
  it("is named on the Data quality sheet and the explorer page of Isles of Scilly's run", async () => {
    const dir = tempDir('hn-unheld-');
    const data = join(dir, 'data');
    mkdirSync(data);
    realRowsOf(REAL_EES_FILES.filter((f) => f.includes('ees-ehcp-2022')), ['420'], data);
    const out = join(dir, 'out');
    const r = await runCli('run', '--data', data, '--la', '420', '--demand-only', '--draws', '0', '--csv', '--out', out);
    expect(r.code).toBe(0);
    const said = /Isles of Scilly had no plans in the ‘State special’ category at any January from 2019 to 2022; its projection puts \d+ plans there by January \d{4} \(of its \d+ plans then\) from the placement mix of its region or England/;
    expect(readFileSync(join(out, 'csv', 'data_quality_notes.csv'), 'utf8')).toMatch(said);
    const page = readFileSync(join(out, 'explorer-baseline.html'), 'utf8');
    expect(page).toMatch(said);
  }, 60_000);
});

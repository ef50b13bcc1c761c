/**
 * A council that a reorganisation ended is said to be projected past its end by each scenario that reaches that
 * January, not by every scenario of the run. Cumbria (909, ended at January 2024) on the real 2022 release: a
 * scenario from January 2021 over 2 years (to January 2023) beside one from 2022 over 4 (to 2026) had in its own
 * Data quality sheet "Cumbria (909) ceased to exist at January 2024 …: the years projected from January 2024 on are
 * for the former council's area", of years it never projects. Needs the real files (test/real-data.ts).
 * The run reads the release's rows for England, its regions and Cumbria only: the note depends on the LA run and the
 * scenarios' years alone, and every LA of the release made the run work out the past forecasts of 150 LAs (about
 * 6 s of the suite, against about 1.5 s now).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/helpers.ts';
import { HAVE_REAL, REAL_EES_FILES, realRowsOf } from '../model/real-files.ts';
import { tempDir } from '../temp.ts';

describe.skipIf(!HAVE_REAL)('the note on a council projected past its end, in a run of several scenarios', () => {
  it('is in the Data quality of the scenario that reaches the end only', async () => {
    const dir = tempDir('hn-abolished-');
    const data = join(dir, 'data');
    mkdirSync(data);
    realRowsOf(REAL_EES_FILES.filter((f) => f.includes('ees-ehcp-2022')), ['909'], data);
    writeFileSync(join(dir, 'short.yaml'), 'id: short\nname: From 2021, two years\nbase_year: 2021\nhorizon_years: 2\n');
    writeFileSync(join(dir, 'long.yaml'), 'id: long\nname: From 2022, four years\nbase_year: 2022\nhorizon_years: 4\n');
    const out = join(dir, 'out');
    const r = await runCli('run', join(dir, 'short.yaml'), join(dir, 'long.yaml'), '--data', data, '--la', '909', '--demand-only', '--draws', '0', '--csv', '--out', out, '--quiet');
    expect(r.code).toBe(0);
    const notes = (id: string) => readFileSync(join(out, id, 'csv', 'data_quality_notes.csv'), 'utf8');
    expect(notes('long')).toContain('Cumbria (909) ceased to exist at January 2024');
    expect(notes('short')).not.toContain('ceased to exist');
  }, 120_000);
});

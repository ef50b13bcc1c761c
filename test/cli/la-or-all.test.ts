/**
 * `forecast --ees FILE… (--la CODE… | --all)` and `backtest [--la CODE… | --all]` take the two as alternatives
 * (cli.md). Given both, `forecast --la 886 --all` on the real 2022 release wrote 456 rows for 152 LAs and `backtest
 * --la 886 --all` scored 152 series, exit 0, with no word that Kent alone was asked for. Both are now a usage error
 * (exit 2) naming the LAs given, before any file is read (either alone: test/cli/forecast.test.ts and the rest).
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './helpers.ts';
import { tempDir } from '../temp.ts';

describe('--la and --all together', () => {
  it('is exit 2 for forecast and backtest, naming the LAs given, with nothing written', async () => {
    const out = join(tempDir('hn-la-all-'), 'f.csv');
    const f = await runCli('forecast', '--ees', 'data-samples/sen2_age_caseload.csv', '--la', '999', '886', '--all', '--base-year', '2022', '--out', out);
    expect(f.code, f.stderr).toBe(2);
    expect(f.stderr).toContain('forecast takes --la and --all as alternatives: --la forecasts the LAs it names (999 886), --all every LA of the files');
    expect(f.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    const b = await runCli('backtest', '--ees', 'data-samples/sen2_age_caseload.csv', '--all', '--la', '999', '--json');
    expect(b.code, b.stderr).toBe(2);
    expect(b.stderr).toContain('backtest takes --la and --all as alternatives: --la scores the LAs it names (999)');
    // with --json, the refusal is the one document on stdout (cli.md, "When a command fails")
    expect(JSON.parse(b.stdout).error).toMatchObject({ exit: 2, message: expect.stringContaining('backtest takes --la and --all as alternatives') });
  });
});

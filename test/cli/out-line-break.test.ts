/**
 * A place to write whose name holds a line break is refused (exit 2) by every command that writes, before anything is
 * written: run, forecast, init and load wrote there with exit 0 (a name that splits every message about it, and that
 * every command reading it refuses), goal-seek stopped with exit 1 naming its own temporary file.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, sampleTables } from './helpers.ts';
import { withTempDir } from '../temp.ts';

describe('an output path with a line break', () => {
  it('is a usage error naming the flag and the path, for each command that writes; nothing written', async () => {
    await withTempDir(async (dir) => {
      const data = sampleTables();
      const at = (name: string) => join(dir, `${name}\nx`);
      const cases: Array<[string, string[]]> = [
        ['--out', ['run', '--data', data, '--draws', '0', '--out', at('run')]],
        ['--out', ['forecast', '--ees', 'data-samples/sen2_age_caseload.csv', '--all', '--base-year', '2022', '--out', `${at('forecast')}.csv`]],
        ['--out', ['goal-seek', 'scenarios/baseline.yaml', '--lever', 'new_plans', '--target', 'in-year-balance=0@2028-29', '--data', data, '--out', `${at('goal')}.yaml`]],
        ['init DIR', ['init', at('init')]],
        ['--warehouse', ['load', 'data-samples/funding.csv', '--warehouse', `${at('w')}.duckdb`]],
      ];
      for (const [flag, args] of cases) {
        const r = await runCli(...args, '--json');
        expect(r.code, `${args[0]}: ${r.stderr}`).toBe(2);
        expect(r.stderr, args[0]).toContain(`highneeds: ${flag} "${dir}/`);
        expect(r.stderr, args[0]).toContain('the name holds a line break, which would split every message naming what is written there');
        expect(r.stderr).not.toMatch(/\.\d+-tmp/);
        expect((JSON.parse(r.stdout) as { error: { exit: number } }).error.exit).toBe(2);
        expect(readdirSync(dir), args[0]).toEqual([]);
      }
    });
  }, 60_000);
});

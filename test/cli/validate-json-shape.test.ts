/**
 * `validate --json` gives each problem as `{"line": N, "column": "…", "message": "…"}` (cli.md). A problem not at one
 * line or column left the key out: a file no reader recognises read `{"message": …, "line": 1}` with no column, and
 * the README's warning `{"message": …}` alone, so a reader of the document keyed on `column` found nothing. Every
 * problem now has the three keys in that order, `null` where it has no line or column. A file with the same bytes as one
 * before it is listed under a top-level `skipped` (as load's), which the document had lost: the text output said
 * 'skipped …/b.csv: same content as …/a.csv', the JSON nothing of b.csv at all.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './helpers.ts';
import { tempDir } from '../temp.ts';

type Problem = Record<string, unknown>;

describe('validate --json', () => {
  it('gives every error and warning its line, column and message, null where there is none', async () => {
    const dir = tempDir('hn-validate-shape-');
    writeFileSync(join(dir, 'mystery.csv'), 'foo,bar\n1,2\n');
    writeFileSync(join(dir, 'unit_costs.csv'), 'placement,phase,need,annual_cost_gbp,price_year\nEY,,,abc,2024-25\n');
    writeFileSync(join(dir, 'README.md'), '# notes\n');
    const r = await runCli('validate', dir, '--json');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { files: Array<{ path: string; reader: string | null; rows: number; errors: Problem[]; warnings: Problem[] }> };
    const all = doc.files.flatMap((f) => [...f.errors, ...f.warnings]);
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const p of all) {
      expect(Object.keys(p)).toEqual(['line', 'column', 'message']);
      expect(p.line === null || Number.isInteger(p.line)).toBe(true);
      expect(p.column === null || typeof p.column === 'string').toBe(true);
    }
    const byName = (n: string) => doc.files.find((f) => f.path.endsWith(n))!;
    expect(byName('mystery.csv').errors[0]).toMatchObject({ line: 1, column: null });
    expect(byName('unit_costs.csv').errors[0]).toMatchObject({ line: 2, column: 'annual_cost_gbp' });
    expect(byName('README.md').warnings[0]).toMatchObject({ line: null, column: null });
  });

  it('lists a file with the same bytes as one before it under skipped, with the reason; [] when none is', async () => {
    const dir = tempDir('hn-validate-skipped-');
    const table = 'financial_year,hn_block_gbp\n2025-26,58200000\n';
    writeFileSync(join(dir, 'a.csv'), table);
    writeFileSync(join(dir, 'b.csv'), table);
    const r = await runCli('validate', dir, '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { files: Array<{ path: string }>; skipped: Array<Record<string, unknown>> };
    expect(doc.files.map((f) => f.path)).toEqual([join(dir, 'a.csv')]);
    expect(doc.skipped).toEqual([{ path: join(dir, 'b.csv'), reason: expect.stringMatching(/^same content as .*a\.csv/) }]);
    const one = JSON.parse((await runCli('validate', join(dir, 'a.csv'), '--json')).stdout) as { skipped: unknown[] };
    expect(one.skipped).toEqual([]);
  });
});

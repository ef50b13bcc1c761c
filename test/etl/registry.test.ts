/** The "closest known layout" hint of an unrecognised file names what is missing, or says that nothing is. */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIntoMemory } from '../../src/etl/load.ts';
import { closestLayout } from '../../src/etl/registry.ts';
import { validatePaths } from '../../src/etl/validate.ts';
import { tempDir } from '../temp.ts';

describe('closestLayout', () => {
  it('names the missing identifying columns', () => {
    expect(closestLayout(['code', 'name', 'geography'])).toBe("ons-mye (missing 'all ages')");
  });

  it('says the columns are all there when none is missing (never "missing )")', () => {
    const hint = closestLayout(['code', 'name', 'geography', 'all ages', 'infinity', '1']);
    expect(hint).toMatch(/^ons-mye \(its columns are all there/);
    expect(hint).not.toMatch(/missing \)/);
  });

  it('names every layout that shares as many columns, not the first alone', () => {
    // a new-plans file with its figure's column renamed: as close to the caseload layout as to its own
    const hint = closestLayout(['time_period', 'geographic_level', 'old_la_code', 'breakdown_topic', 'breakdown', 'new_plans']);
    expect(hint).toContain("ees-2025-caseload (missing 'ehcplans')");
    expect(hint).toContain(" or ees-2025-newplans (missing 'new_ehc_plans')");
  });

  it('gives nothing for a header like no layout', () => {
    expect(closestLayout(['a', 'b'])).toBeUndefined();
  });
});

describe('a first line past the sniffed head', () => {
  // a caseload whose header ran on for 3 million columns (26 MB) was taken by the columns it starts with and read for
  // minutes (validate killed at 60 s); a 50 MB column name was echoed in a warning after 32 s
  const caseload = readFileSync('data-samples/sen2_age_caseload.csv', 'utf8').split('\n');

  it('is an error at line 1 in a moment, not a header read for minutes', async () => {
    const dir = tempDir('hn-long-header-');
    const p = join(dir, 'sen2_age_caseload.csv');
    writeFileSync(p, [`${caseload[0]},${Array.from({ length: 20_000 }, (_, i) => `x${i}`).join(',')}`, ...caseload.slice(1)].join('\n'));
    const t0 = performance.now();
    const { files: [f] } = await validatePaths([p]);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(f!.errors).toEqual([expect.objectContaining({ line: 1, message: expect.stringMatching(/^the first line runs past 64 KB with no line break/) })]);
  });

  it('stops a run when a reader would take the file; a stray file of one long line is passed over', async () => {
    const dir = tempDir('hn-long-line-run-');
    writeFileSync(join(dir, 'notes.json'), JSON.stringify({ a: 'b'.repeat(100_000) }));
    writeFileSync(join(dir, 'funding.csv'), 'financial_year,hn_block_gbp\n2025-26,57170000\n');
    const load = await loadIntoMemory([dir], { today: new Date('2026-03-01') });
    load.warehouse.close();
    expect(load.skipped.map((s) => basename(s.path))).toEqual(['notes.json']);
    writeFileSync(join(dir, 'funding.csv'), `financial_year,hn_block_gbp,${'y'.repeat(100_000)}\n2025-26,57170000,1\n`);
    await expect(loadIntoMemory([dir], { today: new Date('2026-03-01') })).rejects.toThrow(/nothing was loaded/);
  });
});

/**
 * Blade records attached to no person: one warning per module, worded for what is wrong. A record whose parent id
 * is in no parent record names a parent "not in the export"; a record whose parent is in the export but is itself
 * attached to nothing (its own parent missing) is dropped with that parent, and says so rather than that its parent
 * is missing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSen2Blade } from '../../../src/etl/readers/sen2-blade.ts';
import { bladeCopy, collect, ctx } from './helpers.ts';

async function warnings(p: string) {
  const report = await readSen2Blade(p, collect(), ctx(p));
  expect(report.errors).toEqual([]);
  return report.warnings.filter((w) => /record\(s\)/.test(w.message));
}

/** Request 21 names person 999, whom the person module does not hold: it and everything under it belong to no one. */
const orphanRequest = () => bladeCopy({ edit: { module: 'requests', from: '21,21,1,1,11,', to: '21,21,1,1,999,' } });

describe('Blade records attached to no person', () => {
  it('a record under an orphaned parent says its parent is in the export but attached to nothing', async () => {
    const p = orphanRequest();
    const w = await warnings(p);
    const of = (m: string) => w.filter((x) => x.file === join(dirname(p), `Blade-Export_28-01-2025_${m}.csv`));
    expect(of('requests')).toHaveLength(1);
    expect(of('requests')[0]!.message).toMatch(/^1 requests record\(s\) name a person record that is not in the export \(persontableid '999' here\)/);
    // request 21's children and theirs: each module once, none told its parent is missing
    for (const [m, parent, id] of [['assessment', 'requests', '21'], ['activeplans', 'requests', '21'], ['namedplan', 'assessment', '31'], ['placementdetail', 'activeplans', '61'], ['senneed', 'activeplans', '61']]) {
      expect(of(m!), m).toHaveLength(1);
      const msg = of(m!)[0]!.message;
      expect(msg, m).toMatch(new RegExp(`^1 ${m} record\\(s\\) name a ${parent} record that is in the export but is itself attached to no person \\(${parent}tableid '${id}' here\\)`));
      expect(msg, m).not.toMatch(/not in the export/);
    }
  });

  it('a module with both kinds says how many of each', async () => {
    const p = orphanRequest();
    const plans = join(dirname(p), 'Blade-Export_28-01-2025_activeplans.csv');
    writeFileSync(plans, readFileSync(plans, 'utf8').replace('63,63,2,1,23,', '63,63,2,1,998,'));
    const w = (await warnings(p)).filter((x) => x.file === plans);
    expect(w).toHaveLength(1);
    expect(w[0]!.line).toBe(2);
    expect(w[0]!.message).toMatch(/^2 activeplans record\(s\) belong to no person \(requeststableid '21' here\): 1 names a requests record that is not in the export, 1 a requests record that is in the export but is itself attached to no person/);
  });
});

/**
 * Two releases of one file layout given together (the 2025 release and a later one whose flow files keep the 2025
 * header): the release that reaches the later January is the newer, its figures are used and a revised figure is
 * said, as between releases of different layouts. Two versions of one release (the same reach) that differ are still
 * refused. Synthetic figures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetsFromEesFiles, datasetsFromWarehouse } from '../../src/etl/ees-datasets.ts';
import { loadIntoMemory } from '../../src/etl/load.ts';
import { tempDir, TODAY } from './helpers.ts';

const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown';
const LINCS = 'Local authority,E92000001,England,E12000004,East Midlands,E10000019,925,Lincolnshire';
const ALL_REQ = 'All requests for EHC needs assessments,All requests for EHC needs assessments';

/** A release folder: plans at each January and requests in each calendar year, both in the 2025 layout. */
function release(root: string, name: string, plans: Record<number, number>, requests: Record<number, number>): string {
  const dir = join(root, name);
  mkdirSync(dir);
  const file = (f: string, lines: string[]): void => writeFileSync(join(dir, f), `\ufeff${lines.join('\r\n')}\r\n`);
  const code = (y: number): string => `${y - 1}${String(y).slice(2)}`;
  file('caseload.csv', [`${LEAD},ehcplans`, ...Object.entries(plans).map(([y, n]) => `${code(Number(y))},Academic year,${LINCS},All EHC plans,All EHC plans,${n}`)]);
  file('requests.csv', [`${LEAD},requests_received_in_year`, ...Object.entries(requests).map(([y, n]) => `${y},Calendar year,${LINCS},${ALL_REQ},${n}`)]);
  return dir;
}

function twoReleases(): string[] {
  const root = tempDir();
  // the later release revises January 2024's plans and 2023's requests
  const later = release(root, 'r2026', { 2024: 1010, 2025: 1100, 2026: 1200 }, { 2023: 305, 2024: 320, 2025: 340 });
  const earlier = release(root, 'r2025', { 2024: 1000, 2025: 1100 }, { 2023: 300, 2024: 320 });
  return [earlier, later];
}

describe('two releases of one layout', () => {
  for (const order of ['earlier first', 'later first']) {
    it(`forecast uses the release that reaches the later January, and says what it revises (${order})`, async () => {
      const paths = twoReleases();
      const r = await datasetsFromEesFiles(order === 'earlier first' ? paths : [...paths].reverse(), { today: TODAY });
      const lincs = r.datasets.find((d) => d.la.oldCode === '925')!;
      expect(lincs.stockTotal).toEqual({ 2024: 1010, 2025: 1100, 2026: 1200 });
      expect(lincs.requests).toEqual({ 2023: 305, 2024: 320, 2025: 340 });
      expect(r.revised).toMatch(/Lincolnshire 2024: .* gives 1010, .* gives 1000/);
    });
  }

  it('load takes both, and a run reads the later release', async () => {
    const load = await loadIntoMemory(twoReleases(), { today: TODAY });
    try {
      const { datasets } = await datasetsFromWarehouse(load.warehouse);
      const lincs = datasets.find((d) => d.la.oldCode === '925')!;
      expect(lincs.stockTotal).toEqual({ 2024: 1010, 2025: 1100, 2026: 1200 });
      expect(lincs.requests).toEqual({ 2023: 305, 2024: 320, 2025: 340 });
      expect(lincs.notes.some((n) => /1010.*1000.*newer release/.test(n))).toBe(true);
    } finally {
      load.warehouse.close();
    }
  });

  it('still refuses two versions of one release (the same reach) that differ', async () => {
    const root = tempDir();
    const a = release(root, 'a', { 2024: 1000, 2025: 1100 }, { 2024: 320 });
    const b = release(root, 'b', { 2024: 1000, 2025: 1105 }, { 2024: 320 });
    await expect(datasetsFromEesFiles([a, b], { today: TODAY })).rejects.toMatchObject({ exitCode: 1 });
    await expect(loadIntoMemory([a, b], { today: TODAY })).rejects.toMatchObject({ exitCode: 1 });
  });
});

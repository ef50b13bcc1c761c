/**
 * `run --suppress-small-counts --json`: the document on standard output hides the counts of plans the files hide, by
 * the same rule (report/suppress.ts), and so do the explorer page's data and its CSV download. Before, the document
 * gave Isles of Scilly's January 2022 placements (EY 1, ISS 2, FE 1, EOTAS 1) where every file read `[c]`, and the
 * page carried them in its data.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLACEMENTS } from '../../src/domain/index.ts';
import { SUPPRESSED } from '../../src/report/suppress.ts';
import { variantCsv } from '../../src/explorer/view-model.ts';
import { initLaShared, runCli, sampleTables } from './helpers.ts';
import { tempDir } from '../temp.ts';
import { loadPageInNode } from '../explorer/bundle-in-node.ts';
import { HAVE_REAL_DATA, REAL_DATA } from '../real-data.ts';

type Doc = { suppressed_below?: number; ehcp_total: Record<string, Record<string, number | string>>; ehcp_by_placement: Record<string, Record<string, number | string>> };

/** The fields of a CSV line (RFC 4180 quoting; no line breaks in a field here). */
const fields = (line: string): string[] => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, -1);

/** Every count of plans in the document beside its cell in the CSV of the Plans by placement sheet: the same, or `[c]` in both. */
function expectLikeTheFiles(doc: Doc, outDir: string): number {
  const [head, ...rows] = readFileSync(join(outDir, 'csv', 'plans_by_placement.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/).map(fields);
  const col = (y: string) => head!.findIndex((h) => h.startsWith(`Jan ${y} `));
  let hidden = 0;
  for (const [y, byP] of Object.entries(doc.ehcp_by_placement)) {
    const j = col(y);
    expect(j, y).toBeGreaterThan(0);
    const rowsOf: Array<[string, number | string]> = [...PLACEMENTS.map((p): [string, number | string] => [p, byP[p]!]), ['ALL', doc.ehcp_total[y]!.p50!]];
    for (const [code, v] of rowsOf) {
      const cell = rows.find((r) => r[0] === code)![j]!;
      if (v === SUPPRESSED) hidden++;
      if (cell === SUPPRESSED) expect(v, `${code} ${y}`).toBe(SUPPRESSED);
      else expect(v, `${code} ${y}`).toBeCloseTo(Number(cell), 5);
    }
  }
  return hidden;
}

/** No count of plans from 1 to t − 1 in the document, nor in the explorer page's data or its CSV download. */
function expectNoSmallCount(doc: Doc, t: number, outDir: string, id: string): void {
  for (const part of [doc.ehcp_total, doc.ehcp_by_placement])
    for (const byKey of Object.values(part)) for (const v of Object.values(byKey)) if (typeof v === 'number') expect(v === 0 || v >= t, String(v)).toBe(true);
  const { core, payload } = loadPageInNode(join(outDir, `explorer-${id}.html`));
  expect(payload.observedBase?.byPlacement).toBeUndefined();
  for (const h of payload.history) expect(h.plans === 0 || h.plans >= t).toBe(true);
  const o = core.computeVariant(payload, payload.scenario);
  const csv = variantCsv(o, { la: 'x', scenario: 'x', variant: 'x', tool: 'x', runDate: 'x', suppressBelow: payload.suppression?.threshold });
  const plans = csv.split('\r\n').slice(csv.split('\r\n').findIndex((l) => l.startsWith('census_year')) + 1);
  for (const line of plans.filter((l) => /^\d{4},/.test(l)))
    for (const f of line.split(',').slice(1)) if (f !== SUPPRESSED) expect(Number(f) === 0 || Number(f) >= t, line).toBe(true);
}

describe('run --suppress-small-counts --json', () => {
  it('hides in the document the counts of plans the files hide (the sample, counts below 1000)', async () => {
    const out = tempDir('hn-suppressed-');
    const r = await runCli('run', '--data', sampleTables(), '--demand-only', '--draws', '0', '--csv', '--suppress-small-counts', '1000', '--json', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.suppressed_below).toBe(1000);
    expect(expectLikeTheFiles(doc, out)).toBeGreaterThan(10);
    expectNoSmallCount(doc, 1000, out, 'baseline');
  });

  it('gives every count without suppression, and no suppressed_below', async () => {
    const out = tempDir('hn-suppressed-');
    const r = await runCli('run', '--data', sampleTables(), '--demand-only', '--draws', '0', '--json', '--out', out);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc).not.toHaveProperty('suppressed_below');
    for (const byP of Object.values(doc.ehcp_by_placement)) for (const v of Object.values(byP)) expect(typeof v).toBe('number');
  });

  it.skipIf(!HAVE_REAL_DATA)('Isles of Scilly on the real 2022 release: its January 2022 placements of 1 and 2 plans read [c], as in the workbook', async () => {
    const dir = await initLaShared('420', join(REAL_DATA, 'ees-ehcp-2022', 'data'));
    const out = join(tempDir('hn-suppressed-ios-'), 'out');
    const r = await runCli('run', join(dir, 'scenarios', 'baseline.yaml'), '--data', join(dir, 'data'), '--la', '420', '--demand-only', '--draws', '0', '--csv', '--suppress-small-counts', '--json', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.suppressed_below).toBe(5);
    expect(doc.ehcp_by_placement['2022']).toMatchObject({ EY: SUPPRESSED, MS: 11, ISS: SUPPRESSED, FE: SUPPRESSED, EOTAS: SUPPRESSED });
    expect(doc.ehcp_total['2022']).toEqual({ p10: 16, p50: 16, p90: 16 });
    expectLikeTheFiles(doc, out);
    expectNoSmallCount(doc, 5, out, 'baseline');
  });
});

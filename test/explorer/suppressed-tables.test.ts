/**
 * The explorer page written with `run --suppress-small-counts`: its own tables, headline cards and screen-reader
 * sentence show a count of plans from 1 to N − 1 as [c], as the workbook and the page's CSV download do, and its
 * suppression note says the charts draw such counts only roughly. Before, the sample at 3000 read [c] for its total
 * plans of January 2022–2025 on the Plans by placement sheet and in the CSV download, and 2,164, 2,410, 2,687 and
 * 2,992 in the page's table of plans by census year.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SUPPRESSED } from '../../src/report/suppress.ts';
import type { VariantOutcome } from '../../src/explorer/compute.ts';
import type { VNode } from '../../src/explorer/page/dom.ts';
import { compareTable, plansTable } from '../../src/explorer/page/tables.ts';
import { headlineCards } from '../../src/explorer/page/cards.ts';
import { headlineOf, headlineSentence } from '../../src/explorer/view-model.ts';
import type { ExplorerPayload } from '../../src/explorer/payload-types.ts';
import { initLaShared, runCli } from '../cli/helpers.ts';
import { HAVE_REAL_DATA, REAL_DATA } from '../real-data.ts';
import { tempDir } from '../temp.ts';
import { loadPageInNode } from './bundle-in-node.ts';

const T = 30;

/** The texts of a node's table cells (td), and of its card values and details. */
function cellTexts(n: VNode | string, out: string[] = []): string[] {
  if (typeof n === 'string') return out;
  const cls = n.attrs.find(([k]) => k === 'class')?.[1] ?? '';
  if (n.tag === 'TD' || (n.tag === 'SPAN' && /^(v|d)$/.test(cls))) out.push(n.children.filter((c): c is string => typeof c === 'string').join(''));
  for (const c of n.children) cellTexts(c, out);
  return out;
}

/** The counts a text gives, as numbers (thousands commas read; years are not in these cells). */
const countsIn = (s: string): number[] => [...s.matchAll(/(?<![\d.£])\d{1,3}(?:,\d{3})*(?:\.\d+)?(?![\d%kKm])/g)].map((m) => Number(m[0].replace(/,/g, '')));

describe.skipIf(!HAVE_REAL_DATA)('explorer page with --suppress-small-counts: its tables read [c] for small counts (Isles of Scilly at 30)', () => {
  let payload: ExplorerPayload;
  let outcome: VariantOutcome;
  beforeAll(async () => {
    const dir = await initLaShared('420', join(REAL_DATA, 'ees-ehcp-2022', 'data'));
    const out = join(tempDir('hn-suppressed-tables-'), 'out');
    const r = await runCli('run', join(dir, 'scenarios', 'baseline.yaml'), '--data', join(dir, 'data'), '--la', '420', '--demand-only', '--draws', '0', '--suppress-small-counts', String(T), '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const page = loadPageInNode(join(out, 'explorer-baseline.html'));
    payload = page.payload;
    outcome = page.core.computeVariant(payload, payload.scenario) as VariantOutcome;
  });

  it('the table of plans by census year, the cards, the compared variants and the sentence', () => {
    const t = payload.suppression?.threshold;
    expect(t).toBe(T);
    const cells = cellTexts(plansTable(outcome, undefined, t));
    // its totals pass 30 in the run after January 2028 (on the page, from merged groups, a year or so later): the
    // first seven years or more read [c], the rest their counts
    expect(cells.filter((c) => c === SUPPRESSED).length).toBeGreaterThanOrEqual(7);
    expect(cells.some((c) => countsIn(c).some((x) => x >= T))).toBe(true);
    const all = [...cells, ...cellTexts(compareTable([{ name: 'Current view', outcome, changes: [] }], t)), ...headlineCards(outcome, outcome, undefined, t).flatMap((c) => cellTexts(c))];
    for (const c of all.filter((x) => !x.includes('January'))) for (const x of countsIn(c)) expect(x === 0 || x >= T, c).toBe(true);
    const sentence = headlineSentence(headlineOf(outcome), t);
    expect(sentence).toContain(`from ${SUPPRESSED} in January 2022`);
    // without a threshold every count is shown
    expect(cellTexts(plansTable(outcome))).not.toContain(SUPPRESSED);
  });

  it('the suppression note says the charts draw small counts only roughly', () => {
    expect(payload.suppression!.note).toContain(`The tables, cards and the CSV download show a count of plans from 1 to ${T - 1} as ${SUPPRESSED}`);
    expect(payload.suppression!.note).toContain('is not exact');
  });
});

/**
 * Secondary (complementary) suppression: with `run --suppress-small-counts N` no `[c]` of anything written for
 * publication can be recovered by subtraction within its tables (test/report/subtraction-attack.ts): the workbook's
 * tables (its CSVs), the report's table of places against plans, the `--json` document's `ehcp_total` /
 * `ehcp_by_placement` and the explorer page's CSV download. Before, Isles of Scilly on the real 2022 release at 10
 * showed MS 10 beside ALL 11 and its ISS as `[c]` in January 2020 (1 plan, by subtraction), and the sample at 200
 * gave back dozens of such counts.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { groupsDrawn, variantCsv } from '../../src/explorer/view-model.ts';
import { complementaryCells, countText, placesHidden } from '../../src/report/suppress.ts';
import { initLaShared, runCli, sampleTables } from '../cli/helpers.ts';
import { loadPageInNode } from '../explorer/bundle-in-node.ts';
import { HAVE_REAL_DATA, REAL_DATA } from '../real-data.ts';
import { tempDir } from '../temp.ts';
import { attack, explorerCsvTable, jsonTable, reportTables, workbookLines, workbookTables, worstGap, type Grid, type Line, type Recovered } from './subtraction-attack.ts';

/** Money tables for a small LA (a few funded places, so that plans beyond places are small). */
function smallMoneyTables(dir: string): void {
  const fys = Array.from({ length: 14 }, (_, i) => `${2020 + i}-${String(21 + i).slice(-2)}`);
  writeFileSync(join(dir, 'unit_costs.csv'), 'placement,phase,need,annual_cost_gbp,price_year\n' + Object.entries({ EY: 6000, MS: 9000, RP: 16000, IMS: 20000, SSM: 25000, SSA: 26000, ISS: 62000, NMSS: 58000, AP: 19000, FE: 7000, SPI: 48000, WBL: 4000, EOTAS: 13000 }).map(([p, c]) => `${p},,,${c},2022-23\n`).join(''));
  writeFileSync(join(dir, 'places.csv'), 'placement,financial_year,places,place_rate_gbp\n' + fys.map((fy) => `RP,${fy},1,6000\nSSA,${fy},3,10000\nFE,${fy},3,6000\n`).join(''));
  writeFileSync(join(dir, 'funding.csv'), 'financial_year,hn_block_gbp,schools_block_transfer_gbp,other_income_gbp,import_export_adjustment_gbp\n' + fys.slice(0, 8).map((fy) => `${fy},900000,0,0,0\n`).join(''));
  writeFileSync(join(dir, 'other_spend.csv'), 'line,financial_year,amount_gbp\n' + fys.slice(0, 8).map((fy) => `SEN support services,${fy},50000\n`).join(''));
  writeFileSync(join(dir, 'opening_balance.csv'), 'financial_year,dsg_cumulative_balance_gbp\n2021-22,-100000\n');
}

type Doc = { ehcp_total: Record<string, Record<string, number | string>>; ehcp_by_placement: Record<string, Record<string, number | string>> };

/** Every table a run folder holds for publication, with the lines a reader knows they add up by. */
function published(out: string, doc: Doc, id = 'baseline'): { tables: Map<string, Grid>; lines: Line[] } {
  const tables = workbookTables(out);
  const lines = workbookLines(tables);
  const json = jsonTable(doc);
  tables.set('json', json.grid);
  lines.push(...json.lines);
  const report = reportTables(readFileSync(join(out, `recovery-plan-${id}.html`), 'utf8'));
  for (const [k, g] of report.tables) tables.set(k, g);
  lines.push(...report.lines);
  const { core, payload } = loadPageInNode(join(out, `explorer-${id}.html`));
  const o = core.computeVariant(payload, payload.scenario);
  const ex = explorerCsvTable(variantCsv(o, { la: 'x', scenario: 'x', variant: 'x', tool: 'x', runDate: 'x', suppressBelow: payload.suppression?.threshold }));
  tables.set('explorer', ex.grid);
  lines.push(...ex.lines);
  // the page's chart of groups: its grey band's height in each year, as its tooltip gives it, is its members' sum
  const t = payload.suppression?.threshold;
  const band = groupsDrawn(o, t).find((g) => g.members);
  // no group the chart draws whole is [c] in the CSV (its height would give it back)
  const whole = groupsDrawn(o, t).filter((g) => !g.members).map((g) => ex.grid[0]!.indexOf(`group: ${g.label}`));
  for (const row of ex.grid.slice(1)) for (const j of whole) expect(row[j], `explorer ${row[0]} ${ex.grid[0]![j]}`).not.toBe('[c]');
  if (band) {
    tables.set('explorer_band', [['band'], ...band.values.map((v) => [countText(v, t, String)])]);
    const cols = band.members!.map((m) => ex.grid[0]!.indexOf(`group: ${m}`)).filter((j) => j >= 0);
    for (let r = 1; r < ex.grid.length; r++) lines.push({ total: { table: 'explorer_band', row: r, col: 0 }, parts: cols.map((col) => ({ table: 'explorer', row: r, col })) });
  }
  return { tables, lines };
}

/** A run's publication outputs with suppression at `t`, and what the attack recovers from them. */
async function attackRun(args: string[], t: number): Promise<{ recovered: Recovered[]; lines: number; gap: number }> {
  const plain = join(tempDir('hn-secondary-'), 'out');
  const r0 = await runCli('run', ...args, '--draws', '0', '--csv', '--json', '--out', plain);
  expect(r0.code, r0.stderr).toBe(0);
  // the lines hold where nothing is suppressed (they are true of the outputs, not guesses)
  const full = published(plain, JSON.parse(r0.stdout) as Doc);
  const out = join(tempDir('hn-secondary-'), 'out');
  const r = await runCli('run', ...args, '--draws', '0', '--csv', '--json', '--suppress-small-counts', String(t), '--out', out);
  expect(r.code, r.stderr).toBe(0);
  const shown = published(out, JSON.parse(r.stdout) as Doc);
  return { recovered: attack(shown.tables, shown.lines), lines: shown.lines.length, gap: worstGap(full.tables, full.lines) };
}

const brief = (xs: Recovered[]): string => xs.slice(0, 8).map((x) => `${x.table} ${x.rowLabel} / ${x.colLabel} = ${x.value}`).join('; ');

describe('complementaryCells', () => {
  const v: Record<string, number> = { a: 1, b: 10, c: 20, z: 0, t: 31 };
  it('hides the smallest non-zero other count of a line with one hidden cell, not the total', () => {
    expect([...complementaryCells((k) => v[k]!, [{ total: 't', parts: ['a', 'z', 'b', 'c'] }], new Set(['a']))]).toEqual(['a', 'b']);
  });
  it('leaves a line with two hidden cells, or none, as it is', () => {
    expect(complementaryCells((k) => v[k]!, [{ total: 't', parts: ['a', 'b', 'c'] }], new Set(['a', 'c'])).size).toBe(2);
    expect(complementaryCells((k) => v[k]!, [{ total: 't', parts: ['a', 'b', 'c'] }], new Set()).size).toBe(0);
  });
  it('follows a hidden cell into the lines it crosses, until none holds one alone', () => {
    // a 2 × 2 table with row and column totals: hiding one cell takes its row's and column's partners, then the fourth
    const x: Record<string, number> = { r1c1: 2, r1c2: 30, r2c1: 40, r2c2: 50, r1: 32, r2: 90, c1: 42, c2: 80 };
    const lines = [
      { total: 'r1', parts: ['r1c1', 'r1c2'] },
      { total: 'r2', parts: ['r2c1', 'r2c2'] },
      { total: 'c1', parts: ['r1c1', 'r2c1'] },
      { total: 'c2', parts: ['r1c2', 'r2c2'] },
    ];
    expect([...complementaryCells((k) => x[k]!, lines, new Set(['r1c1']))].sort()).toEqual(['r1c1', 'r1c2', 'r2c1', 'r2c2']);
  });
  it('hides the total where the hidden count is all of it', () => {
    expect([...complementaryCells((k) => ({ p: 12, z: 0, t: 12 })[k]!, [{ total: 't', parts: ['p', 'z'] }], new Set(['p']))].sort()).toEqual(['p', 't']);
  });
  it('places: plans beyond places, places and plans never leave one hidden alone', () => {
    expect(placesHidden({ places: 40, plans: 45, gap: 5 }, 10)).toEqual(new Set(['gap', 'places']));
    expect(placesHidden({ places: 40, plans: 30, gap: 0 }, 10)).toEqual(new Set());
    expect(placesHidden({ places: 3, plans: 7, gap: 4 }, 10)).toEqual(new Set(['places', 'plans', 'gap']));
  });
});

describe('secondary suppression: no [c] recovered by subtraction', () => {
  it('the sample at 200 (every table of the workbook, the report, --json and the explorer CSV)', async () => {
    const res = await attackRun(['--data', sampleTables()], 200);
    expect(res.gap).toBeLessThan(0.1);
    expect(res.lines).toBeGreaterThan(200);
    expect(res.recovered, brief(res.recovered)).toEqual([]);
  });

  const real: Array<[string, string, number]> = [
    ['Isles of Scilly', '420', 10],
    ['Isles of Scilly', '420', 5],
    ['Rutland', '857', 5],
    ['Rutland', '857', 10],
    ['City of London', '201', 5],
    ['City of London', '201', 10],
  ];
  for (const [name, la, t] of real)
    it.skipIf(!HAVE_REAL_DATA)(`${name} on the real 2022 release at ${t}, with a small LA's money tables`, async () => {
      const dir = await initLaShared(la, join(REAL_DATA, 'ees-ehcp-2022', 'data'));
      const data = tempDir('hn-secondary-data-');
      for (const f of ['sen2_age_caseload.csv', 'sen2_age_new_plans.csv', 'sen2_estab_caseload.csv', 'sen2_mi.csv']) writeFileSync(join(data, f), readFileSync(join(dir, 'data', f)));
      smallMoneyTables(data);
      const res = await attackRun([join(dir, 'scenarios', 'baseline.yaml'), '--data', data, '--la', la], t);
      expect(res.gap).toBeLessThan(0.1);
      expect(res.recovered, brief(res.recovered)).toEqual([]);
    });
});

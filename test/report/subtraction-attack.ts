/**
 * The attack secondary suppression defends against: a reader of a run's publication outputs (`run
 * --suppress-small-counts --csv --json`: the workbook's tables as its CSVs, the report's HTML tables, the `--json`
 * document, the explorer page's CSV download) who knows only what is shown and how the tables add up (a column's
 * total row, a row's total column, placement groups summing to the total, ages to phases, the identity of the
 * projection) and recovers every `[c]` that is the one unknown of a line by subtraction, again and again with what it
 * recovered, until nothing more comes. `attack()` returns what it recovered; a run that protects its counts gives none.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLACEMENTS, PLACEMENT_GROUPS, PlacementGroup, groupOf } from '../../src/domain/index.ts';
import { SUPPRESSED } from '../../src/report/suppress.ts';

/** A table as shown: a header line, then rows of cells as text. */
export type Grid = string[][];
/** A cell of one of the shown tables. */
export interface Ref {
  table: string;
  row: number;
  col: number;
}
/** total = Σ parts − Σ minus, by construction of the outputs (declared from their labels, as any reader can). */
export interface Line {
  total: Ref;
  parts: Ref[];
  minus?: Ref[];
}

/** A count recovered: where it was shown as [c], and what subtraction gives. */
export interface Recovered extends Ref {
  value: number;
  rowLabel: string;
  colLabel: string;
}

/** The fields of a CSV line (RFC 4180 quoting; no line breaks in a field). */
export const csvFields = (line: string): string[] => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, -1);

export const parseCsv = (text: string): Grid => text.replace(/^\uFEFF/, '').trim().split(/\r?\n/).map(csvFields);

const key = (r: Ref): string => `${r.table}|${r.row}|${r.col}`;
const numberOf = (s: string): number => Number(s.replace(/[,£]/g, ''));

/**
 * Solves every line with one unknown (a `[c]`), repeatedly. A line any of whose cells is neither a number nor `[c]`
 * (blank, a dash) is not used.
 */
export function attack(tables: Map<string, Grid>, lines: Line[]): Recovered[] {
  const known = new Map<string, number>();
  const hidden = new Set<string>();
  for (const [name, g] of tables)
    g.forEach((row, r) =>
      row.forEach((cell, c) => {
        const k = key({ table: name, row: r, col: c });
        if (cell.trim() === SUPPRESSED) hidden.add(k);
        else if (cell.trim() !== '' && Number.isFinite(numberOf(cell))) known.set(k, numberOf(cell));
      }),
    );
  const out: Recovered[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const l of lines) {
      const signed: Array<[Ref, number]> = [[l.total, -1], ...l.parts.map((p): [Ref, number] => [p, 1]), ...(l.minus ?? []).map((p): [Ref, number] => [p, -1])];
      if (signed.some(([r]) => !known.has(key(r)) && !hidden.has(key(r)))) continue;
      const unknown = signed.filter(([r]) => !known.has(key(r)));
      if (unknown.length !== 1) continue;
      const [u, sign] = unknown[0]!;
      const rest = signed.filter(([r]) => known.has(key(r))).reduce((s, [r, k]) => s + k * known.get(key(r))!, 0);
      const value = Math.round((-rest / sign) * 1e6) / 1e6;
      known.set(key(u), value);
      const g = tables.get(u.table)!;
      out.push({ ...u, value, rowLabel: g[u.row]!.slice(0, 2).join(' '), colLabel: g[0]![u.col] ?? '' });
      changed = true;
    }
  }
  return out;
}

/** How far each line is from adding up where every cell is shown (the largest gap): a check the lines are true. */
export function worstGap(tables: Map<string, Grid>, lines: Line[]): number {
  let worst = 0;
  for (const l of lines) {
    const v = (r: Ref) => numberOf(tables.get(r.table)![r.row]![r.col]!);
    const all = [l.total, ...l.parts, ...(l.minus ?? [])];
    if (all.some((r) => !Number.isFinite(v(r)) || tables.get(r.table)![r.row]![r.col]!.trim() === '')) continue;
    worst = Math.max(worst, Math.abs(v(l.total) - l.parts.reduce((s, r) => s + v(r), 0) + (l.minus ?? []).reduce((s, r) => s + v(r), 0)));
  }
  return worst;
}

const rowOf = (g: Grid, col: number, label: string): number => g.findIndex((r, i) => i > 0 && r[col] === label);
const colOf = (g: Grid, header: string): number => g[0]!.indexOf(header);
const yearCols = (g: Grid): number[] => g[0]!.flatMap((h, j) => (/^Jan \d{4}/.test(h) ? [j] : []));

/** The lines of the workbook's tables (its CSVs), from their labels. */
export function workbookLines(t: Map<string, Grid>): Line[] {
  const lines: Line[] = [];
  const ref = (table: string, row: number, col: number): Ref => ({ table, row, col });
  const pl = t.get('plans_by_placement');
  const cat = t.get('plans_by_dsg_category');
  if (pl) {
    const all = rowOf(pl, 0, 'ALL');
    const rows = PLACEMENTS.map((p) => rowOf(pl, 0, p)).filter((r) => r > 0);
    for (const j of yearCols(pl)) {
      lines.push({ total: ref('plans_by_placement', all, j), parts: rows.map((r) => ref('plans_by_placement', r, j)) });
      if (!cat) continue;
      const jc = colOf(cat, pl[0]![j]!);
      const catRows = PLACEMENT_GROUPS.map((g) => rowOf(cat, 0, PlacementGroup[g].label)).filter((r) => r > 0);
      lines.push({ total: ref('plans_by_placement', all, j), parts: catRows.map((r) => ref('plans_by_dsg_category', r, jc)) });
      for (const g of PLACEMENT_GROUPS) {
        const members = PLACEMENTS.filter((p) => groupOf(p) === g).map((p) => rowOf(pl, 0, p));
        lines.push({ total: ref('plans_by_dsg_category', rowOf(cat, 0, PlacementGroup[g].label), jc), parts: members.map((r) => ref('plans_by_placement', r, j)) });
      }
    }
  }
  const age = t.get('plans_by_age');
  const phase = t.get('plans_by_phase');
  if (age && phase) {
    const all = rowOf(phase, 0, 'All ages');
    const phases = phase.slice(1).map((r, i) => ({ label: r[0]!, row: i + 1 })).filter((p) => p.row !== all);
    for (const j of yearCols(age)) {
      const jp = colOf(phase, age[0]![j]!);
      const ages = age.slice(1).map((_, i) => i + 1);
      lines.push({ total: ref('plans_by_phase', all, jp), parts: ages.map((r) => ref('plans_by_age', r, j)) });
      lines.push({ total: ref('plans_by_phase', all, jp), parts: phases.map((p) => ref('plans_by_phase', p.row, jp)) });
      for (const p of phases) lines.push({ total: ref('plans_by_phase', p.row, jp), parts: ages.filter((r) => age[r]![2] === p.label).map((r) => ref('plans_by_age', r, j)) });
    }
  }
  const need = t.get('plans_by_need');
  if (need) {
    const all = rowOf(need, 0, 'ALL');
    const rows = need.slice(1).map((_, i) => i + 1).filter((r) => r !== all);
    if (rows.length) for (const j of yearCols(need)) lines.push({ total: ref('plans_by_need', all, j), parts: rows.map((r) => ref('plans_by_need', r, j)) });
  }
  // rows whose last column is the sum of the counts before it
  for (const [name, first] of [['dsg_plans_by_category_age', 3], ['dsg_plans_by_category_need', 1]] as const) {
    const g = t.get(name);
    if (!g) continue;
    const last = g[0]!.length - 1;
    for (let r = 1; r < g.length; r++) lines.push({ total: ref(name, r, last), parts: Array.from({ length: last - first }, (_, k) => ref(name, r, first + k)) });
  }
  const ceased = t.get('flows_ceased_by_reason');
  if (ceased) for (let r = 1; r < ceased.length; r++) lines.push({ total: ref('flows_ceased_by_reason', r, 1), parts: ceased[0]!.slice(2).map((_, k) => ref('flows_ceased_by_reason', r, 2 + k)) });
  const id = t.get('data_quality_identity');
  if (id) {
    const c = (h: string) => colOf(id, h);
    for (let r = 1; r < id.length; r++)
      lines.push({
        total: ref('data_quality_identity', r, c('Projected plans (central)')),
        parts: ['Plans at previous census', 'New plans', 'Net migration (plans)', 'Adjustment to the median (plans)'].map((h) => ref('data_quality_identity', r, c(h))).filter((x) => x.col >= 0),
        minus: ['Ceased (plans)', 'Aged out (plans)'].map((h) => ref('data_quality_identity', r, c(h))).filter((x) => x.col >= 0),
      });
  }
  const places = t.get('places_vs_plans');
  if (places) {
    const [p, n, gap] = ['Funded places', 'Plans', 'Plans beyond places'].map((h) => colOf(places, h)) as [number, number, number];
    // plans beyond places is plans − places where plans are more (a gap shown or hidden: not 0)
    for (let r = 1; r < places.length; r++) if (places[r]![gap] !== '0') lines.push({ total: ref('places_vs_plans', r, n), parts: [ref('places_vs_plans', r, p), ref('places_vs_plans', r, gap)] });
  }
  lines.push(...sameFigures(t));
  return lines;
}

/**
 * The same figure shown in two tables, as their labels say (a line of one part): the projected flows and the stock
 * identity's, ceased plans and their reasons' total, a DSG management plan category's projected plans of all ages and
 * the Plans by placement sheet's category.
 */
function sameFigures(t: Map<string, Grid>): Line[] {
  const lines: Line[] = [];
  const ref = (table: string, row: number, col: number): Ref => ({ table, row, col });
  const flows = t.get('flows_projected');
  const id = t.get('data_quality_identity');
  const ceased = t.get('flows_ceased_by_reason');
  if (flows) {
    for (let r = 1; r < flows.length; r++) {
      const y = flows[r]![0]!;
      const same = (table: string, g: Grid | undefined, pairs: Array<[string, string]>) => {
        const rr = g ? rowOf(g, 0, y) : -1;
        if (g && rr > 0) for (const [a, b] of pairs) if (colOf(flows, a) >= 0 && colOf(g, b) >= 0) lines.push({ total: ref('flows_projected', r, colOf(flows, a)), parts: [ref(table, rr, colOf(g, b))] });
      };
      same('data_quality_identity', id, [['New plans', 'New plans'], ['Ceased (plans)', 'Ceased (plans)'], ['Aged out at 25 (plans)', 'Aged out (plans)'], ['Net migration (plans)', 'Net migration (plans)']]);
      same('flows_ceased_by_reason', ceased, [['Ceased (plans)', 'Ceased (plans)']]);
    }
  }
  if (id) for (let r = 2; r < id.length; r++) lines.push({ total: ref('data_quality_identity', r, colOf(id, 'Plans at previous census')), parts: [ref('data_quality_identity', r - 1, colOf(id, 'Projected plans (central)'))] });
  const dsg = t.get('dsg_plans_by_category_age');
  const cat = t.get('plans_by_dsg_category');
  if (dsg && cat) {
    const last = dsg[0]!.length - 1;
    for (let r = 1; r < dsg.length; r++) {
      if (dsg[r]![1] !== 'projected') continue;
      const j = cat[0]!.findIndex((h) => h.startsWith(`Jan ${dsg[r]![0]} `));
      const rc = rowOf(cat, 0, dsg[r]![2]!);
      if (j > 0 && rc > 0) lines.push({ total: ref('dsg_plans_by_category_age', r, last), parts: [ref('plans_by_dsg_category', rc, j)] });
    }
  }
  return lines;
}

/** The workbook's tables of a run folder written with `--csv`, by file name without `.csv`. */
export function workbookTables(outDir: string): Map<string, Grid> {
  const dir = join(outDir, 'csv');
  return new Map(existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => [f.slice(0, -4), parseCsv(readFileSync(join(dir, f), 'utf8'))]) : []);
}

/** The `--json` document's plan fields as a table (year, p50, each placement), with its line (p50 = Σ placements). */
export function jsonTable(doc: { ehcp_total: Record<string, Record<string, number | string>>; ehcp_by_placement: Record<string, Record<string, number | string>> }): { grid: Grid; lines: Line[] } {
  const grid: Grid = [['year', 'p50', ...PLACEMENTS]];
  for (const [y, t] of Object.entries(doc.ehcp_total)) grid.push([y, String(t.p50), ...PLACEMENTS.map((p) => String(doc.ehcp_by_placement[y]?.[p] ?? ''))]);
  const lines = grid.slice(1).map((_, i): Line => ({ total: { table: 'json', row: i + 1, col: 1 }, parts: PLACEMENTS.map((_, k) => ({ table: 'json', row: i + 1, col: 2 + k })) }));
  return { grid, lines };
}

/** The explorer's CSV download's plans section (census year, P10–P90, placements, groups), with its lines. */
export function explorerCsvTable(csv: string): { grid: Grid; lines: Line[] } {
  const all = csv.split('\r\n');
  const head = all.findIndex((l) => l.startsWith('census_year'));
  const grid: Grid = [csvFields(all[head]!)];
  for (const l of all.slice(head + 1)) if (/^\d{4},/.test(l)) grid.push(csvFields(l));
  const h = grid[0]!;
  const c = (name: string) => h.indexOf(name);
  const lines: Line[] = [];
  const groupCols = h.flatMap((name, j) => (name.startsWith('group: ') ? [j] : []));
  for (let r = 1; r < grid.length; r++) {
    const ref = (col: number): Ref => ({ table: 'explorer', row: r, col });
    lines.push({ total: ref(c('ehcp_p50')), parts: PLACEMENTS.map((p) => ref(c(`ehcp_${p}`))) });
    for (const g of PLACEMENT_GROUPS) {
      const j = c(`group: ${PlacementGroup[g].label}`);
      if (j >= 0) lines.push({ total: ref(j), parts: PLACEMENTS.filter((p) => groupOf(p) === g).map((p) => ref(c(`ehcp_${p}`))) });
    }
    if (groupCols.length) lines.push({ total: ref(c('ehcp_p50')), parts: groupCols.map(ref) });
  }
  return { grid, lines };
}

/** The report's tables of counts (by caption) as grids: the places table, with its lines. */
export function reportTables(html: string): { tables: Map<string, Grid>; lines: Line[] } {
  const tables = new Map<string, Grid>();
  const lines: Line[] = [];
  const t = /<caption>(Places against plans in [^<]*)<\/caption>([\s\S]*?)<\/table>/.exec(html);
  if (t) {
    const grid = [...t[2]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[dh][^>]*>([^<]*)<\/t[dh]>/g)].map((c) => c[1]!.replace(/&amp;/g, '&')));
    tables.set('report_places', grid);
    for (let r = 1; r < grid.length; r++) if (grid[r]![3] !== '0') lines.push({ total: { table: 'report_places', row: r, col: 2 }, parts: [1, 3].map((col) => ({ table: 'report_places', row: r, col })) });
  }
  return { tables, lines };
}

/**
 * The wide placement columns of the 2025/2026 caseload and new-plans files: leaf columns summed per placement
 * (subtotals and `_pc` never summed), and the identity check "leaves sum to the total column" as a warning.
 * A later release's leaf this version does not know (`mainstream_academy_utc`) is placed by the subtotal whose
 * prefix it bears (eesNewLeaf) or, bearing none, among whose leaves it stands (newLeafByPlace): read where its name
 * decides the placement and it completes that subtotal, refused where it does not; left out, its plans would vanish
 * from the mix and every other placement be overstated.
 */
import { EES_LEAF_LAST_JANUARY, EES_PLACEMENT_LEAVES, EES_PLACEMENT_TOTAL_LEAVES, EES_PLACEMENT_TOTALS, eesNewLeaf, eesTotalPlacements, newLeafIn, Placement, type EesNewLeaf } from '../../domain/index.ts';
import * as msg from '../../messages/releases.ts';
import { parseNumber } from '../csv/values.ts';
import { unknownPercentColumns } from './ees-percent.ts';
import type { ProblemLog } from '../problem-log.ts';
import { isCommonColumn, type EesRow, type YearKind } from './ees-common.ts';

type Total = (typeof EES_PLACEMENT_TOTALS)[number];
const TOTAL_OF_LEAF = new Map<string, Total>(EES_PLACEMENT_TOTALS.flatMap((t) => EES_PLACEMENT_TOTAL_LEAVES[t].map((l) => [l, t] as const)));
/** The wide files' own columns besides the placements. */
const WIDE_OWN = ['breakdown_topic', 'breakdown', 'ehcplans', 'new_ehc_plans'];

function isKnownColumn(name: string): boolean {
  return name in EES_PLACEMENT_LEAVES || (EES_PLACEMENT_TOTALS as readonly string[]).includes(name) || /_pc$/.test(name) ||
    isCommonColumn(name) || WIDE_OWN.includes(name);
}

/**
 * A new leaf by where it stands, for a name bearing no subtotal's prefix (fe_total and ed_elsewhere have none): in
 * the published layout each subtotal follows its leaves, so a column this version does not know whose next known
 * column is a leaf of a subtotal or the subtotal itself, and whose previous known column is no leaf of another, is a
 * leaf of that subtotal — where the header keeps that order (every known leaf of the subtotal before it).
 */
function newLeafByPlace(names: readonly string[], i: number): EesNewLeaf | undefined {
  if (isKnownColumn(names[i]!)) return undefined;
  const next = names.slice(i + 1).find(isKnownColumn);
  const total = next === undefined ? undefined : (EES_PLACEMENT_TOTALS as readonly string[]).includes(next) ? (next as Total) : TOTAL_OF_LEAF.get(next);
  if (!total) return undefined;
  const previous = names.slice(0, i).reverse().find(isKnownColumn);
  const at = names.indexOf(total);
  if (previous !== undefined && (TOTAL_OF_LEAF.get(previous) ?? total) !== total) return undefined;
  if (at < i || EES_PLACEMENT_TOTAL_LEAVES[total].some((l) => names.indexOf(l) > at)) return undefined;
  return { ...newLeafIn(names[i]!, total), byPlace: true };
}

/** The new leaves of a wide header: by the prefix of their name (eesNewLeaf), else by where they stand. */
export function newLeaves(names: readonly string[]): EesNewLeaf[] {
  return names.map((n, i) => eesNewLeaf(n) ?? newLeafByPlace(names, i)).filter((l): l is EesNewLeaf => l !== undefined);
}

/** Whether a column is a placement leaf, subtotal or percentage of the wide layout, known or new. */
export function isPlacementColumn(name: string, names: readonly string[] = []): boolean {
  return name in EES_PLACEMENT_LEAVES || (EES_PLACEMENT_TOTALS as readonly string[]).includes(name) || /_pc$/.test(name) ||
    eesNewLeaf(name) !== undefined || newLeaves(names).some((l) => l.column === name);
}

/** Whether the header carries the 2026 split of special academies and free schools. */
export function is2026Layout(fields: ReadonlySet<string>): boolean {
  return fields.has('special_academy') || fields.has('special_free_school');
}

interface Tally { rows: number; against: number; line: number; example: string }

/**
 * Reads the placement leaves of a file's rows (one per file: it keeps what the file's new columns showed and
 * says it at the end). `known` are the file's other columns, not placements.
 */
export class PlacementLeaves {
  private names?: readonly string[];
  private newLeaves: EesNewLeaf[] = [];
  private others: string[] = [];
  /** Subtotals and percentages (`mainstream_total`, `mainstream_total_pc`): not summed, but checked as numbers. */
  private unread: string[] = [];
  private readonly unbalanced = new Map<string, Tally>();
  private readonly balanced = new Map<string, Tally>();
  /** New leaves with a figure above 0 on some row. */
  private readonly figures = new Set<string>();
  private readonly fills = new Map<string, Tally>();
  private readonly fillsSubtotal = new Map<string, Tally>();

  constructor(private readonly totalColumn: string, private readonly known: readonly string[], private readonly yearKind: YearKind) {}

  private header(names: readonly string[]): void {
    if (this.names === names) return;
    this.names = names;
    this.newLeaves = newLeaves(names);
    this.others = names.filter((n) => !isCommonColumn(n) && !isPlacementColumn(n, names) && !this.known.includes(n));
    this.unread = names.filter((n) => this.placementOf(n) === undefined && ((EES_PLACEMENT_TOTALS as readonly string[]).includes(n) || /_pc$/.test(n)));
  }

  private placementOf(name: string): Placement | undefined {
    return EES_PLACEMENT_LEAVES[name] ?? this.newLeaves.find((l) => l.column === name)?.placement;
  }

  /**
   * Per-placement sums of a row (NULL with a reason when every leaf is missing) and a warning naming both figures
   * when the leaves do not sum to the total. Leaves not published (`x`, `c`, …) can explain a shortfall but not an
   * excess: the 2025 release's newplans.csv publishes "educated elsewhere" as a subtotal while most of its leaves
   * read `x`, so the known leaves fall short of `new_ehc_plans` on 303 of its 483 rows although every row adds up
   * with its subtotals. Only a gap the missing leaves cannot explain is warned.
   */
  read(r: EesRow, total: number | null): Map<Placement, { value: number | null; missing?: string }> {
    this.header(r.row.names);
    const out = new Map<Placement, { value: number | null; missing?: string }>();
    let sum = 0;
    let missingLeaves = false;
    // a subtotal or percentage is not read, yet a cell there that is no number ('NaN', '39.2%', 250 per cent) is
    // refused as in every other number column (the 2022 readers check their unread measures the same way): a file
    // so damaged is not to be trusted in the columns that are read
    for (const name of this.unread) r.num(name);
    for (const name of r.row.names) {
      const p = this.placementOf(name);
      if (!p) continue;
      const v = r.num(name);
      if (!v) continue;
      const cur = out.get(p);
      if (v.value !== null) {
        sum += v.value;
        out.set(p, { value: (cur?.value ?? 0) + v.value });
      } else {
        if (mayHoldPlans(r, this.yearKind, name, v.missing)) missingLeaves = true;
        if (!cur) out.set(p, { value: null, missing: v.missing });
      }
    }
    if (total !== null && out.size > 0 && (sum > total + 0.5 || (sum < total - 0.5 && !missingLeaves))) {
      r.warn(msg.leavesDoNotSum(this.totalColumn, total, sum, rowArea(r)), this.totalColumn);
    }
    this.checkNewLeaves(r);
    this.checkOthersInSubtotals(r);
    const unplaced = total === null ? undefined : this.unplaced(r, total);
    if (unplaced !== undefined) this.checkOthers(r, unplaced);
    return out;
  }

  /**
   * The plans of a row's total that no published column places: the total less its published subtotals and the
   * leaves outside them (a leaf of a published subtotal is counted there, published or not); undefined where a
   * column not published may hold them. Counted by leaves alone, a later release never had a gap to check: every row
   * from January 2023 has the pre-2023 columns as markers, and some leaves of 'ed_elsewhere' read `x`.
   */
  private unplaced(r: EesRow, total: number): number | undefined {
    let placed = 0;
    const covered = new Set<string>();
    for (const t of EES_PLACEMENT_TOTALS) {
      if (!r.row.names.includes(t)) continue;
      const v = parseNumber(r.row.get(t), 'count');
      if (!v.ok || v.value === null) continue;
      placed += v.value;
      covered.add(t);
    }
    for (const name of r.row.names) {
      if (!this.placementOf(name)) continue;
      const subtotal = TOTAL_OF_LEAF.get(name) ?? this.newLeaves.find((l) => l.column === name)?.total;
      if (subtotal !== undefined && covered.has(subtotal)) continue;
      const v = parseNumber(r.row.get(name), 'count');
      if (!v.ok) return undefined;
      if (v.value !== null) placed += v.value;
      else if (mayHoldPlans(r, this.yearKind, name, v.missing)) return undefined;
    }
    return total - placed;
  }

  /** Whether each new leaf completes its subtotal on the row (evidence). */
  private checkNewLeaves(r: EesRow): void {
    for (const leaf of this.newLeaves) {
      if (!leaf.placement) continue;
      const v = parseNumber(r.row.get(leaf.column), 'count');
      if (v.ok && v.value !== null && v.value > 0.5) this.figures.add(leaf.column);
      const e = this.evidence(r, leaf.total, leaf.column);
      if (e?.kind === 'against') tally(this.unbalanced, leaf.column, r, e.example);
      else if (e?.kind === 'for') tally(this.balanced, leaf.column, r, '');
    }
  }

  /**
   * How a column's figure on a row bears on its being a leaf of a subtotal: 'for' where it makes up exactly what the
   * subtotal's other leaves miss of it, 'against' where it takes them past the subtotal, or leaves them short with every
   * leaf published; nothing where a figure is not published, it is 0, or the other leaves alone already exceed the
   * subtotal (the 2019–2022 rows of ed_elsewhere, published so).
   */
  private evidence(r: EesRow, total: Total, column: string): { kind: 'for' | 'against'; example: string } | undefined {
    const t = parseNumber(r.row.get(total), 'count');
    const l = parseNumber(r.row.get(column), 'count');
    if (!r.row.names.includes(total) || !t.ok || t.value === null || !l.ok || l.value === null) return undefined;
    const others = [...EES_PLACEMENT_TOTAL_LEAVES[total], ...this.newLeaves.filter((n) => n.total === total).map((n) => n.column)];
    let sum = 0;
    let unpublished = false;
    for (const c of others) {
      if (c === column || !r.row.names.includes(c)) continue;
      const v = parseNumber(r.row.get(c), 'count');
      if (!v.ok) return undefined;
      if (v.value === null) unpublished = true;
      else sum += v.value;
    }
    if (sum > t.value + 0.5) return undefined;
    const got = sum + l.value;
    const example = `${rowArea(r)}: leaves ${got}, '${total}' ${t.value}`;
    if (got > t.value + 0.5 || (got < t.value - 0.5 && !unpublished)) return { kind: 'against', example };
    return Math.abs(got - t.value) <= 0.5 && l.value > 0.5 ? { kind: 'for', example } : undefined;
  }

  /**
   * Whether an unknown numeric column holds exactly what a subtotal's leaves miss of it (a new leaf standing where
   * its subtotal cannot claim it: a reordered header).
   */
  private checkOthersInSubtotals(r: EesRow): void {
    for (const name of this.others) {
      for (const t of EES_PLACEMENT_TOTALS) {
        const e = this.evidence(r, t, name);
        if (!e) continue;
        const tl = tally(this.fillsSubtotal, `${name}\u0000${t}`, r, '');
        if (e.kind === 'against') tl.against++;
      }
    }
  }

  /** Whether an unknown numeric column holds exactly the gap between the total and the placements. */
  private checkOthers(r: EesRow, gap: number): void {
    if (gap <= 0.5) return;
    for (const name of this.others) {
      const v = parseNumber(r.row.get(name), 'count');
      if (!v.ok || v.value === null) continue;
      const t = tally(this.fills, name, r, '');
      if (Math.abs(v.value - gap) > 0.5) t.against++;
    }
  }

  /** Says what the file's new columns are read as, or refuses them. */
  finish(log: ProblemLog): void {
    for (const leaf of this.newLeaves) {
      if (!leaf.placement) {
        const label = (ps: readonly Placement[]): string[] => ps.map((p) => `${Placement[p].label} (${p})`);
        log.error(msg.newLeafAmbiguous(leaf.column, leaf.total, label(eesTotalPlacements(leaf.total)), leaf.named && label(leaf.named)), 1, leaf.column);
        continue;
      }
      const bad = this.unbalanced.get(leaf.column);
      if (bad) log.error(msg.newLeafDoesNotBalance(leaf.column, leaf.total, bad.rows, bad.example), bad.line, leaf.column);
      else if (leaf.byPlace && this.figures.has(leaf.column) && !this.balanced.has(leaf.column)) log.error(msg.newLeafUnchecked(leaf.column, leaf.total), 1, leaf.column);
      else log.warn(msg.newLeafRead(leaf.column, Placement[leaf.placement].label, leaf.placement, leaf.total, leaf.by!), 1, leaf.column);
    }
    const told = new Set<string>();
    for (const [key, t] of this.fillsSubtotal) {
      const [name, total] = key.split('\u0000') as [string, string];
      if (t.against > 0 || t.rows === 0 || told.has(name)) continue;
      log.error(msg.unknownColumnFillsSubtotal(name, total, t.rows), t.line, name);
      told.add(name);
    }
    for (const [name, t] of this.fills) {
      const rows = t.rows - t.against;
      if (t.against === 0 && rows > 0 && !told.has(name)) log.error(msg.unknownColumnFillsTotal(name, this.totalColumn, rows), t.line, name);
    }
    const subtotals: readonly string[] = EES_PLACEMENT_TOTALS;
    const pc = unknownPercentColumns(this.names ?? [], (b) => this.placementOf(b) !== undefined || subtotals.includes(b) || this.known.includes(b));
    if (pc.length > 0) log.warn(msg.percentColumnsNotKnown(pc), 1, pc[0]);
  }
}

/**
 * Whether a leaf's marker may stand for plans: not `z` (not applicable), nor a column the layout publishes only to
 * an earlier January (EES_LEAF_LAST_JANUARY; new plans of a calendar year count at the January after it).
 */
function mayHoldPlans(r: EesRow, yearKind: YearKind, column: string, missing: string | undefined): boolean {
  if (missing === 'not-applicable') return false;
  const last = EES_LEAF_LAST_JANUARY[column];
  return last === undefined || (yearKind === 'census' ? r.year : r.year + 1) <= last;
}

function tally(m: Map<string, Tally>, key: string, r: EesRow, example: string): Tally {
  let t = m.get(key);
  if (!t) m.set(key, (t = { rows: 0, against: 0, line: r.row.line, example }));
  t.rows++;
  return t;
}

/** The row's area and year as a reader says them: "Kent, January 2025" (census files), "Kent, 2024" (calendar years). */
export function rowArea(r: EesRow): string {
  return `${r.geo.name}, ${r.academic ? `January ${r.year}` : r.year}`;
}

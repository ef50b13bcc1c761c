/**
 * The wide placement columns of the 2025/2026 caseload and new-plans files: leaf columns summed per placement
 * (subtotals and `_pc` never summed), and the identity check "leaves sum to the total column" as a warning.
 * A later release's leaf this version does not know (`mainstream_academy_utc`) is placed by the subtotal whose
 * prefix it bears (eesNewLeaf): read where its name decides the placement and it completes that subtotal, refused
 * where it does not; left out, its plans would vanish from the mix and every other placement be overstated.
 */
import { EES_PLACEMENT_LEAVES, EES_PLACEMENT_TOTAL_LEAVES, EES_PLACEMENT_TOTALS, eesNewLeaf, eesTotalPlacements, Placement, type EesNewLeaf } from '../../domain/index.ts';
import * as msg from '../../messages/releases.ts';
import { parseNumber } from '../csv/values.ts';
import type { ProblemLog } from '../problem-log.ts';
import { isCommonColumn, type EesRow } from './ees-common.ts';

/** Whether a column is a placement leaf, subtotal or percentage of the wide layout, known or new. */
export function isPlacementColumn(name: string): boolean {
  return name in EES_PLACEMENT_LEAVES || (EES_PLACEMENT_TOTALS as readonly string[]).includes(name) || /_pc$/.test(name) ||
    eesNewLeaf(name) !== undefined;
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
  private readonly unbalanced = new Map<string, Tally>();
  private readonly fills = new Map<string, Tally>();

  constructor(private readonly totalColumn: string, private readonly known: readonly string[]) {}

  private header(names: readonly string[]): void {
    if (this.names === names) return;
    this.names = names;
    this.newLeaves = names.map((n) => eesNewLeaf(n)).filter((l): l is EesNewLeaf => l !== undefined);
    this.others = names.filter((n) => !isCommonColumn(n) && !isPlacementColumn(n) && !this.known.includes(n));
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
        missingLeaves = true;
        if (!cur) out.set(p, { value: null, missing: v.missing });
      }
    }
    if (total !== null && out.size > 0 && (sum > total + 0.5 || (sum < total - 0.5 && !missingLeaves))) {
      r.warn(msg.leavesDoNotSum(this.totalColumn, total, sum, rowArea(r)), this.totalColumn);
    }
    this.checkNewLeaves(r);
    if (total !== null && !missingLeaves) this.checkOthers(r, total - sum);
    return out;
  }

  /** Whether each new leaf completes its subtotal on a row where the subtotal and all its leaves are published. */
  private checkNewLeaves(r: EesRow): void {
    for (const leaf of this.newLeaves) {
      if (!leaf.placement) continue;
      const columns = [...EES_PLACEMENT_TOTAL_LEAVES[leaf.total], ...this.newLeaves.filter((l) => l.total === leaf.total).map((l) => l.column)];
      const values = [leaf.total, ...columns.filter((c) => r.row.names.includes(c))].map((c) => parseNumber(r.row.get(c), 'count'));
      if (values.some((v) => !v.ok || v.value === null)) continue;
      const [subtotal, ...leaves] = values.map((v) => (v.ok ? v.value! : 0));
      const got = leaves.reduce((a, b) => a + b, 0);
      if (Math.abs(got - subtotal!) > 0.5) tally(this.unbalanced, leaf.column, r, `${rowArea(r)}: leaves ${got}, '${leaf.total}' ${subtotal}`);
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
      else log.warn(msg.newLeafRead(leaf.column, Placement[leaf.placement].label, leaf.placement, leaf.total, leaf.by!), 1, leaf.column);
    }
    for (const [name, t] of this.fills) {
      const rows = t.rows - t.against;
      if (t.against === 0 && rows > 0) log.error(msg.unknownColumnFillsTotal(name, this.totalColumn, rows), t.line, name);
    }
  }
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

/**
 * Per cell of the published tables (area, year, age, need, placement, measure), the figure of the newest release
 * layout, for forecast's and run's datasets (ees-datasets.ts); two files of one layout are compared, never summed.
 */
import { layoutRank } from './readers/ees-common.ts';

type Row = Record<string, unknown>;

/** One file's figure for a cell: the sum of its rows there (several leaves → one placement), and its first line. */
export interface FileFigure {
  file: number;
  line: number | undefined;
  value: number;
  /** The row whose key names the cell in a message (overlaps.ts describePublished). */
  row: Row;
  /** Other files of the same source giving this cell (rare: two copies, or two releases in one layout). */
  more?: FileFigure[];
}

/**
 * Figures that two files of one source (release layout) both give: the later file repeating the first exactly
 * (counted once), or giving another figure (unclear which counts). As load finds them in the warehouse (overlaps.ts).
 */
export interface SameSourceOverlaps {
  /** Per pair of files (first, later): how many figures the later repeats exactly. */
  repeats: Map<string, { first: number; later: number; n: number }>;
  conflicts: Array<{ first: FileFigure; other: FileFigure }>;
}

/**
 * Picks, per cell, the figure of the newest source. Rows of one file for a cell are summed (several leaves → one
 * placement); two files of one source (two copies or two releases in one layout) are never summed: the same figure
 * counts once, another figure is a conflict (overlaps).
 */
export class CellPicker {
  private readonly cells = new Map<string, Map<string, FileFigure>>();
  readonly overlaps: SameSourceOverlaps = { repeats: new Map(), conflicts: [] };
  add(key: string, source: string, r: Row): void {
    let bySource = this.cells.get(key);
    if (!bySource) this.cells.set(key, (bySource = new Map()));
    const file = r.file_id as number;
    const first = bySource.get(source);
    const mine = first === undefined || first.file === file ? first : first.more?.find((f) => f.file === file);
    if (mine) {
      mine.value += r.count as number;
      return;
    }
    const f: FileFigure = { file, line: r.line === undefined || r.line === null ? undefined : Number(r.line), value: r.count as number, row: r };
    if (!first) bySource.set(source, f);
    else (first.more ??= []).push(f);
  }
  /** Each cell's chosen value, plus the other sources' values when they disagree. */
  *entries(): Generator<{ key: string; value: number; source: string; others: Array<[string, number]> }> {
    for (const [key, bySource] of this.cells) {
      let best: [string, number] | undefined;
      for (const [source, first] of bySource) {
        if (first.more) this.compare(first);
        if (!best || layoutRank(source) > layoutRank(best[0])) best = [source, first.value];
      }
      const others = [...bySource].map(([s, f]): [string, number] => [s, f.value]).filter(([s, v]) => s !== best![0] && Math.abs(v - best![1]) > 0.5);
      yield { key, value: best![1], source: best![0], others };
    }
  }
  /** Compares the other files of a source with its first: the same figure counts once, another is a conflict. */
  private compare(first: FileFigure): void {
    for (const f of first.more!) {
      if (Math.abs(f.value - first.value) > 1e-9) this.overlaps.conflicts.push({ first, other: f });
      else {
        const pair = `${first.file}>${f.file}`;
        const s = this.overlaps.repeats.get(pair) ?? { first: first.file, later: f.file, n: 0 };
        s.n++;
        this.overlaps.repeats.set(pair, s);
      }
    }
  }
}

/**
 * Small-count suppression for publication: every count of plans (children and young people) above zero and below
 * the threshold is replaced by the marker `[c]` (the GSS symbol for "confidential"). Zeros stay, money and rates
 * stay, totals stay (no secondary suppression: see docs/outputs.md).
 */
import type { Cell, ColumnKind, WorkbookModel } from './workbook/model.ts';

/** The marker written in place of a suppressed count. */
export const SUPPRESSED = '[c]';

/** Whether a count is small enough to suppress. */
export function isSmallCount(v: number, threshold: number): boolean {
  return v > 0 && v < threshold;
}

function suppressCell(c: Cell, kind: ColumnKind, threshold: number): Cell {
  if (typeof c === 'number') return kind === 'count' ? suppressedCount(c, threshold) : c;
  if (c !== null && typeof c === 'object') return c.kind === 'count' && suppressedCount(c.value, threshold) === SUPPRESSED ? SUPPRESSED : c;
  return c;
}

/**
 * A count of plans as a document for publication gives it: the marker in place of a small count (isSmallCount), else
 * the count; no threshold (or one of 1 or less) gives every count. The one rule of the workbook's cells, applied to a
 * figure outside it (`run --json`, the explorer's CSV download).
 * @example suppressedCount(3, 5) // '[c]'
 * @example suppressedCount(12, 5) // 12
 */
export function suppressedCount(v: number, threshold: number | undefined): number | typeof SUPPRESSED {
  return threshold !== undefined && threshold > 1 && isSmallCount(v, threshold) ? SUPPRESSED : v;
}

/** The sentence explaining the marker, for sheets and the report. */
export function suppressionNote(threshold: number): string {
  return `Counts of plans from 1 to ${threshold - 1} are shown as ${SUPPRESSED} (suppressed for publication); totals are not suppressed.`;
}

/**
 * A copy of a workbook model with small counts suppressed. Returns the model unchanged when `threshold` ≤ 1.
 * @example suppressWorkbook(model, 5) // counts 1–4 (and fractions below 5) become '[c]'
 */
export function suppressWorkbook(model: WorkbookModel, threshold: number | undefined): WorkbookModel {
  if (threshold === undefined || threshold <= 1) return model;
  return {
    ...model,
    sheets: model.sheets.map((s) => ({
      ...s,
      tables: s.tables.map((t) => {
        let n = 0;
        const rows = t.rows.map((row) =>
          row.map((c, j) => {
            const out = suppressCell(c, t.columns[j]!.kind, threshold);
            if (out !== c) n++;
            return out;
          }),
        );
        return n > 0 ? { ...t, rows, note: [t.note, suppressionNote(threshold)].filter(Boolean).join(' ') } : t;
      }),
    })),
  };
}

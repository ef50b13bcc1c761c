/** One measured figure of `npm run bench`: its value, and where it has one, its reference and target. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** What the value is judged by, e.g. '≤ 2×' or '< 10 ms'. */
  target?: string;
  /** The physical reference measured in the same run (same unit as the value); the table shows value / reference. */
  reference?: { name: string; value: number };
  /** Whether the target is met (shown as ok / MISSED). */
  ok?: boolean;
}

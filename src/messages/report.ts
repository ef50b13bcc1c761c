/** User-facing messages of the report stage. */
export const STAGE = 'report';

export function noReports(): string {
  return 'writeComparison needs at least one run report. Got: 0';
}

export function cannotWrite(path: string, reason: string): string {
  return `Could not write the outputs to ${path}: ${reason}`;
}

export function badSuppressionThreshold(got: unknown): string {
  return `The small-count suppression threshold must be a whole number of 2 or more. Got: ${String(got)}`;
}

export function noFonts(): string {
  return 'No fonts are available to @napi-rs/canvas: chart text will be missing. Install a font (for example fonts-dejavu-core).';
}

/** How the outputs choose their one central figure (central-path.ts), for the Summary sheet and the report. */
export function centralPathNote(draws: number): string {
  return draws > 0
    ? `Central figures are one path: total plans at the median (P50) of ${draws.toLocaleString('en-GB')} simulated futures, split by age, need and placement in the projection’s proportions and priced by the budget model, so every table adds up; every sheet, chart and sentence shows this path. P10 and P90 are percentiles of the simulated futures.`
    : 'Central figures are the deterministic path (every rate at its expected value, no simulated futures), so P10 = P50 = P90; every sheet, chart and sentence shows this path.';
}

export function halfTruthInOutput(places: readonly string[]): string {
  return `refusing to write outputs holding NaN, Infinity or 'undefined' (a bug in highneeds, not in your data); nothing was written. Found: ${places.join('; ')}`;
}

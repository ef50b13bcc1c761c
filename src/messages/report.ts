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

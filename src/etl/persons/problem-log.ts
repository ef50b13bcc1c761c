/**
 * Collects a reader's errors and warnings with a cap, so a file with a million bad rows still gives a short,
 * useful report (the first problems of each severity, then a count of the rest).
 */
import type { Problem } from '../../errors.ts';
import { sen2TooManyProblems } from '../../messages/etl.ts';
import type { SrcRef } from './raw.ts';

export class ProblemLog {
  readonly errors: Problem[] = [];
  readonly warnings: Problem[] = [];
  private moreErrors = 0;
  private moreWarnings = 0;

  constructor(private readonly cap = 100) {}

  error(at: SrcRef, message: string): void {
    if (this.errors.length < this.cap) this.errors.push(problemAt(at, message));
    else this.moreErrors++;
  }

  warning(at: SrcRef, message: string): void {
    if (this.warnings.length < this.cap) this.warnings.push(problemAt(at, message));
    else this.moreWarnings++;
  }

  /** Counts `n` further problems that were found but not listed (set-based checks fetch only the first few). */
  more(kind: 'error' | 'warning', n: number): void {
    if (n <= 0) return;
    if (kind === 'error') this.moreErrors += n;
    else this.moreWarnings += n;
  }

  get errorCount(): number {
    return this.errors.length + this.moreErrors;
  }

  /** Final lists, with a closing "… and N more" line where problems were left out. */
  finish(): { errors: Problem[]; warnings: Problem[] } {
    const errors = [...this.errors];
    const warnings = [...this.warnings];
    if (this.moreErrors > 0) errors.push({ message: sen2TooManyProblems(this.moreErrors) });
    if (this.moreWarnings > 0) warnings.push({ message: sen2TooManyProblems(this.moreWarnings) });
    return { errors, warnings };
  }
}

function problemAt(at: SrcRef, message: string): Problem {
  const p: Problem = { file: at.file, path: at.path, message };
  if (at.line !== undefined) p.line = at.line;
  return p;
}

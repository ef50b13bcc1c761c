/**
 * Collects a file's errors and warnings with their line and column, capped so that a 100 MB file full of
 * errors does not fill memory; the overflow is counted and reported as one last problem.
 */
import type { Problem } from '../errors.ts';
import { tooManyProblems } from '../messages/etl.ts';

const CAP = 200;

export class ProblemLog {
  readonly errors: Problem[] = [];
  readonly warnings: Problem[] = [];
  private droppedErrors = 0;
  private droppedWarnings = 0;

  constructor(readonly file: string) {}

  /** Records an error (the file is invalid). */
  error(message: string, line?: number, column?: string): void {
    if (this.errors.length >= CAP) this.droppedErrors++;
    else this.errors.push(this.problem(message, line, column));
  }

  /** Records a warning (kept as a data-quality note; the file still loads). */
  warn(message: string, line?: number, column?: string): void {
    if (this.warnings.length >= CAP) this.droppedWarnings++;
    else this.warnings.push(this.problem(message, line, column));
  }

  get errorCount(): number {
    return this.errors.length + this.droppedErrors;
  }

  /** The problems, with a closing "and N more" entry when capped. */
  finish(): { errors: Problem[]; warnings: Problem[] } {
    const errors = [...this.errors];
    const warnings = [...this.warnings];
    if (this.droppedErrors > 0) errors.push(this.problem(tooManyProblems(this.droppedErrors, 'errors')));
    if (this.droppedWarnings > 0) warnings.push(this.problem(tooManyProblems(this.droppedWarnings, 'warnings')));
    return { errors, warnings };
  }

  private problem(message: string, line?: number, column?: string): Problem {
    const p: Problem = { file: this.file, message };
    if (line !== undefined) p.line = line;
    if (column !== undefined) p.column = column;
    return p;
  }
}

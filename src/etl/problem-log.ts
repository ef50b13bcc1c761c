/**
 * The one log of a reader's errors and warnings, capped so that a 100 MB file full of errors (or a return with a
 * million bad records) does not fill memory: the first PROBLEM_CAP of each severity are listed, the rest counted
 * and reported as one last "… and N more" problem.
 *
 * A problem is located either in the log's own file, by line and column (`error(message, line, column)`, as the
 * table readers report), or anywhere, by a location that may also name an XML path or a Blade module
 * (`error({ file, line, path }, message)`, as the SEN2 readers report).
 */
import type { Problem } from '../errors.ts';
import { tooManyProblems } from '../messages/etl.ts';
import { boundedMessage } from '../util/bounded-text.ts';

/** Problems of each severity listed in full; the rest are counted. */
export const PROBLEM_CAP = 200;

/** Where a problem is: a file, and where known its line, column (tables) or path (XML element, Blade module). */
export type ProblemAt = Omit<Problem, 'message'>;

export class ProblemLog {
  readonly errors: Problem[] = [];
  readonly warnings: Problem[] = [];
  private moreErrors = 0;
  private moreWarnings = 0;

  /** @param file the file problems without a file of their own are in (and the closing "… and N more" line). */
  constructor(readonly file?: string) {}

  /** Records an error (the file is invalid): at a line and column of this log's file, or at a location. */
  error(message: string, line?: number, column?: string): void;
  error(at: ProblemAt, message: string): void;
  error(a: string | ProblemAt, b?: string | number, column?: string): void {
    if (this.errors.length >= PROBLEM_CAP) this.moreErrors++;
    else this.errors.push(this.problem(a, b, column));
  }

  /** Records a warning (kept as a data-quality note; the file still loads): as `error`. */
  warn(message: string, line?: number, column?: string): void;
  warn(at: ProblemAt, message: string): void;
  warn(a: string | ProblemAt, b?: string | number, column?: string): void {
    if (this.warnings.length >= PROBLEM_CAP) this.moreWarnings++;
    else this.warnings.push(this.problem(a, b, column));
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

  /** The problems, with a closing "… and N more" entry where some were left out. */
  finish(): { errors: Problem[]; warnings: Problem[] } {
    const errors = [...this.errors];
    const warnings = [...this.warnings];
    if (this.moreErrors > 0) errors.push(this.problem(tooManyProblems(this.moreErrors, 'errors', this.errors.length)));
    if (this.moreWarnings > 0) warnings.push(this.problem(tooManyProblems(this.moreWarnings, 'warnings', this.warnings.length)));
    return { errors, warnings };
  }

  private problem(a: string | ProblemAt, b?: string | number, column?: string): Problem {
    const at: ProblemAt = typeof a === 'string' ? { line: b as number | undefined, column } : a;
    // a message quotes what the file held: a cell of megabytes was echoed whole, 10 MB on stderr for two bad cells
    const message = boundedMessage(typeof a === 'string' ? a : (b as string));
    const file = at.file ?? this.file;
    const p: Problem = { ...(file !== undefined && { file }), ...(at.path !== undefined && { path: at.path }), message };
    if (at.line !== undefined) p.line = at.line;
    if (at.column !== undefined) p.column = at.column;
    return p;
  }
}

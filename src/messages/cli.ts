/** User-facing messages of the command line. */

export function internalError(detail: string): string {
  return `internal error (a bug in highneeds): ${detail}\nPlease report it with the command you ran and this message.`;
}

export function unknownCommand(cmd: string, suggestion?: string): string {
  return `unknown command '${cmd}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`;
}

export function filesInvalid(bad: string[], total: number): string {
  return `${bad.length} of ${total} files are invalid: ${bad.join(', ')}`;
}

export function forecastNeedsLa(): string {
  return 'forecast needs --la CODE... or --all';
}

export function initWouldOverwrite(path: string): string {
  return `${path} already exists; init never overwrites files (choose another folder)`;
}

export function laterNotesOmitted(n: number): string {
  return `… and ${n} more data-quality notes (all of them are in the --json output)`;
}

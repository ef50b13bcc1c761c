/** User-facing messages of the command line. */

export function internalError(detail: string): string {
  return `internal error (a bug in highneeds): ${detail}\nPlease report it with the command you ran and this message.`;
}

export function unknownCommand(cmd: string, suggestion?: string): string {
  return `unknown command '${cmd}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`;
}

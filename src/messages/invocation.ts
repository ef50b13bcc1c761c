/**
 * The words a user types to run highneeds, for the commands messages give to type ('run it with: …', 'load files into
 * it first (…)'). In a clone `highneeds` is not on the PATH: README gives `npx highneeds …` in the checkout and
 * `node <checkout>/bin/highneeds.js …` from anywhere, and goal-seek said 'run it with: highneeds run …', which the
 * shell refused. The CLI sets it once from how it was started (cli/invocation.ts); a message of a library call, or of
 * an installed `highneeds`, says `highneeds`.
 */
import { shellWord } from '../util/shell-word.ts';

let prefix = 'highneeds';

/** Sets how highneeds was started (cli/main.ts, before a command runs). */
export function setInvocation(words: string): void {
  prefix = words;
}

/**
 * A highneeds command as the user would type it, its words made safe for the shell.
 * @example typed(['run', 'plan goal.yaml']) // "npx highneeds run 'plan goal.yaml'" (started through npx)
 */
export function typed(words: readonly string[]): string {
  return [prefix, ...words.map(shellWord)].join(' ');
}

/** A highneeds command as the user would type it, from words already fit to type (placeholders such as `PATH...`). */
export function typedAsIs(words: string): string {
  return `${prefix} ${words}`;
}

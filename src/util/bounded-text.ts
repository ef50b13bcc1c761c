/**
 * Text of a message kept to a size a reader can take in: a message quotes what a file held ("Got: '…'"), and a
 * hostile or damaged file can hold megabytes in one cell. Pure.
 */
import { longRunShortened, messageShortened } from '../messages/etl.ts';
import { showInvisible } from './invisible.ts';

/**
 * The longest name a file may give (a line of other spend, a lever, a scenario, a surge): names are shown in the
 * workbook, where a cell holds at most 32,767 characters (Excel repairs a workbook with a longer one, dropping text),
 * and in every table and chart of the report; no name a person writes comes near it.
 */
export const LONGEST_NAME = 200;
/** The longest file path a scenario may name (goal_seek.from_scenario; Linux allows 4,096 bytes). */
export const LONGEST_PATH = 4096;
/** The longest description of a scenario (shown in a workbook cell and the report's opening). */
export const LONGEST_DESCRIPTION = 5000;

/**
 * Control characters other than the line breaks (LF, CR, and NEL, which YAML reads as one) and the tab (C0, DEL, C1):
 * every output shows those (a line break in a chart's title becomes a space), the others it cannot (XML forbids most).
 */
// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/;

/**
 * The first control character of a name or description (but a line break, carriage return or tab) as a message shows
 * it, with its place, or undefined when there is none: such a character is invisible, and one in a chart's title made
 * the workbook's drawing XML invalid (Excel repaired the file, dropping the charts).
 * @example controlCharIn('Any\u0007shire') // "'\\x07' at character 4"
 */
export function controlCharIn(s: string): string | undefined {
  const m = CONTROL.exec(s);
  return m ? `'\\x${m[0].charCodeAt(0).toString(16).padStart(2, '0')}' at character ${m.index + 1}` : undefined;
}

/** A run of characters without a space longer than this is shown by its start only. */
export const LONGEST_RUN = 200;
/** The longest message, in characters, once long runs are shortened. */
export const LONGEST_MESSAGE = 2000;

/** Whether a UTF-16 unit is white space as a regular expression's \s has it. */
function isSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * `s` with every run of more than LONGEST_RUN characters without a space shown by its first 80 and its length. A scan,
 * not a regular expression: /\S{201,}/ ran out of stack on a run of ten million characters (a 10 MB cell), exit 70.
 */
function shortenLongRuns(s: string): string {
  const parts: string[] = [];
  let kept = 0;
  let runStart = -1;
  for (let i = 0; i <= s.length; i++) {
    if (i < s.length && !isSpace(s.charCodeAt(i))) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart >= 0 && i - runStart > LONGEST_RUN) {
      parts.push(s.slice(kept, runStart), head(s.slice(runStart, runStart + 80), 80), longRunShortened(i - runStart));
      kept = i;
    }
    runStart = -1;
  }
  return kept === 0 ? s : parts.join('') + s.slice(kept);
}

/** The first `n` characters of `s`, never ending inside a surrogate pair. */
function head(s: string, n: number): string {
  const h = s.slice(0, n);
  return /[\ud800-\udbff]$/.test(h) ? h.slice(0, -1) : h;
}

/**
 * A message with every run of more than LONGEST_RUN characters without a space shown by its first 80 and its length,
 * its invisible characters shown by their code points, and, when it is still longer than LONGEST_MESSAGE, its middle left out (its start names the place and the problem,
 * its end often says what to do).
 * @example boundedMessage(`Got: '${'9'.repeat(5e6)}'`) // "Got: '999…9… (5,000,002 characters without a space)" (the run counts its quotes)
 */
export function boundedMessage(text: string): string {
  // an invisible character in a quoted value is shown by its code point (invisible.ts)
  const message = showInvisible(text);
  if (message.length <= LONGEST_RUN) return message;
  let m = shortenLongRuns(message);
  if (m.length > LONGEST_MESSAGE) {
    const tail = m.slice(-400).replace(/^[\udc00-\udfff]/, '');
    const start = head(m, 1200);
    m = `${start}${messageShortened(m.length - start.length - tail.length)}${tail}`;
  }
  return m;
}

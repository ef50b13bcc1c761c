/**
 * User-facing messages about the names and descriptions a file gives (an LA's or region's name in a published
 * table, a line of other spend, a scenario's or a lever's name): what they may hold to be shown in every output.
 */

/**
 * What a name or description must be, as a scenario's message puts it ("expected …, found …"): without control
 * characters (`shown` names the first and where it stands), which are invisible on screen and made the workbook's
 * drawing XML invalid (Excel repaired the file, dropping its charts).
 */
export function textWithoutControl(what: 'a name' | 'a description', shown: string): string {
  return `${what} without control characters (${shown} is one: invisible on screen, and a workbook holding one is damaged, Excel repairing it and dropping its charts)`;
}

/** A name in a table (an LA's, a line of other spend) holding a control character: remove it. */
export function nameHasControl(shown: string): string {
  return `expected ${textWithoutControl('a name', shown)}: remove it`;
}

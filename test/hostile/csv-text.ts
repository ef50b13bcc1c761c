/**
 * A small CSV splitter and joiner for the hostile corpus: enough to cut a real-shaped file into cells, change some and
 * write it back (quoted where a cell needs it), so each variant differs from a good file in one way only.
 */

/**
 * The rows of a CSV text (RFC 4180 quotes; LF, CRLF or CR line ends), each a list of cells.
 * @example splitCsv('a,"b,c"\n1,2\n') // [['a', 'b,c'], ['1', '2']]
 */
export function splitCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** One cell as CSV writes it: quoted when it holds a comma, a quote, a line end or leading/trailing space. */
function cellText(cell: string): string {
  return /[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** The CSV text of rows, each line ended by `eol`. */
export function joinCsv(rows: readonly (readonly string[])[], eol = '\n'): string {
  return rows.map((r) => r.map(cellText).join(',')).join(eol) + eol;
}

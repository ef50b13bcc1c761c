/**
 * A bare `&` in an XML file (a name or free text with an ampersand not written `&amp;`), found before the parser
 * reads the text: saxes takes what follows a `&` as an entity's name up to the next `;`, so a bare one was refused
 * far from where it stands (as an element longer than 4 MB at the file's last line). CDATA sections, comments and
 * processing instructions may hold a bare `&`, so they are passed over, also when they run across chunks.
 */

/** A character or entity reference, matched where `lastIndex` is (sticky): no copy of the text for each `&`. */
const REFERENCE = /&(?:#[0-9]{1,8}|#x[0-9a-fA-F]{1,8}|[A-Za-z_:][\w.:-]{0,31});/y;

/** Whether the `&` at `i` of `text` begins no character or entity reference; one too near the end to tell is not. */
function bareAt(text: string, i: number): boolean {
  REFERENCE.lastIndex = i;
  if (REFERENCE.test(text)) return false;
  // cut by the end of the text: left to the parser, which reports what it finds
  return !(text.length - i < 42 && !text.slice(i + 1).includes(';') && /^&[#\w.:-]*$/.test(text.slice(i)));
}

/**
 * Where `text` holds an ampersand that begins no character or entity reference (`&amp;`, `&#38;`, `&#x26;`), or −1;
 * one too near the end to tell is passed over (saxes then reports what it finds). Markup is not looked at: see
 * AmpersandScan for a file read in chunks.
 */
export function bareAmpersand(text: string): number {
  for (let i = text.indexOf('&'); i >= 0; i = text.indexOf('&', i + 1)) if (bareAt(text, i)) return i;
  return -1;
}

/**
 * `s.indexOf('<' + mark, from)`, found by looking for `mark` (`!` or `?`, rare in a return) and then at the character
 * before it: searched for `<!` itself, the search stopped at every `<` (about one in 15 characters of XML), and the
 * two searches took 80 ms of CPU over 100 MB against 7.
 */
function markerFrom(s: string, mark: '!' | '?', from: number): number {
  for (let j = s.indexOf(mark, from + 1); j >= 0; j = s.indexOf(mark, j + 1)) if (s.charCodeAt(j - 1) === 0x3c) return j - 1;
  return -1;
}

/** Where each kind of markup that may hold a bare `&` ends. */
const CLOSE = { cdata: ']]>', comment: '-->', pi: '?>' } as const;
type Inside = keyof typeof CLOSE;

/**
 * Finds a bare `&` in a file read chunk by chunk, outside CDATA sections, comments and processing instructions (which
 * may hold one), carrying across chunks the markup it is in and a marker cut by a chunk's end.
 * @example new AmpersandScan().find('<a><![CDATA[x & y]]></a><b>x & y</b>') // 29
 */
export class AmpersandScan {
  private inside: Inside | undefined;
  /** The end of the last chunk held back: a marker cut short (`<![CD`, `]]`), read again with the next chunk. */
  private held = '';

  /** The index in `chunk` of the first bare `&`, or −1. */
  find(chunk: string): number {
    const s = this.held + chunk;
    const shift = this.held.length;
    this.held = '';
    let i = 0;
    // where the next `<!` and `<?` are (−1: none), found again only once passed: looked for from each `&`, a chunk
    // of many `&amp;` and no markup was scanned to its end once for each
    let lt = -2;
    let pi = -2;
    while (i < s.length) {
      if (this.inside !== undefined) {
        const close = CLOSE[this.inside];
        const j = s.indexOf(close, i);
        if (j < 0) {
          this.held = s.slice(Math.max(i, s.length - (close.length - 1)));
          return -1;
        }
        this.inside = undefined;
        i = j + close.length;
        continue;
      }
      const amp = s.indexOf('&', i);
      if (lt !== -1 && lt < i) lt = markerFrom(s, '!', i);
      if (pi !== -1 && pi < i) pi = markerFrom(s, '?', i);
      const mark = lt < 0 ? pi : pi < 0 ? lt : Math.min(lt, pi);
      if (amp >= 0 && (mark < 0 || amp < mark)) {
        if (bareAt(s, amp)) return Math.max(0, amp - shift);
        i = amp + 1;
        continue;
      }
      if (mark < 0) {
        // a '<' at the very end may begin a marker
        if (s.endsWith('<')) this.held = '<';
        return -1;
      }
      const rest = s.slice(mark, mark + 9);
      if (rest.startsWith('<![CDATA[')) this.inside = 'cdata';
      else if (rest.startsWith('<!--')) this.inside = 'comment';
      else if (rest.startsWith('<?')) this.inside = 'pi';
      else if (mark + 9 > s.length && ('<![CDATA['.startsWith(rest) || '<!--'.startsWith(rest))) {
        // a marker cut by the chunk's end
        this.held = rest;
        return -1;
      }
      i = mark + (this.inside === 'cdata' ? 9 : this.inside === 'comment' ? 4 : 2);
    }
    return -1;
  }
}

/**
 * A streaming CSV tokenizer (RFC 4180 plus the quirks of the real files): quoted fields with doubled quotes,
 * delimiters and newlines inside quotes, CRLF / LF / CR line ends. Pure: it takes decoded text chunks and returns
 * records with the physical line each starts on. Blank-line and field-count policy belong to the caller.
 */

/** One CSV record and the 1-based physical line it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

export class CsvTokenizer {
  private readonly delim: number;
  private fields: string[] = [];
  private field = '';
  private inQuotes = false;
  /** True right after a closing quote (so `""` inside quotes can be told from the end of the field). */
  private afterQuote = false;
  private fieldQuoted = false;
  private line = 1;
  private recordLine = 1;
  private pendingCR = false;
  private sawAny = false;

  constructor(delimiter = ',') {
    this.delim = delimiter.charCodeAt(0);
  }

  /**
   * Tokenizes a chunk; returns the records completed by it.
   * @example new CsvTokenizer().push('a,b\n1,"2,3"\n') // [{line:1,fields:['a','b']},{line:2,fields:['1','2,3']}]
   */
  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      const c = chunk.charCodeAt(i);
      if (this.pendingCR) {
        this.pendingCR = false;
        if (c === LF) {
          i++;
          continue;
        }
      }
      if (this.inQuotes) {
        if (c === QUOTE) {
          if (this.afterQuote) {
            this.field += '"';
            this.afterQuote = false;
          } else this.afterQuote = true;
          i++;
          continue;
        }
        if (this.afterQuote) {
          // the quote closed the field
          this.inQuotes = false;
          this.afterQuote = false;
          continue; // re-handle c outside quotes
        }
        // fast path: copy up to the next quote
        let j = chunk.indexOf('"', i);
        if (j < 0) j = n;
        const piece = chunk.slice(i, j);
        for (let k = 0; k < piece.length; k++) if (piece.charCodeAt(k) === LF) this.line++;
        this.field += piece;
        this.sawAny = true;
        i = j;
        continue;
      }
      if (c === this.delim) {
        this.fields.push(this.field);
        this.field = '';
        this.fieldQuoted = false;
        this.sawAny = true;
        i++;
        continue;
      }
      if (c === LF || c === CR) {
        out.push(this.endRecord());
        this.line++;
        this.recordLine = this.line;
        if (c === CR) this.pendingCR = true;
        i++;
        continue;
      }
      if (c === QUOTE && this.field === '' && !this.fieldQuoted) {
        this.inQuotes = true;
        this.fieldQuoted = true;
        this.sawAny = true;
        i++;
        continue;
      }
      // fast path: unquoted run up to the next delimiter or line end
      let j = i;
      while (j < n) {
        const d = chunk.charCodeAt(j);
        if (d === this.delim || d === LF || d === CR) break;
        j++;
      }
      this.field += chunk.slice(i, j);
      this.sawAny = true;
      i = j;
    }
    return out;
  }

  /**
   * Ends the input. Returns the last record if the text did not end with a line break, and whether the text
   * ended inside a quoted field (a truncated file).
   */
  end(): { record?: CsvRecord; unterminatedQuote: boolean; unterminatedLine: boolean } {
    if (this.inQuotes && this.afterQuote) {
      this.inQuotes = false;
      this.afterQuote = false;
    }
    const unterminatedQuote = this.inQuotes;
    if (!this.sawAny && this.fields.length === 0 && this.field === '') {
      return { unterminatedQuote, unterminatedLine: false };
    }
    return { record: this.endRecord(), unterminatedQuote, unterminatedLine: true };
  }

  private endRecord(): CsvRecord {
    this.fields.push(this.field);
    const rec = { line: this.recordLine, fields: this.fields };
    this.fields = [];
    this.field = '';
    this.fieldQuoted = false;
    this.sawAny = false;
    return rec;
  }
}

/** Whether a record holds nothing but empty fields (a blank row). */
export function isBlankRecord(fields: readonly string[]): boolean {
  for (const f of fields) if (f.trim() !== '') return false;
  return true;
}

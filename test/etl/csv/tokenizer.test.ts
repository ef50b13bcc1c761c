import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer } from '../../../src/etl/csv/tokenizer.ts';

function tokenize(text: string, chunk = text.length || 1): string[][] {
  const t = new CsvTokenizer();
  const out: string[][] = [];
  for (let i = 0; i < text.length; i += chunk) out.push(...t.push(text.slice(i, i + chunk)).map((r) => r.fields));
  const end = t.end();
  if (end.record) out.push(end.record.fields);
  return out;
}

describe('CsvTokenizer', () => {
  it('reads quoted fields with commas, quotes and newlines', () => {
    expect(tokenize('a,"b,c","d""e","f\ng"\n1,2,3,4\n')).toEqual([
      ['a', 'b,c', 'd"e', 'f\ng'],
      ['1', '2', '3', '4'],
    ]);
  });
  it('treats CRLF, LF and CR alike and numbers lines', () => {
    const t = new CsvTokenizer();
    const recs = t.push('a,b\r\n1,2\n3,4\r5,6\r\n');
    expect(recs.map((r) => r.line)).toEqual([1, 2, 3, 4]);
    expect(recs.map((r) => r.fields)).toEqual([['a', 'b'], ['1', '2'], ['3', '4'], ['5', '6']]);
  });
  it('reports a file ending inside quotes', () => {
    const t = new CsvTokenizer();
    t.push('a,b\n1,"2');
    expect(t.end().unterminatedQuote).toBe(true);
  });
  it('gives the same records whatever the chunking (property)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', ' ', 'é') });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 7 }), (rows, chunk) => {
        const text = rows.map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n';
        expect(tokenize(text, chunk)).toEqual(rows);
      }),
    );
  });
});

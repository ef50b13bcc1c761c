import { describe, expect, it } from 'vitest';
import { csvField, escapeHtml, looksLikeFormula } from '../../src/report/safe-text.ts';

describe('safe text', () => {
  it('spots formula starts', () => {
    for (const s of ['=1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(looksLikeFormula(s)).toBe(true);
    for (const s of ['a=1', 'Anyshire', '', '1']) expect(looksLikeFormula(s)).toBe(false);
  });
  it('prefixes formula-like CSV fields with a quote and quotes as RFC 4180', () => {
    expect(csvField('=1+2')).toBe("'=1+2");
    expect(csvField('=HYPERLINK("a","b")')).toBe(`"'=HYPERLINK(""a"",""b"")"`);
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField(-5)).toBe('-5');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(null)).toBe('');
  });
  it('escapes HTML', () => {
    expect(escapeHtml(`<img src=x onerror="a">&'`)).toBe('&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;');
  });
});

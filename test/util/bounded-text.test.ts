import { describe, expect, it } from 'vitest';
import { boundedMessage, LONGEST_MESSAGE } from '../../src/util/bounded-text.ts';

describe('boundedMessage', () => {
  it('leaves an ordinary message as it is', () => {
    const m = `expected a financial year like 2024-25. Got: '${'x'.repeat(150)}'`;
    expect(boundedMessage(m)).toBe(m);
  });

  it('shows a long run by its start and length, and cuts the middle of a message still too long, keeping its end', () => {
    expect(boundedMessage(`Got: '${'9'.repeat(5_000_000)}'`)).toBe(`Got: '${'9'.repeat(79)}… (5,000,002 characters without a space)`);
    const spaced = boundedMessage(`Got: '${'YYY '.repeat(1_000_000)}'; give a year`);
    expect(spaced.length).toBeLessThan(LONGEST_MESSAGE + 100);
    expect(spaced).toMatch(/^Got: 'YYY YYY /);
    expect(spaced).toMatch(/ … \([\d,]+ characters left out\) … .*'; give a year$/);
  });

  it('shortens a run of ten million characters without a space (a regular expression ran out of stack there: exit 70)', () => {
    expect(boundedMessage(`Got: '${'9'.repeat(10_000_000)}'`)).toBe(`Got: '${'9'.repeat(79)}… (10,000,002 characters without a space)`);
    const spaces = boundedMessage(`a${' '.repeat(10_000_000)}b ${'x'.repeat(300)}`);
    expect(spaces.length).toBeLessThan(LONGEST_MESSAGE + 100);
    expect(spaces).toMatch(/ x{80}… \(300 characters without a space\)$/);
  });

  it('never splits a character made of two UTF-16 units', () => {
    const out = boundedMessage(`a${'😀'.repeat(300)}`);
    expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe('an invisible character in a message', () => {
  // a code or label pasted from a web page or Word with a zero-width space was refused as "Got: 'MS<ZWSP>' (did you mean
  // 'MS'?)", naming a value that looked right: the character is shown by its code point now
  it('is shown by its code point', () => {
    expect(boundedMessage("expected a placement code. Got: 'MS\u200b' (did you mean 'MS'?)")).toBe("expected a placement code. Got: 'MS<U+200B>' (did you mean 'MS'?)");
    expect(boundedMessage("Got: '\ufeffE10000016\u2060'")).toBe("Got: '<U+FEFF>E10000016<U+2060>'");
    // a right-to-left override would show the rest of the message backwards
    expect(boundedMessage('Got: \u202eabc')).toBe('Got: <U+202E>abc');
  });
  it('leaves spaces, accents and other scripts as they are', () => {
    for (const m of ['Got: Café', 'Got: 1\u00a0234', 'Got: Ysgol Gymraeg', 'Got: 中文']) expect(boundedMessage(m)).toBe(m);
  });
});

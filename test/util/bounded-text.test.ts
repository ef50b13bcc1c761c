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

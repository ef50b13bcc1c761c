/** The last check before writing: NaN, Infinity and `undefined` never reach an output. */
import { describe, expect, it } from 'vitest';
import { ExitCode, HighneedsError } from '../../src/errors.ts';
import { assertNoBlemishes, dataUriBase64, fileBlemishes, textBlemishes, valueBlemishes } from '../../src/report/output-guard.ts';

describe('output guard', () => {
  it('finds formatted half-truths in text', () => {
    for (const t of ['out by NaN% on average', 'a deficit of £Infinitym', '<td>-Infinity</td>', 'placement undefined', 'n,NaN\n']) {
      expect(textBlemishes(t, 'report').length, t).toBeGreaterThan(0);
    }
  });

  it('leaves ordinary words, quoted user values and base64 data alone', () => {
    for (const t of ['Nantwich, Infinityville, NaNs', "unknown column 'undefined'", 'unknown column &#39;NaN&#39;', '<img src="data:image/png;base64,AAANaNBBBInfinity==">']) {
      expect(textBlemishes(t, 'report'), t).toEqual([]);
    }
  });

  it('finds non-finite numbers and bad text anywhere in a value, skipping binary data', () => {
    const found = valueBlemishes({ sheets: [{ rows: [[1, 2, Number.NaN]] }, { title: 'x undefined' }], png: Buffer.from('NaN') }, 'workbook');
    expect(found.map((b) => b.where)).toEqual(['workbook.sheets[0].rows[0][2]', 'workbook.sheets[1].title']);
    expect(valueBlemishes({ a: [1, null, 'ok'], b: Infinity }, 'json')).toHaveLength(1);
  });

  it('checks text files by extension only', () => {
    expect(fileBlemishes([{ rel: 'a.csv', data: 'x,NaN' }, { rel: 'b.png', data: Buffer.from('NaN') }])).toHaveLength(1);
  });

  it('refuses to write with an internal error naming the places', () => {
    expect(() => assertNoBlemishes([])).not.toThrow();
    try {
      assertNoBlemishes([{ where: 'report.html', found: 'NaN%' }]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(HighneedsError);
      expect((e as HighneedsError).exitCode).toBe(ExitCode.INTERNAL);
      expect((e as Error).message).toContain('report.html: NaN%');
    }
  });

  it('base64 for data URIs never spells the words, and decodes to the same bytes once line breaks are dropped', () => {
    // bytes whose base64 holds "NaN" and "undefined"
    const bytes = Buffer.concat([Buffer.from('NaN', 'base64').length ? Buffer.from('AAANaNAA', 'base64') : Buffer.alloc(0), Buffer.from('undefined', 'base64')]);
    const plain = bytes.toString('base64');
    expect(plain).toMatch(/NaN|undefined/);
    const safe = dataUriBase64(bytes);
    expect(safe).not.toMatch(/NaN|Infinity|undefined/);
    expect(Buffer.from(safe.replace(/\n/g, ''), 'base64')).toEqual(bytes);
  });
});

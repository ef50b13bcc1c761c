/**
 * firstWideRecord (wide-record.ts) finds the first record with more fields than the header by counting commas
 * outside quotes: quoted commas and line breaks do not count, a doubled quote stays inside its value, the line is
 * the one the record starts on, and a file read in several 1 MB chunks is counted across their ends.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstWideRecord } from '../../../src/etl/csv/wide-record.ts';
import { withTempDir } from '../../temp.ts';

async function wide(text: string, width: number) {
  return withTempDir(async (dir) => {
    const file = join(dir, 'f.csv');
    writeFileSync(file, text);
    return firstWideRecord(file, width);
  });
}

describe('firstWideRecord', () => {
  it('finds none in a regular file, with quoted commas, quoted line breaks and doubled quotes', async () => {
    expect(await wide('a,b,c\n1,"x, y",3\n"p\nq",2,"say ""hi"", then"\n4,5,\n', 3)).toBeUndefined();
  });

  it('finds a line with one field too many, the last empty, at the line its record starts on', async () => {
    expect(await wide('a,b,c\n1,2,3\n4,5,6,\n', 3)).toEqual({ line: 3, fields: 4 });
    expect(await wide('a,b,c\r\n"x\r\ny",2,3\r\n4,5,6,\r\n', 3)).toEqual({ line: 4, fields: 4 });
    expect(await wide('a,b,c\n"1\n2",2,3,\n', 3)).toEqual({ line: 2, fields: 4 });
  });

  it('finds it on a last line without a line break, and across the end of a 1 MB chunk', async () => {
    expect(await wide('a,b,c\n1,2,3\n4,5,6,', 3)).toEqual({ line: 3, fields: 4 });
    const line = 'aaaa,bbbb,cc\n'; // 13 bytes
    const before = 'a,b,c\n' + line.repeat(Math.floor(((1 << 20) - 6) / 13));
    const text = before + 'x'.repeat((1 << 20) - before.length - 2) + ',y,z,\n';
    expect(text.length).toBeGreaterThan(1 << 20);
    expect(text.charCodeAt((1 << 20) - 1)).not.toBe(10); // the line spans the chunks' end
    expect(await wide(text, 3)).toEqual({ line: 2 + Math.floor(((1 << 20) - 6) / 13), fields: 4 });
  });

  it('counts a line that spans two chunk ends, a quote open across one, and a CR and LF split by one', async () => {
    const mb = 1 << 20;
    // a line of 2.5 MB (three chunks), then a wide one
    expect(await wide(`a,b,c\n1,${'x'.repeat(mb * 2.5)},3\n4,5,6,\n`, 3)).toEqual({ line: 3, fields: 4 });
    expect(await wide(`a,b,c\n1,${'x'.repeat(mb * 2.5)},3,\n`, 3)).toEqual({ line: 2, fields: 4 });
    // a quoted value holding commas and a line break opens before the first chunk's end and closes after it
    const head = 'a,b,c\n';
    const open = head + '1,"' + 'y'.repeat(mb - head.length - 10) + ',\n,,,';
    expect(await wide(`${open}z",3\n4,5,6\n`, 3)).toBeUndefined();
    expect(await wide(`${open}z",3,\n4,5,6\n`, 3)).toEqual({ line: 2, fields: 4 });
    // CR the last byte of the first chunk, LF the first of the next: the line still ends in a comma
    const cr = head + '7,8,9\n'.repeat(10) + '1,2,' + 'w'.repeat(mb - head.length - 60 - 6) + ',\r\n4,5,6\n';
    expect(cr.indexOf('\r')).toBe(mb - 1);
    expect(await wide(cr, 3)).toEqual({ line: 12, fields: 4 });
  });
});

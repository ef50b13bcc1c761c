/**
 * The establishment lookup (`urn,name,type_name,placement`) and the GIAS extract: a URN (or a UKPRN in the lookup) is
 * a positive whole number written as digits. Anything else would be stored as text that matches no SEN2 placement, so
 * its plans would silently lose their placement: it is an error naming the line, the column and the value.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePaths } from '../../../src/etl/validate.ts';
import { tempDir, TODAY } from '../helpers.ts';

const BAD = ['NaN', '-1', '0x10', '1e3', '12.5', '0', '+100001', '100 001', 'Infinity'];

async function errorsOf(header: string, rows: string[]) {
  const path = join(tempDir(), 'establishments.csv');
  writeFileSync(path, `${header}\n${rows.join('\n')}\n`);
  const { files: [f] } = await validatePaths([path], { today: TODAY });
  return f!;
}

describe('URNs in the establishment lookup and the GIAS extract', () => {
  it('the lookup refuses a URN that is not a positive whole number, naming line, column and value', async () => {
    const f = await errorsOf('urn,name,type_name,placement', ['100001,Good School,Community school,MS', ...BAD.map((u) => `${u},School ${u},Community school,MS`)]);
    expect(f.reader).toBe('establishment-lookup');
    expect(f.errors.map((e) => [e.line, e.column])).toEqual(BAD.map((_, i) => [i + 3, 'urn']));
    BAD.forEach((u, i) => expect(f.errors[i]!.message).toContain(`Got: '${u}'`));
    expect(f.errors[0]!.message).toMatch(/positive whole number/);
  });

  it('the lookup takes URNs and UKPRNs written as digits', async () => {
    const f = await errorsOf('urn,name,type_name,placement', ['100001,Good School,Community school,MS', '10004927,Anyshire College,Further education,FE']);
    expect(f.errors).toEqual([]);
    expect(f.rows).toBe(2);
  });

  it('the GIAS extract refuses the same values', async () => {
    const f = await errorsOf('URN,EstablishmentName,TypeOfEstablishment (name)', ['100001,Good School,Community school', ...BAD.map((u) => `${u},School,Community school`)]);
    expect(f.reader).toBe('gias');
    expect(f.errors.map((e) => [e.line, e.column])).toEqual(BAD.map((_, i) => [i + 3, 'URN']));
    BAD.forEach((u, i) => expect(f.errors[i]!.message).toContain(`Got: '${u}'`));
  });
});

describe('a URN given twice in one file', () => {
  it('the lookup refuses two placements for one URN, naming both lines: the warehouse keeps one, picked by chance', async () => {
    const f = await errorsOf('urn,name,type_name,placement', ['100001,Good School,Community school,MS', '100002,Other School,Community school,MS', '100001,Good School,Foundation special school,SSM']);
    expect(f.errors).toHaveLength(1);
    expect(f.errors[0]).toMatchObject({ line: 4, column: 'placement' });
    expect(f.errors[0]!.message).toMatch(/URN 100001 is given twice with different placements: 'SSM' here and 'MS' on line 2/);
  });

  it('the lookup counts a pasted row (the same placement) once, with one warning', async () => {
    const f = await errorsOf('urn,name,type_name,placement', ['100001,Good School,Community school,MS', '100001,Good School,Community school,ms', '100001,Good School,Community school,MS']);
    expect(f.errors).toEqual([]);
    expect(f.warnings).toHaveLength(1);
    expect(f.warnings[0]!.message).toMatch(/URN 100001 repeats line 2 with the same placement: counted once/);
  });

  it('the GIAS extract refuses two establishment types for one URN', async () => {
    const f = await errorsOf('URN,EstablishmentName,TypeOfEstablishment (name)', ['100001,Good School,Community school', '100001,Good School,Community special school']);
    expect(f.errors).toHaveLength(1);
    expect(f.errors[0]).toMatchObject({ line: 3, column: 'TypeOfEstablishment (name)' });
    expect(f.errors[0]!.message).toMatch(/different establishment types: 'Community special school' here and 'Community school' on line 2/);
  });
});

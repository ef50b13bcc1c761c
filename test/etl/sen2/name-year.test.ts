/**
 * A SEN2 return whose file name gives one year that is not the census year its header gives: read as the header says,
 * with a warning naming both (a council that saved its 2025 return as sen2_2024.xml had a run refused as 'too short:
 * needs stock at every census 2024–2025', with no word that the file it named 2024 was read as 2025).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nameYear } from '../../../src/etl/persons/sen2-header.ts';
import { readSen2Xml } from '../../../src/etl/readers/sen2-xml.ts';
import { XML_2025, collect, ctx, tempFile } from './helpers.ts';

describe('a SEN2 return named for another year than its census', () => {
  it('is read as its header says, with a warning naming the name year and the census year', async () => {
    const path = tempFile('sen2_2024.xml', readFileSync(XML_2025, 'utf8'));
    const r = await readSen2Xml(path, collect(), ctx(path));
    expect(r.errors).toEqual([]);
    const w = r.warnings.map((x) => x.message).filter((m) => m.includes('named for'));
    expect(w).toEqual([expect.stringContaining("the file is named for 2024 but its header gives the return of census 2025 (January 2025), and it is read as census 2025")]);
    expect(w[0]).toContain('rename sen2_2024.xml');
  });

  it('says nothing when the name gives the census year, or no one year', async () => {
    for (const name of ['sen2_2025.xml', 'return.xml', 'sen2_2024-25.xml']) {
      const path = tempFile(name, readFileSync(XML_2025, 'utf8'));
      const r = await readSen2Xml(path, collect(), ctx(path));
      expect(r.warnings.filter((x) => x.message.includes('named for'))).toEqual([]);
    }
  });

  it('takes the one year a name gives, not an academic year, a date or two years', () => {
    expect(nameYear('/data/sen2_2024.xml')).toBe(2024);
    expect(nameYear('SEN2 925 2025.xml')).toBe(2025);
    expect(nameYear('sen2_2024-25.xml')).toBeUndefined();
    expect(nameYear('sen2_2024-2025.xml')).toBeUndefined();
    expect(nameYear('sen2_2025-01-16.xml')).toBeUndefined();
    expect(nameYear('sen2_2023_and_2024.xml')).toBeUndefined();
    expect(nameYear('sen2.xml')).toBeUndefined();
    expect(nameYear('/2024/sen2.xml')).toBeUndefined();
  });
});

/**
 * Two SEN2 returns of one LA for one census year in one load (a resubmission beside the return it replaces): nothing
 * in the folder says which came last, and the dataset used the one loaded last (by the order of loading), with a note on the
 * Data quality sheet only (the sample's 2025 return beside a resubmission a person short: exit 0). Returns that
 * differ are an error naming both; a copy with other bytes but the same persons and plans still loads.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIntoMemory } from '../../../src/etl/load.ts';
import { tempDir } from '../../temp.ts';
import { XML_2025 } from './helpers.ts';

const TODAY = new Date('2026-03-01T00:00:00Z');

function folder(second: (xml: string) => string): string {
  const dir = tempDir('sen2-two-');
  const xml = readFileSync(XML_2025, 'utf8');
  writeFileSync(join(dir, 'sen2_2025.xml'), xml);
  const other = second(xml);
  expect(other).not.toBe(xml);
  writeFileSync(join(dir, 'sen2_2025_v2.xml'), other);
  return dir;
}

describe('two SEN2 returns for one LA and census year', () => {
  it('that differ (a need changed in the resubmission) stop the load, naming both files', async () => {
    const dir = folder((xml) => xml.replace('<SENtype>SEMH</SENtype>', '<SENtype>SLCN</SENtype>').replace('<SerialNo>2</SerialNo>', '<SerialNo>3</SerialNo>'));
    await expect(loadIntoMemory([dir], { today: TODAY })).rejects.toMatchObject({
      exitCode: 1,
      problems: [{
        file: join(dir, 'sen2_2025_v2.xml'),
        message: `two SEN2 returns for LA 999 census 2025 hold different persons or plans: ${join(dir, 'sen2_2025.xml')} and ${join(dir, 'sen2_2025_v2.xml')}; it is unclear which one counts (a resubmission and the return it replaces?): keep the one submitted last in the folder and move the other out`,
      }],
    });
  });

  it('with the same persons and plans (another serial number, CRLF line ends) load, as before', async () => {
    const dir = folder((xml) => xml.replace('<SerialNo>2</SerialNo>', '<SerialNo>3</SerialNo>').replace(/\n/g, '\r\n'));
    const load = await loadIntoMemory([dir], { today: TODAY });
    try {
      expect(load.loaded.map((f) => f.reader)).toEqual(['sen2-xml', 'sen2-xml']);
    } finally {
      load.warehouse.close();
    }
  });
});

/**
 * An LA's own SEN2 return that holds persons but no plan held at its census (its ActivePlans left out of the export, or
 * every plan ceased): its January had no stock and was passed over without a word. The sample's 2025 return with every
 * plan ceased and no ActivePlans ran from January 2024 with exit 0.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetFromWarehouse } from '../../src/etl/dataset.ts';
import { sen2XmlReader } from '../../src/etl/readers/sen2-xml.ts';
import { Warehouse } from '../../src/etl/warehouse.ts';
import { emptyDataset } from '../../src/model/dataset.ts';
import { checkPersonLevelStock } from '../../src/pipeline/gates.ts';
import { XML_2024, XML_2025, tempFile } from '../etl/sen2/helpers.ts';

describe('an SEN2 return of the LA holding no plan at its census', () => {
  it('is found when the returns are read, and the gate run and goal-seek call before projecting stops (exit 1) naming the LA, the return, the census and what to do', async () => {
    // the small fixture returns of January 2024 and 2025, the 2025 one without its ActivePlans
    const wh = await Warehouse.open(':memory:');
    try {
      const hashKey = await wh.hashKey();
      const without = tempFile('sen2_2025.xml', readFileSync(XML_2025, 'utf8').replace(/\s*<ActivePlans>[\s\S]*?<\/ActivePlans>/g, ''));
      for (const [fileId, path] of [[1, XML_2024], [2, without]] as const) {
        await wh.withTransaction(async () => {
          const sink = await wh.sink();
          const r = await sen2XmlReader.read(path, sink, { fileId, path, hashKey, today: new Date('2025-03-01') });
          sink.close();
          expect(r.errors).toEqual([]);
        });
      }
      await wh.run(`INSERT INTO la VALUES ('999', 'E99999999', 'Anyshire', 'E12000099', 'Testregion', 9)`);
      const ds = await datasetFromWarehouse(wh, { la: '999' });
      expect(Object.keys(ds.personLevel ?? {})).toEqual(['2024']);
      expect(ds.returnsWithoutPlans?.[2025]?.persons).toBe(5);
      expect(() => checkPersonLevelStock(ds, 2024, {}, [])).toThrow(
        /^Anyshire \(999\): the SEN2 return \(census 2025\) holds 5 persons\b.*, but no plan held at census 2025 \(no person's request has ActivePlans\), so no outputs were written: .* Export the return again with its ActivePlans \(the plans held on the census day\), or remove the file\.$/,
      );
    } finally {
      wh.close();
    }
  });

  it("and a return of many plans with no date after the spring before its census (an earlier year's return relabelled) the same way", async () => {
    // the first 400 persons of the sample's 2024 return with its header changed to census 2025, beside its own 2023
    const cut = (y: number) => readFileSync(`data-samples/sen2_${y}.xml`, 'utf8').split('</Person>', 401).slice(0, 400).join('</Person>') + '</Person>\n </Persons>\n</Message>\n';
    const relabelled = cut(2024).replace('<Year>2024</Year>', '<Year>2025</Year>').replace('<ReferenceDate>2024-01-18</ReferenceDate>', '<ReferenceDate>2025-01-16</ReferenceDate>');
    const read = async (texts: Array<[string, string]>) => {
      const wh = await Warehouse.open(':memory:');
      try {
        const hashKey = await wh.hashKey();
        for (const [i, [name, text]] of texts.entries()) {
          const path = tempFile(name, text);
          await wh.withTransaction(async () => {
            const sink = await wh.sink();
            const r = await sen2XmlReader.read(path, sink, { fileId: i + 1, path, hashKey, today: new Date('2025-03-01') });
            sink.close();
            expect(r.errors).toEqual([]);
          });
        }
        await wh.run(`INSERT INTO la VALUES ('999', 'E99999999', 'Anyshire', 'E12000099', 'Testregion', 9)`);
        return await datasetFromWarehouse(wh, { la: '999' });
      } finally {
        wh.close();
      }
    };
    const stale = await read([['sen2_2023.xml', cut(2023)], ['sen2_2025.xml', relabelled]]);
    expect(stale.staleReturns?.[2025]).toMatchObject({ plans: 321, latest: '2023-11-14' }); // the latest date of those 400 persons in the 2024 return
    expect(stale.staleReturns?.[2023]).toBeUndefined();
    expect(() => checkPersonLevelStock(stale, 2025, {}, [])).toThrow(
      /^Anyshire \(999\): the SEN2 return \(census 2025\) holds \d[\d,]* plans at census 2025, but its latest date \(a plan started or ceased, a request received or decided\) is 2023-11-14: .* most likely the census 2024 return with its header's Year and ReferenceDate changed; no outputs were written\. /,
    );
    // the sample's own 2025 return, cut the same way, is not
    expect((await read([['sen2_2025.xml', cut(2025)]])).staleReturns).toBeUndefined();
  });

  it('is checked before the returns are held to the published totals, the earliest such return first', () => {
    const ds = emptyDataset({ oldCode: '999', newCode: 'E99999999', name: 'Anyshire' });
    ds.personLevel = { 2023: { plans: 2413, file: 'sen2_2023.xml' } };
    const check = () => checkPersonLevelStock(ds, 2023, { 2023: 2413 }, ['caseload.csv']);
    expect(check).not.toThrow();
    ds.returnsWithoutPlans = { 2025: { persons: 10, ceased: 0, file: 'sen2_2025.xml' }, 2024: { persons: 3786, ceased: 3204, file: 'sen2_2024.xml' } };
    expect(check).toThrow(/^Anyshire \(999\): the SEN2 return sen2_2024\.xml holds 3,786 persons and 3,204 plans ceased in the year to it, but no plan held at census 2024 /);
    // one plan ceased: not '1 plans ceased'
    ds.returnsWithoutPlans = { 2024: { persons: 1, ceased: 1, file: 'sen2_2024.xml' } };
    expect(check).toThrow(/^Anyshire \(999\): the SEN2 return sen2_2024\.xml holds 1 person and 1 plan ceased in the year to it, but no plan held at census 2024 /);
  });
});

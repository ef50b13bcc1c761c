/**
 * A run further ahead than the total-plans forecast's ranges were ever scored said nothing of it, where `forecast` of
 * the same data said so (test/pipeline/forecast-unscored.test.ts): Kent on the real 2025 layout from January 2022 gave
 * January 2025's range (23,749–28,437 plans) in both, and only forecast said that no past forecast had been scored
 * three years ahead. run (and goal-seek) now say forecast's note, in its words, naming the LA, for each scenario's own
 * years; a scenario within the years scored says nothing. The sample's published caseload, from January 2022.
 */
import { describe, expect, it } from 'vitest';
import { datasetFromWarehouse } from '../../src/etl/dataset.ts';
import { loadIntoMemory } from '../../src/etl/load.ts';
import { forecastFromEes } from '../../src/pipeline/forecast.ts';
import { runTotals } from '../../src/pipeline/totals.ts';
import { scenarioTotalsNotes } from '../../src/pipeline/totals-notes.ts';
import { tempDir } from '../temp.ts';

const SAMPLE = 'data-samples/sen2_age_caseload.csv';
const unscored = (notes: readonly string[]) => notes.filter((n) => n.startsWith('Forecasts for January'));

describe('run further ahead than the ranges were scored', () => {
  it("says forecast's note of the same LA, in the same words, for each scenario's own years", async () => {
    const load = await loadIntoMemory([SAMPLE]);
    try {
      const ds = await datasetFromWarehouse(load.warehouse, { la: '999' });
      const totals = await runTotals(load.warehouse, ds, 2022, 10, [SAMPLE]);
      expect(totals.scored).toBeGreaterThan(0);
      expect(totals.scored).toBeLessThan(10);
      const forecast = await forecastFromEes({ files: [SAMPLE], las: ['999'], baseYear: 2022, horizon: 10, draws: 1000, seed: 1, cacheDir: tempDir('hn-run-unscored-') });
      const said = unscored(scenarioTotalsNotes(totals, 10, true));
      expect(said).toEqual([expect.stringContaining(`Forecasts for January ${2022 + totals.scored + 1}–2032: the ranges were calibrated on past forecasts scored at most ${totals.scored} year`)]);
      expect(said[0]).toContain("Anyshire's recent growth");
      expect(unscored(forecast.notes)).toEqual(said);
      // a scenario of fewer years names only its own; one within the years scored says nothing
      expect(unscored(scenarioTotalsNotes(totals, totals.scored + 1, true))).toEqual([expect.stringMatching(new RegExp(`^Forecasts for January ${2022 + totals.scored + 1}: `))]);
      expect(unscored(scenarioTotalsNotes(totals, totals.scored, true))).toEqual([]);
      // without draws (goal-seek, run --draws 0) the words are of the central path alone
      expect(unscored(scenarioTotalsNotes(totals, 10, false))[0]).toContain('no past forecast in the files was scored that far ahead');
    } finally {
      load.warehouse.close();
    }
  });
});

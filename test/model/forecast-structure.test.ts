/**
 * The structural path needs known new plans: an LA whose stock has ages but whose files hold no new plans up to the
 * origin (a release's age tables reach further back than its flow tables) is forecast by the pooled trend alone,
 * not by a cohort engine with nothing to set its incidence (on the real files that engine put 1-year MAPE at 5.9%
 * and 80% coverage at 0.66 at origins 2017–2021, the trend 4.2% and 0.82; docs/model.md "Forecast").
 */
import { describe, expect, it } from 'vitest';
import { datasetsFromEesFiles } from '../../src/etl/ees-datasets.ts';
import { centralForecasts } from '../../src/model/forecast/central.ts';
import { writeFixture } from './forecast-fixture.ts';

async function centrals(files: string[]) {
  const ees = await datasetsFromEesFiles(files, { maxCensusYear: 2022 });
  return centralForecasts({ datasets: ees.datasets, national: ees.national, regions: ees.regions }, 2022, 3).forecasts;
}

describe('the structure of a central forecast', () => {
  it('is the cohort engine blended with the trend where ages and new plans are known', async () => {
    const fs = await centrals(writeFixture(2022));
    expect(fs.length).toBeGreaterThan(0);
    for (const f of fs) {
      expect(f.structure, f.ds.la.name).toBe('cohort');
      expect(f.central, f.ds.la.name).not.toEqual(f.trendPath);
    }
  });

  it('is the trend alone where the stock has ages but no new plans are known', async () => {
    const [caseload] = writeFixture(2022);
    const fs = await centrals([caseload!]);
    expect(fs.length).toBeGreaterThan(0);
    for (const f of fs) {
      expect(f.structure, f.ds.la.name).toBe('none');
      expect(f.central, f.ds.la.name).toEqual(f.trendPath);
    }
  });
});

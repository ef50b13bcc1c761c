/**
 * A release's whole data folder, as downloaded: the tables the model reads are read, the others (annual reviews,
 * personal budgets, residential and work-based placements) are skipped with a note instead of stopping the run,
 * and `sen_need_newplans.csv` (the columns of the stock-by-need file, with calendar years) is new plans by need,
 * never added to the stock.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetsFromEesFiles } from '../../src/etl/ees-datasets.ts';
import { loadIntoMemory } from '../../src/etl/load.ts';
import { runCli } from '../cli/helpers.ts';
import { tempDir, TODAY } from './helpers.ts';

const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown';
const LINCS = 'Local authority,E92000001,England,E12000004,East Midlands,E10000019,925,Lincolnshire';
const NEEDS = 'ehc_plans,number_asd,number_semh,number_need_unknown,asd_pc';

function release(): string {
  const dir = tempDir();
  const file = (name: string, lines: string[]): void => writeFileSync(join(dir, name), `\ufeff${lines.join('\r\n')}\r\n`);
  file('caseload.csv', [
    `${LEAD},ehcplans,mainstream_total`,
    ...[2023, 2024, 2025].map((y, i) => `${y - 1}${String(y).slice(2)},Academic year,${LINCS},All EHC plans,All EHC plans,${1000 + 100 * i},${500 + 50 * i}`),
  ]);
  file('sen_needs_all_plans.csv', [`${LEAD},${NEEDS}`, `202425,Academic year,${LINCS},All EHC plans,All EHC plans,1200,600,500,100,50`]);
  file('sen_need_newplans.csv', [`${LEAD},${NEEDS}`, `2024,Calendar year,${LINCS},New EHC plans,New EHC plans,150,90,50,10,60`]);
  file('annual_reviews.csv', [`${LEAD},total_ehc_plans,review_expected,outcome_maintan`, `2024,Calendar year,${LINCS},All EHC plans,All EHC plans,1200,900,700`]);
  file('personal_budgets.csv', [`${LEAD},personal_budget,pb_education`, `202425,Academic year,${LINCS},All EHC plans,All EHC plans,80,40`]);
  file('work_based_placements.csv', [`${LEAD},open_wbp,open_apprentice`, `202425,Academic year,${LINCS},All EHC plans,All EHC plans,12,3`]);
  writeFileSync(join(dir, 'data-guidance.txt'), 'Filename: caseload.csv\n');
  return dir;
}

describe('a full release folder', () => {
  it('forecast reads what the model uses and skips the other tables with a note', async () => {
    const r = await datasetsFromEesFiles([release()], { today: TODAY });
    const lincs = r.datasets.find((d) => d.la.oldCode === '925')!;
    expect(lincs.stockTotal).toEqual({ 2023: 1000, 2024: 1100, 2025: 1200 });
    // the stock by need is the stock file's alone: new plans by need are not added to it
    expect(lincs.stockByNeed[2025]).toMatchObject({ ASD: 600, SEMH: 500 });
    expect(lincs.stockByNeed[2024]).toBeUndefined();
    for (const t of ['annual_reviews', 'personal_budgets', 'work_based_placements']) {
      expect(r.notes.some((n) => n.includes(`${t}.csv`) && /does not use/.test(n)), t).toBe(true);
    }
  });

  it('load stores new plans by need as flows of their calendar year, and lists the unused tables', async () => {
    const load = await loadIntoMemory([release()], { today: TODAY });
    try {
      const stock = await load.warehouse.query<{ n: number }>("SELECT count(*)::INT AS n FROM stock WHERE need <> 'ALL' AND census_year = 2024");
      expect(stock[0]!.n).toBe(0);
      const flows = await load.warehouse.query<{ need: string; flow_year: number; count: number }>(
        "SELECT need, flow_year, count FROM flow WHERE measure = 'new_plans' AND need <> 'ALL' ORDER BY need",
      );
      expect(flows).toEqual(expect.arrayContaining([{ need: 'ASD', flow_year: 2024, count: 90 }]));
      expect(load.loaded.filter((f) => f.reader === 'ees-unused').map((f) => f.path.split('/').pop()).sort()).toEqual([
        'annual_reviews.csv',
        'personal_budgets.csv',
        'work_based_placements.csv',
      ]);
    } finally {
      load.warehouse.close();
    }
  });

  it('still refuses a table the model reads whose measure column is renamed, naming the closest layout', async () => {
    const dir = release();
    writeFileSync(join(dir, 'caseload.csv'), `${LEAD},ehcplanz,mainstream_total,special_total\r\n202425,Academic year,${LINCS},All EHC plans,All EHC plans,1200,600,500\r\n`);
    await expect(datasetsFromEesFiles([dir], { today: TODAY })).rejects.toMatchObject({
      exitCode: 1,
      problems: [{ file: expect.stringContaining('caseload.csv'), line: 1, message: expect.stringMatching(/unknown layout.*ees-2025-caseload \(missing 'ehcplans'\)/) }],
    });
  });

  it('`forecast --ees FOLDER` exits 0 on it', async () => {
    const dir = release();
    const r = await runCli('forecast', '--ees', dir, '--all', '--base-year', '2025', '--draws', '0', '--out', join(dir, 'out.csv'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/annual_reviews\.csv: a published EHC plans table the model does not use/);
  });
});

/**
 * A later release renaming a label the readers depend on: the all-rows total's breakdown_topic ("All EHC plans" as
 * "Total EHC plans"), the age topic, or a time_identifier the model does not know. Each is named, with its rows, its
 * first line and the labels the model expects; none is taken for the old label unasked. Before, a renamed total was
 * 'not used by the model' and every LA stopped on 'no stock of plans'; a renamed age topic lost the ages with the
 * same note as sex or ethnicity; 'Financial year' 2024 was read as the calendar year 2024. Synthetic figures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetsFromEesFiles } from '../../../src/etl/ees-datasets.ts';
import { validatePaths } from '../../../src/etl/validate.ts';
import { tempDir, TODAY } from '../helpers.ts';

const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown';
const LINCS = 'Local authority,E92000001,England,E12000004,East Midlands,E10000019,925,Lincolnshire';

function caseload(rows: string[]): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'caseload.csv'), [`${LEAD},ehcplans,mainstream_la_maintained`, ...rows].join('\r\n') + '\r\n');
  return dir;
}
const row = (period: string, id: string, topic: string, label: string, n: number): string => `${period},${id},${LINCS},${topic},${label},${n},${n}`;
const AGES = (topic: string): string[] => [row('202425', 'Academic year', topic, 'Age 10', 600), row('202425', 'Academic year', topic, 'Age 15', 500)];
const SEX = [row('202425', 'Academic year', 'Sex', 'Boys', 700), row('202425', 'Academic year', 'Sex', 'Girls', 400)];

async function problems(dir: string): Promise<{ errors: Array<{ line?: number; column?: string; message: string }>; warnings: string[] }> {
  const v = await validatePaths([dir], { today: TODAY, setBased: false });
  const f = v.files[0]!;
  return { errors: f.errors, warnings: f.warnings.map((w) => w.message) };
}

describe("a later release's renamed labels", () => {
  it('a renamed all-rows total is an error naming the topic, its rows and the labels expected', async () => {
    const dir = caseload([
      row('202324', 'Academic year', 'Total EHC plans', 'Total EHC plans', 1000),
      row('202425', 'Academic year', 'Total EHC plans', 'Total EHC plans', 1100),
      ...AGES("Child or young persons age"), ...SEX,
    ]);
    const p = await problems(dir);
    expect(p.errors).toHaveLength(1);
    expect(p.errors[0]).toMatchObject({ line: 2, column: 'breakdown_topic' });
    expect(p.errors[0]!.message).toMatch(/no row of this file is its all-rows total/);
    expect(p.errors[0]!.message).toMatch(/'Total EHC plans' \(2 rows from line 2; breakdown 'Total EHC plans'\), 'Sex' \(2 rows from line 6; breakdown 'Boys', 'Girls'\)/);
    expect(p.errors[0]!.message).toMatch(/'All EHC plans'/);
    await expect(datasetsFromEesFiles([dir], { today: TODAY })).rejects.toMatchObject({
      problems: [expect.objectContaining({ column: 'breakdown_topic', message: expect.stringMatching(/'Total EHC plans'/) })],
    });
  });

  it('the same file with its total labelled as published reads, with the unused topic noted', async () => {
    const dir = caseload([row('202425', 'Academic year', 'All EHC plans', 'All EHC plans', 1100), ...AGES('Child or young persons age'), ...SEX]);
    const p = await problems(dir);
    expect(p.errors).toEqual([]);
    expect(p.warnings).toEqual(["2 rows of breakdown 'Sex' are not used by the model and were not stored"]);
  });

  it('a renamed age topic is a warning that the ages were not read, naming the topics expected', async () => {
    const dir = caseload([row('202425', 'Academic year', 'All EHC plans', 'All EHC plans', 1100), ...AGES('Age of child or young person'), ...SEX]);
    const p = await problems(dir);
    expect(p.errors).toEqual([]);
    expect(p.warnings).toEqual([
      expect.stringMatching(/^breakdown_topic 'Age of child or young person' \(2 rows from line 3; breakdown 'Age 10', 'Age 15'\) gives ages but is not a topic the model reads ages from \('child or young persons age'/),
      "2 rows of breakdown 'Sex' are not used by the model and were not stored",
    ]);
    const r = await datasetsFromEesFiles([dir], { today: TODAY });
    expect(r.datasets[0]!.stockTotal[2025]).toBe(1100);
  });

  it("a time_identifier the model does not know is an error naming it, where it was read as a calendar year before", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'requests.csv'), [
      `${LEAD},requests_received_in_year`,
      `2023,Calendar year,${LINCS},All requests for EHC needs assessments,All requests for EHC needs assessments,300`,
      `2024,Financial year,${LINCS},All requests for EHC needs assessments,All requests for EHC needs assessments,320`,
      `2025,Financial year,${LINCS},All requests for EHC needs assessments,All requests for EHC needs assessments,340`,
    ].join('\r\n') + '\r\n');
    const p = await problems(dir);
    expect(p.errors).toEqual([expect.objectContaining({ line: 3, column: 'time_identifier', message: expect.stringMatching(/^2 rows give time_identifier 'Financial year' \(first at line 3\), which the model does not know.*'Academic year' and 'Calendar year'/) })]);
    // the set-based path (load) gives the file to the row reader, which says the same
    const set = await validatePaths([dir], { today: TODAY, setBased: true });
    expect(set.files[0]!.errors.map((e) => e.message)).toEqual(p.errors.map((e) => e.message));
  });
});

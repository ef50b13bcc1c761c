/**
 * A later release's flow file with a measure column renamed (requests.csv's 'requests_decided_to_assess' as
 * 'requests_decided_assess'): the column is not read, and run says so on stderr, with what the model reads it for and
 * what it does without it. Before, 'unknown column … did you mean' was on validate and the Data quality sheet only,
 * and run went on without the LA's requests decided to assess with no word. A renamed column the model does not read
 * says that no figure changes; of two renamed at once each is paired with the column it differs from by fewest words
 * ('requests_decided_not_assess' with 'requests_decided_not_to_assess', not 'requests_decided_to_assess', two letters
 * away but two words). Synthetic figures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePaths } from '../../src/etl/validate.ts';
import { MEASURE_COLUMN_NOT_READ } from '../../src/messages/releases.ts';
import { TODAY } from '../etl/helpers.ts';
import { runCli } from '../cli/helpers.ts';
import { tempDir } from '../temp.ts';

const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown';
const LINCS = 'Local authority,E92000001,England,E12000004,East Midlands,E10000019,925,Lincolnshire';
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];

/** Lincolnshire's plans, new plans and requests, January 2019 to 2025; requests.csv headed by `columns`. */
function release(columns: [string, string, string]): string {
  const dir = tempDir('hn-measure-renamed-');
  const file = (name: string, lines: string[]): void => writeFileSync(join(dir, name), `\ufeff${lines.join('\r\n')}\r\n`);
  file('caseload.csv', [
    `${LEAD},ehcplans,mainstream_la_maintained`,
    ...[...YEARS, 2025].map((y, i) => `${y - 1}${String(y % 100).padStart(2, '0')},Academic year,${LINCS},All EHC plans,All EHC plans,${5000 + 300 * i},${5000 + 300 * i}`),
  ]);
  file('newplans.csv', [`${LEAD},new_ehc_plans`, ...YEARS.map((y, i) => `${y},Calendar year,${LINCS},New EHC plans,New EHC plans,${700 + 20 * i}`)]);
  file('requests.csv', [
    `${LEAD},${columns.join(',')}`,
    ...YEARS.map((y, i) => `${y},Calendar year,${LINCS},All requests for EHC needs assessments,All requests for EHC needs assessments,${1200 + 40 * i},${1000 + 30 * i},${150 + i}`),
  ]);
  writeFileSync(join(dir, 's.yaml'), 'id: t\nname: T\nbase_year: 2025\nhorizon_years: 3\n');
  return dir;
}

const run = (dir: string) => runCli('run', join(dir, 's.yaml'), '--data', dir, '--demand-only', '--draws', '0', '--out', join(tempDir('hn-measure-renamed-out-'), 'out'));

describe("a flow file's measure column renamed", () => {
  it('run says on stderr that it was not read, what the model reads it for and does without it, or that no figure changes', async () => {
    const r = await run(release(['requests_received_in_year', 'requests_decided_assess', 'requests_decided_not_assess']));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /requests\.csv:1 \[requests_decided_assess\]: column not read: 'requests_decided_assess' is not a column of this file's layout and was not read, and the file has no 'requests_decided_to_assess': the model reads 'requests_decided_to_assess' \(decided to assess\): the pipeline from requests to new plans reads it; without two years .* the pipeline is not estimated/,
    );
    expect(r.stderr).toMatch(/column not read: 'requests_decided_not_assess' .* the model does not read 'requests_decided_not_to_assess', so no figure changes/);
  });

  it('the file as published says nothing of the kind', async () => {
    const { files } = await validatePaths([release(['requests_received_in_year', 'requests_decided_to_assess', 'requests_decided_not_to_assess'])], { today: TODAY });
    for (const f of files) expect(f.warnings.filter((w) => w.message.startsWith(MEASURE_COLUMN_NOT_READ)), f.path).toEqual([]);
  });
});

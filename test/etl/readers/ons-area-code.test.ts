/**
 * A population row with no area code cannot be matched to any LA: a mid-year estimate or a projection whose Code cell
 * was blank loaded with exit 0 (its figures stored under the code '', the LA's population left out of the run with
 * only a note that the files hold no rows for it). It is an error at its line now.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePaths } from '../../../src/etl/validate.ts';
import { tempDir, TODAY } from '../helpers.ts';

const ages = (n: number) => Array.from({ length: n }, (_, a) => a);

describe('a population row with no area code', () => {
  it('is an error at its line in a mid-year estimate', async () => {
    const dir = tempDir();
    const row = (code: string) => `${code},Anyshire,County,1000,${ages(91).map(() => 10).join(',')}`;
    writeFileSync(join(dir, 'ons_mye_2021.csv'), `Code,Name,Geography,All ages,${ages(90).join(',')},90+\n${row('E99999998')}\n${row('')}\n`);
    const [f] = (await validatePaths([dir], { today: TODAY })).files;
    expect(f!.errors).toEqual([{ line: 3, column: 'code', message: expect.stringMatching(/has no area code, so its population cannot be matched to an LA/) }]);
  });

  it('is an error at its line in a projection', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'snpp.csv'), 'AREA_CODE,AREA_NAME,COMPONENT,SEX,AGE_GROUP,2025\nE99999999,Anyshire,Population,persons,0,3806.3\n ,Anyshire,Population,persons,1,3875.8\n');
    const [f] = (await validatePaths([dir], { today: TODAY })).files;
    expect(f!.errors).toEqual([{ line: 3, column: 'area_code', message: expect.stringMatching(/has no area code, so its population cannot be matched to an LA/) }]);
  });
});

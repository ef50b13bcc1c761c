/**
 * ONS mid-year estimates come as a Persons, a Males and a Females table of one layout (MYE2), none with a sex column:
 * the Males table saved on its own as ons_mye_2021_males.csv was read as persons with no word (half the children, new
 * plans per head doubled). A file whose name says one sex is now an error saying so; a name with both, or neither, is
 * read as before.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sexOfFileName } from '../../../src/etl/readers/ons-mye.ts';
import { validatePaths } from '../../../src/etl/validate.ts';
import { tempDir, TODAY } from '../helpers.ts';

/** A table of `n` at each age (files of other figures: one with the same bytes as another is skipped, as load skips it). */
const MYE = (n: number): string => `Code,Name,Geography,All ages,${Array.from({ length: 90 }, (_, a) => a).join(',')},90+\nE99999999,Anyshire,County,${91 * n},${Array.from({ length: 91 }, () => n).join(',')}\n`;

describe('an ONS mid-year estimate of one sex', () => {
  it('is refused when its file name says males or females', async () => {
    const dir = tempDir();
    for (const [i, name] of ['ons_mye_2021_males.csv', 'MYE2-Females-2021.csv', 'ons_mye_2021.csv', 'mye_2021_males_and_females.csv'].entries()) writeFileSync(join(dir, name), MYE(10 + i));
    const files = (await validatePaths([dir], { today: TODAY })).files;
    const errs = (n: string) => files.find((f) => f.path.endsWith(n))!.errors.map((e) => e.message);
    expect(errs('ons_mye_2021_males.csv')).toEqual([expect.stringMatching(/^the file name ons_mye_2021_males\.csv says it holds males only, and the mid-year estimate layout has no sex column/)]);
    expect(errs('MYE2-Females-2021.csv')).toEqual([expect.stringMatching(/says it holds females only/)]);
    expect(errs('ons_mye_2021.csv')).toEqual([]);
    expect(errs('mye_2021_males_and_females.csv')).toEqual([]);
    expect(sexOfFileName('Population boys 2020.csv')).toBe('males');
    expect(sexOfFileName('ONS2020_PopnByAgeYearEstimate.csv')).toBeUndefined();
  });
});

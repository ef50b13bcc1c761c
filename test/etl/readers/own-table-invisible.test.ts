/**
 * A zero-width character (pasted from a web page, an email or Word with the text) in a cell of an own table: the cell
 * is read as the text it shows. Before, 'SEN support services\u200b' beside 'SEN support services' for one year was two
 * lines of other spend, both counted (£3.15m twice, exit 0), where the same line twice is an error; and a placement
 * 'MS\u200b' was refused as "Got: 'MS' (did you mean 'MS'?)".
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePaths } from '../../../src/etl/validate.ts';
import { tempDir, TODAY } from '../helpers.ts';

async function validate(name: string, text: string) {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  const [f] = (await validatePaths([path], { today: TODAY })).files;
  return f!;
}

describe('an invisible character in a cell of an own table', () => {
  it('does not make a line of other spend another line', async () => {
    const f = await validate('other_spend.csv', 'line,financial_year,amount_gbp\nSEN support services,2025-26,3150000\nSEN support services\u200b,2025-26,3150000\n');
    expect(f.errors).toEqual([{ line: 3, column: 'line', message: expect.stringMatching(/line 'SEN support services', financial year 2025-26 is given twice: here and on line 2/) }]);
  });

  it('does not make a placement, a year or a figure unreadable', async () => {
    const f = await validate('unit_costs.csv', 'placement,annual_cost_gbp,price_year\nMS\u200b,8700,2024-25\n\u2060ISS,64\u200b000,2024\u200b-25\n');
    expect(f).toMatchObject({ rows: 2, errors: [] });
  });
});

/**
 * Money is not suppressed (docs/outputs.md), so a placement's money divided by its unit cost gives back a count the
 * tables show as [c] (Isles of Scilly on the real 2022 release at 10: £52.7k of FE top-ups in 2027-28 at £7,649 a plan
 * is 6.9 plans, the FE plans reading [c]). The rule stays; the docs say so plainly, so a council knows before it
 * publishes. This checks both: the workbook keeps every money cell while a count beside it reads [c], and the docs'
 * section on suppression gives the warning.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUPPRESSED, suppressWorkbook } from '../../src/report/suppress.ts';
import { buildWorkbookModel } from '../../src/report/workbook/build-workbook.ts';
import { buildRunReport } from './fixtures/run-report.ts';

describe('money beside a suppressed count', () => {
  it('the workbook keeps money where the counts read [c]', () => {
    const model = buildWorkbookModel(buildRunReport({ horizon: 3 }));
    const out = suppressWorkbook(model, 1000);
    let counts = 0;
    let money = 0;
    model.sheets.forEach((s, i) =>
      s.tables.forEach((t, j) =>
        t.rows.forEach((row, k) =>
          row.forEach((c, m) => {
            const kind = t.columns[m]!.kind;
            const after = out.sheets[i]!.tables[j]!.rows[k]![m];
            if (kind === 'money' && typeof c === 'number') {
              expect(after, `${s.name} ${t.columns[m]!.header}`).toBe(c);
              money++;
            }
            if (kind === 'count' && after === SUPPRESSED) counts++;
          }),
        ),
      ),
    );
    expect(counts).toBeGreaterThan(0);
    expect(money).toBeGreaterThan(0);
  });

  it('docs/outputs.md warns that money by placement can give a suppressed count back', () => {
    const docs = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'outputs.md'), 'utf8');
    const section = docs.slice(docs.indexOf('## Small-count suppression for publication'));
    expect(section).toContain('money by placement can give a suppressed count back');
    expect(section).toMatch(/divided by its unit cost/);
  });
});

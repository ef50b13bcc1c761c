/**
 * Other spend in £ thousands (the sample's spend £61.3m against £69.3m) and SSM's places ×10 (+£38m of place funding)
 * change the balance by tens of millions: named on stderr first, with what they do to the spend, and beside the
 * report's budget table (docs/budget.md sections 4, 5 and 12), where they were on the Caveats page only.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copySampleTables, runCli } from './helpers.ts';
import { withTempDir } from '../temp.ts';

/** Rewrites a CSV of `data`, each data row through `edit` (its cells). */
function editRows(file: string, edit: (cells: string[]) => string[]): void {
  const [head, ...rows] = readFileSync(file, 'utf8').trim().split('\n');
  writeFileSync(file, [head, ...rows.map((r) => edit(r.split(',')).join(','))].join('\n') + '\n');
}

describe('other spend in £ thousands and places ×10', () => {
  it('are named on stderr with what they do to spend, and in the box beside the report\'s budget table', async () => {
    await withTempDir(async (d) => {
      const data = join(d, 'data');
      copySampleTables(data);
      editRows(join(data, 'other_spend.csv'), (c) => [c[0]!, c[1]!, String(Number(c[2]) / 1000)]);
      editRows(join(data, 'places.csv'), (c) => (c[0] === 'SSM' ? [c[0], c[1]!, String(Number(c[2]) * 10), c[3]!] : c));
      const out = join(d, 'out');
      const r = await runCli('run', '--data', data, '--out', out, '--draws', '0');
      expect(r.code, r.stderr).toBe(0);
      const listed = r.stderr.split('\n').filter((l) => l.startsWith('  - '));
      const other = listed.find((l) => l.startsWith('  - Other spend '))!;
      const places = listed.find((l) => l.startsWith('  - Places: '))!;
      // before: 'probably in £ thousands. Write amount_gbp …' and '(£42,800,000 of place funding)', nothing of what they do to spend
      expect(other).toMatch(/so the table is probably in £ thousands \(read as such, £[\d,]+ that year\), and every year's spend and balance are short by about as much/);
      expect(places).toMatch(/SSM 4,280 places in [\d-]+ against [\d,]+ plans \(£42,800,000 of place funding, against £[\d,]+ for as many places as plans\)/);
      const html = readFileSync(join(out, readdirSync(out).find((f) => f.startsWith('recovery-plan') && f.endsWith('.html'))!), 'utf8');
      const paths = html.slice(html.indexOf('<section class="chapter" id="paths">'));
      const table = paths.indexOf('Budget by financial year');
      const box = paths.indexOf('class="warn"');
      expect(box).toBeGreaterThan(0);
      expect(paths.indexOf('Other spend ')).toBeGreaterThan(box);
      expect(paths.indexOf('Other spend ')).toBeLessThan(table);
      expect(paths.indexOf('Places: the places table is far')).toBeLessThan(table);
    });
  });
});

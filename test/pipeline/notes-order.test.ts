/**
 * The notes a run says on stderr are listed suspect ones first (pipeline/notes.ts): `run` lists the first 8, and the
 * budget's notes came last, so a note that a money table is probably in £ thousands sat behind '… and N more' while
 * notes on years taken back were listed. goal-seek said none of the budget's notes: a target met on money tables in
 * the wrong units was a confident answer with no word.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RunNotes, suspectFirst } from '../../src/pipeline/notes.ts';
import { copySampleTables, runCli } from '../cli/helpers.ts';
import { withTempDir } from '../temp.ts';

/** The sample's tables with other spend and usable reserves in £ thousands and SSM's 428 places typed as 4. */
function slippedTables(data: string): void {
  copySampleTables(data);
  const thousands = (file: string, column: number) => {
    const [head, ...rows] = readFileSync(join(data, file), 'utf8').trim().split('\n');
    const cut = rows.map((l) => l.split(',').map((v, i) => (i === column ? String(Math.round(Number(v) / 1000)) : v)).join(','));
    writeFileSync(join(data, file), [head, ...cut].join('\n') + '\n');
  };
  thousands('other_spend.csv', 2);
  thousands('reserves.csv', 1);
  writeFileSync(join(data, 'places.csv'), readFileSync(join(data, 'places.csv'), 'utf8').replace(/^SSM,(\d{4}-\d{2}),428,/gm, 'SSM,$1,4,'));
}

const THOUSANDS = /^Other spend 2025-26: .*probably in £ thousands/;
const RESERVES = /^Reserves .*probably in £ thousands/;
const PLACES = /^Places: .*SSM 4 places/;
const TAKEN_BACK = /^(Place funding|Other spend): the .* table has no row of its own for some years of the run/;

describe('notes that a figure is probably wrong come first', () => {
  it('RunNotes: suspect notes first in the order added, each note once, a note made suspect by any source', () => {
    const n = new RunNotes();
    n.add('caveat', ['pooled ages', 'population held flat', 'shared']);
    n.add('suspect', ['reserves in £k', 'shared']);
    n.add('caveat', ['pooled ages', 'taken back']);
    n.add('suspect', ['places a digit short']);
    expect(n.ordered()).toEqual(['shared', 'reserves in £k', 'places a digit short', 'pooled ages', 'population held flat', 'taken back']);
    expect(n.isSuspect('shared')).toBe(true);
    expect(n.isSuspect('pooled ages')).toBe(false);
    expect(suspectFirst([1, 2, 3, 4, 5], (x) => x % 2 === 0)).toEqual([2, 4, 1, 3, 5]);
  });

  it('run: every note that a money figure is probably wrong is listed before the cut and before the notes on years taken back; none dropped; the Data quality sheet in the same order', async () => {
    await withTempDir(async (d) => {
      const data = join(d, 'data');
      slippedTables(data);
      const out = join(d, 'out');
      const r = await runCli('run', '--data', data, '--out', out, '--draws', '0', '--csv');
      expect(r.code, r.stderr).toBe(0);
      const total = Number(/^(\d+) notes? changes? what these figures mean/m.exec(r.stderr)?.[1]);
      const listed = r.stderr.split('\n').filter((l) => l.startsWith('  - ')).map((l) => l.slice(4));
      const more = Number(/… and (\d+) more/.exec(r.stderr)?.[1] ?? 0);
      // before: 9 notes, the reserves note behind '… and 1 more', the places and £k notes after the years taken back
      expect(total).toBeGreaterThan(8);
      expect(listed.length + more).toBe(total);
      const at = (re: RegExp) => listed.findIndex((l) => re.test(l));
      for (const re of [THOUSANDS, RESERVES, PLACES]) {
        expect(at(re), `${re} listed`).toBeGreaterThanOrEqual(0);
        expect(at(re)).toBeLessThan(at(TAKEN_BACK));
      }
      // the sheet keeps every note, in the same order: the notes of a figure probably wrong at its top
      const csvDir = join(out, 'csv');
      const sheet = readFileSync(join(csvDir, readdirSync(csvDir).find((f) => f.startsWith('data_quality_notes'))!), 'utf8').split('\n').slice(1);
      const row = (re: RegExp) => sheet.findIndex((l) => re.test(l.replace(/^\w+,"?/, '')));
      for (const re of [THOUSANDS, RESERVES, PLACES]) {
        expect(row(re), `${re} on the sheet`).toBeGreaterThanOrEqual(0);
        expect(row(re)).toBeLessThan(row(TAKEN_BACK));
        expect(row(re)).toBeLessThan(4); // with the unit costs' price year, the sheet's first four rows
      }
    });
  }, 120_000);

  it("goal-seek says the budget's notes as run does, those of a figure probably wrong first; its JSON keeps its fields", async () => {
    await withTempDir(async (d) => {
      const data = join(d, 'data');
      slippedTables(data);
      const r = await runCli('goal-seek', 'scenarios/baseline.yaml', '--data', data, '--lever', 'new_plans', '--target', 'in-year-balance=-20000000@2028-29', '--draws', '0', '--out', join(d, 'goal.yaml'), '--json');
      expect(r.code, r.stderr).toBe(0);
      // before: none of these four was said, the answer given with no word of the tables' units
      const said = r.stderr.split('\n').filter((l) => l.startsWith('warning: ')).map((l) => l.slice(9));
      const at = (re: RegExp) => said.findIndex((l) => re.test(l));
      for (const re of [THOUSANDS, RESERVES, PLACES, TAKEN_BACK]) expect(at(re), `${re} said`).toBeGreaterThanOrEqual(0);
      for (const re of [THOUSANDS, RESERVES, PLACES]) expect(at(re)).toBeLessThan(at(TAKEN_BACK));
      expect(Object.keys(JSON.parse(r.stdout))).toEqual(['lever', 'effect', 'target', 'achieved_gbp', 'scenario_file', 'probability_met', 'draws', 'range_gbp', 'plans_avoided']);
    });
  }, 120_000);
});

/**
 * A forecast of chosen LAs on two releases, the later revising their figures: the note of the whole batch lists five
 * revisions and '… and N more', so Kent's own (its January 2022 plans, 17,733 in the real 2025 layout, 18,088 in a
 * release to January 2026, which its forecast starts from) was among the 5 more of England's and the regions' with no
 * word of it. The LAs asked for now have their own revisions said, as run says its LA's; --all prints the batch's note.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backtestFromEes, forecastFromEes } from '../../src/pipeline/forecast.ts';
import { tempDir } from '../temp.ts';

const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehcplans';
const LAS = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Zedshire'].map((name, i) => ({ name, old: String(801 + i), code: `E0600009${i}` }));

/** One release of a caseload.csv: each LA's plans from `first` to `last`, its January 2022 scaled by `revise`. */
function release(dir: string, name: string, first: number, last: number, revise: number): string {
  const lines = [LEAD];
  for (let y = first; y <= last; y++)
    for (const [i, la] of LAS.entries()) {
      const n = Math.round((1000 + 100 * i) * 1.08 ** (y - 2018) * (y === 2022 ? revise : 1));
      lines.push(`${y - 1}${String(y % 100).padStart(2, '0')},Academic year,Local authority,E92000001,England,E12000008,South East,${la.code},${la.old},${la.name},All EHC plans,All EHC plans,${n}`);
    }
  const file = join(dir, name);
  writeFileSync(file, lines.join('\r\n') + '\r\n');
  return file;
}

describe('a forecast of chosen LAs on two releases that revise their figures', () => {
  it("names each chosen LA's own revision, which the batch's note leaves among '… and N more'", async () => {
    const dir = tempDir('hn-own-revision-');
    // a release to January 2025 and the next, to January 2026, which revises every LA's January 2022
    const files = [release(tempDir('hn-own-revision-a-'), 'caseload.csv', 2018, 2025, 1), release(dir, 'caseload.csv', 2018, 2026, 1.05)];
    const cacheDir = tempDir('hn-own-revision-cache-');
    const r = await forecastFromEes({ files, las: ['807'], baseYear: 2022, horizon: 1, draws: 0, seed: 1, cacheDir });
    expect(r.rows.map((row) => row.la_name)).toEqual(['Zedshire']);
    const batch = r.notes.find((n) => n.startsWith('7 figure(s) of EHC plans at census'));
    expect(batch).toMatch(/, and 2 more\./);
    expect(batch).not.toMatch(/Zedshire/);
    expect(r.notes).toContainEqual(expect.stringMatching(/^1 figure\(s\) of EHC plans at census differ between releases \(a later release revises them\): Zedshire 2022: ees-2026 gives 2286, ees-2025 gives 2177\./));
    // backtest of the LA says it too; a forecast of every LA gives the batch's note alone
    const bt = await backtestFromEes({ files, las: ['807'], origins: [2020], horizon: 1, cacheDir });
    // (after the note that these files hold no England rows, so the trend is pooled towards the shipped series)
    expect(bt.warnings).toContainEqual(expect.stringMatching(/^1 figure\(s\) of EHC plans at census differ .*: Zedshire 2022/));
    const all = await forecastFromEes({ files, all: true, baseYear: 2022, horizon: 1, draws: 0, seed: 1, cacheDir });
    expect(all.notes.filter((n) => /^1 figure\(s\)/.test(n))).toEqual([]);
  });
});

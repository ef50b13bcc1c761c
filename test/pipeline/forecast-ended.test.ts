/**
 * A forecast that projects a council a reorganisation ended past its end (Cumbria, from January 2024) says so in its
 * own notes (stderr and --json), as run does: those years are the former council's area, not its successors'.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forecastFromEes } from '../../src/pipeline/forecast.ts';
import { tempDir } from '../temp.ts';

const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehcplans';
const row = (y: number, code: string, old: string, name: string, n: number) =>
  `${y - 1}${String(y).slice(2)},Academic year,Local authority,E92000001,England,E12000002,North West,${code},${old},${name},All EHC plans,All EHC plans,${Math.round(n)}`;

describe('forecast of a council a reorganisation ended', () => {
  it('notes that a council a reorganisation ended is projected past its end (Cumbria from January 2023)', async () => {
    const dir = tempDir('hn-ended-');
    const lines = [LEAD];
    for (let y = 2017; y <= 2023; y++) {
      const g = Math.pow(1.1, y - 2017);
      lines.push(row(y, 'E10000006', '909', 'Cumbria', 3000 * g), row(y, 'E08000012', '341', 'Liverpool', 2500 * g), row(y, 'E06000049', '895', 'Cheshire East', 2800 * Math.pow(1.08, y - 2017)));
    }
    writeFileSync(join(dir, 'caseload.csv'), `\ufeff${lines.join('\r\n')}\r\n`);
    const r = await forecastFromEes({ files: [dir], all: true, baseYear: 2023, horizon: 2, draws: 20, seed: 1 });
    expect(r.rows.filter((x) => x.old_la_code === '909').map((x) => x.census_year)).toEqual([2024, 2025]);
    expect(r.notes.join('\n')).toMatch(/Cumbria \(909\) ceased to exist at January 2024/);
    // a forecast that stops before the end says nothing
    const short = await forecastFromEes({ files: [dir], all: true, baseYear: 2022, horizon: 1, draws: 20, seed: 1 });
    expect(short.notes.join('\n')).not.toMatch(/ceased to exist/);
  });
});

describe('forecast --la of a council that began after the base year', () => {
  it('lists it as skipped with the reason (its first figures are later), not as a code absent from the files', async () => {
    const dir = tempDir('hn-later-');
    const lines = [LEAD];
    for (let y = 2017; y <= 2025; y++) {
      const g = Math.pow(1.1, y - 2017);
      if (y < 2024) lines.push(row(y, 'E10000006', '909', 'Cumbria', 3000 * g));
      else lines.push(row(y, 'E06000063', '942', 'Cumberland', 1650 * g), row(y, 'E06000064', '943', 'Westmorland and Furness', 1350 * g));
      lines.push(row(y, 'E08000012', '341', 'Liverpool', 2500 * g), row(y, 'E06000049', '895', 'Cheshire East', 2800 * Math.pow(1.08, y - 2017)));
    }
    writeFileSync(join(dir, 'caseload.csv'), `\ufeff${lines.join('\r\n')}\r\n`);
    const r = await forecastFromEes({ files: [dir], las: ['942', '341'], baseYear: 2022, horizon: 2, draws: 20, seed: 1 });
    expect(new Set(r.rows.map((x) => x.old_la_code))).toEqual(new Set(['341']));
    expect(r.skipped).toEqual([{ old_la_code: '942', new_la_code: 'E06000063', la_name: 'Cumberland', reason: expect.stringMatching(/no figures known by January 2022: its first are of January 2024/) }]);
    // with --all it is not there at all, as without the later rows
    const all = await forecastFromEes({ files: [dir], all: true, baseYear: 2022, horizon: 2, draws: 20, seed: 1 });
    expect(all.skipped.map((s) => s.old_la_code)).not.toContain('942');
  });
});

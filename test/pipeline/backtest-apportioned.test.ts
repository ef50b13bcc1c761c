/**
 * A backtest over a reorganisation (Cumbria into Cumberland and Westmorland and Furness from January 2024): the
 * successors' history before 2024 is their share of Cumbria's plans (model/reorganise.ts), so scoring it beside
 * Cumbria's own would count one figure three times. The successors are forecast only from origins from 2024
 * (forecast/select.ts), Cumbria only up to its last January, and the backtest says so and how many series it scored;
 * before, stdout said '3 series' and nothing of what was left out. Synthetic figures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backtestFromEes } from '../../src/pipeline/forecast.ts';
import { backtestPoints } from '../../src/model/backtest/backtest.ts';
import { datasetsFromEesFiles } from '../../src/etl/ees-datasets.ts';
import { tempDir } from '../temp.ts';
import { nothingToBacktest } from '../../src/messages/cli.ts';

const LEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehcplans';
const NW = 'Local authority,E92000001,England,E12000002,North West';
const row = (y: number, la: string, n: number): string => `${y - 1}${String(y % 100).padStart(2, '0')},Academic year,${NW},${la},All EHC plans,All EHC plans,${Math.round(n)}`;

/** Cumbria 2016-2023 growing 8% a year, then Cumberland 55% and Westmorland and Furness 45% of it, 2024-2026; Lancashire throughout. */
function release(): string {
  const dir = tempDir('hn-bt-apportioned-');
  const lines = [LEAD];
  for (let y = 2016; y <= 2026; y++) {
    const cumbria = 2000 * 1.08 ** (y - 2016);
    lines.push(row(y, 'E10000017,888,Lancashire', 6000 * 1.07 ** (y - 2016)));
    if (y < 2024) lines.push(row(y, 'E10000006,909,Cumbria', cumbria));
    else lines.push(row(y, 'E06000063,942,Cumberland', 0.55 * cumbria), row(y, 'E06000064,943,Westmorland and Furness', 0.45 * cumbria));
  }
  writeFileSync(join(dir, 'caseload.csv'), lines.join('\r\n') + '\r\n');
  return dir;
}

describe('a backtest over a reorganisation', () => {
  it('scores the successors from their first January only and says so with the series scored', async () => {
    const dir = release();
    const origins = [2020, 2021, 2022, 2023, 2024];
    const ees = await datasetsFromEesFiles([dir], { today: new Date('2027-03-01T00:00:00Z') });
    const bp = backtestPoints({ datasets: ees.datasets, national: ees.national, regions: ees.regions }, { origins, horizon: 2 });
    const scored = (la: string) => bp.points.filter((p) => p.method === 'model' && p.la === la).map((p) => p.origin + p.h);
    expect(scored('909').every((y) => y <= 2023)).toBe(true);
    for (const la of ['942', '943']) expect([...new Set(scored(la))].sort()).toEqual([2025, 2026]);
    const r = await backtestFromEes({ files: [dir], all: true, origins, horizon: 2, cacheDir: tempDir('hn-bt-apportioned-cache-') });
    expect(r.result.n_series).toBe(4);
    expect(r.notScored).toBe(
      "4 series scored; apportioned histories are not scored twice: Cumberland (942) and Westmorland and Furness (943) are scored from origin January 2024 only: before it their history is their shares of Cumbria (909)'s plans, scored once as that LA's",
    );
    // origins from the reorganisation on: nothing to say
    const later = await backtestFromEes({ files: [dir], all: true, origins: [2024], horizon: 2, cacheDir: tempDir('hn-bt-apportioned-cache-') });
    expect(later.notScored).toBeUndefined();
  });
});

describe('a backtest whose every origin is before a reorganisation', () => {
  it('says the successors are not scored, not that they are scored from their first January', async () => {
    // origins 2020–2022, all before Cumberland's and Westmorland and Furness's first January (2024): the note said
    // they 'are scored from origin January 2024 only', and nothing of theirs was scored
    const r = await backtestFromEes({ files: [release()], all: true, origins: [2020, 2021, 2022], horizon: 1, cacheDir: tempDir('hn-bt-apportioned-cache-') });
    expect(r.result.n_series).toBe(2);
    expect(r.notScored).toBe(
      "2 series scored; apportioned histories are not scored twice: Cumberland (942) and Westmorland and Furness (943) are not scored: they are forecast only from origin January 2024, their first January, and none of this backtest's origins (2020, 2021, 2022) is from then with an outcome in the files; before it their history is their shares of Cumbria (909)'s plans, scored once as that LA's; to score them, give --origins from 2024 with an outcome in the files",
    );
  });
});

describe('a backtest of successors alone with nothing to score', () => {
  it('gives origins from their first January, which score when followed', async () => {
    // Cumberland's series holds 2016–2026 (Cumbria's share before 2024): the advice was 'choose --origins from 2017 to
    // 2024', and following it gave the same refusal
    const dir = release();
    const cacheDir = tempDir('hn-bt-apportioned-cache-');
    const r = await backtestFromEes({ files: [dir], las: ['942', '943'], origins: [2020, 2021], horizon: 2, cacheDir });
    expect(r.result.n_series).toBe(0);
    expect(r.span).toEqual({ first: 2016, last: 2026, firstOrigin: 2024, successors: ['Cumberland (942)', 'Westmorland and Furness (943)'] });
    const advice = nothingToBacktest([2020, 2021], 2, r.span);
    expect(advice).toMatch(/Januaries 2016–2026 \(Cumberland \(942\) and Westmorland and Furness \(943\): forecast only from January 2024, their first January/);
    expect(advice).toMatch(/choose --origins 2024$/);
    const followed = await backtestFromEes({ files: [dir], las: ['942', '943'], origins: [2024], horizon: 2, cacheDir });
    expect(followed.result.n_series).toBe(2);
  });
});

describe('a backtest of the successors without their predecessor', () => {
  it('does not say the predecessor is scored in it', async () => {
    // Cumberland and Westmorland and Furness asked for alone: 'scored once as that LA's' of Cumbria, which this
    // backtest does not score at all
    const r = await backtestFromEes({ files: [release()], las: ['942', '943'], origins: [2022, 2023, 2024], horizon: 1, cacheDir: tempDir('hn-bt-apportioned-cache-') });
    expect(r.result.n_series).toBe(2);
    expect(r.notScored).toMatch(/their shares of Cumbria \(909\)'s plans, scored only in a backtest of that LA \(--la 909\), not in this one$/);
    // with Cumbria asked for too, it is scored here, once
    const all = await backtestFromEes({ files: [release()], las: ['942', '943', '909'], origins: [2022, 2023, 2024], horizon: 1, cacheDir: tempDir('hn-bt-apportioned-cache-') });
    expect(all.notScored).toMatch(/Cumbria \(909\)'s plans, scored once as that LA's$/);
  });
});

describe('a backtest whose every origin is at or after the predecessor ended', () => {
  it('does not say the predecessor is scored in it', async () => {
    // origins 2023 and 2024 with Cumbria's last January 2023: Cumbria has no outcome at either, so it is scored nowhere
    // here, and the note said Cumberland's and Westmorland and Furness's history was 'scored once as that LA's'
    // (Northamptonshire, to January 2021, at the default origins 2021–2023 of a release to January 2026)
    const r = await backtestFromEes({ files: [release()], all: true, origins: [2023, 2024], horizon: 1, cacheDir: tempDir('hn-bt-apportioned-cache-') });
    expect(r.result.n_series).toBe(3);
    expect(r.notScored).toBe(
      "3 series scored; apportioned histories are not scored twice: Cumberland (942) and Westmorland and Furness (943) are scored from origin January 2024 only: before it their history is their shares of Cumbria (909)'s plans, not scored in this backtest either: its last January is 2023, and none of this backtest's origins (2023, 2024) is before it (--origins before 2023 score it)",
    );
  });
});

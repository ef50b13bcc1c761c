import { describe, expect, it } from 'vitest';
import { bridgeSpikes } from '../../src/model/estimate/outliers.ts';
import { cleanSeries } from '../../src/model/forecast/central.ts';
import { emptyDataset } from '../../src/model/dataset.ts';
import { skipReason } from '../../src/model/forecast/select.ts';

/** England's plans to January 2022 (the shipped reference ends there), growing 10% a year. */
const england: Record<number, number> = { 2016: 287290, 2017: 319819, 2018: 353995, 2019: 390109, 2020: 430697, 2021: 473255, 2022: 520581 };

/** Anyshire's plans (the sample's published tables to 2022, its SEN2 returns after), with `edit` applied. */
function anyshire(edit: Record<number, number> = {}): Record<number, number> {
  return { 2018: 1273, 2019: 1510, 2020: 1743, 2021: 1940, 2022: 2164, 2023: 2413, 2024: 2703, 2025: 3007, ...edit };
}

function cleaned(stock: Record<number, number>) {
  const ds = emptyDataset({ oldCode: '999', newCode: 'E99999999', name: 'Anyshire' });
  ds.stockTotal = stock;
  return cleanSeries(ds, england, 2025, 5);
}

describe('a January far out of line with both its neighbours (a spike)', () => {
  it('is read as its neighbours’ geometric mean, with a note naming the LA, the January, the figure and what was read', () => {
    for (const factor of [2, 0.5]) {
      const { ds, notes } = cleaned(anyshire({ 2022: Math.round(2164 * factor) }));
      // Before, January 2022 doubled was a step up (+123% against England's 10%) and the fall out of it into January
      // 2023 (past the reference, so no England growth to judge it by) was read as growth: −58% a year.
      expect(Math.log(ds.stockTotal[2023]! / ds.stockTotal[2022]!)).toBeCloseTo(Math.log(2413 / Math.sqrt(1940 * 2413)), 6);
      expect(ds.stockTotal[2022]).toBeCloseTo(Math.sqrt(1940 * 2413), 6);
      expect(ds.stockTotal[2025]).toBe(3007);
      const note = notes.find((n) => n.includes('January 2022'));
      expect(note).toContain('Anyshire');
      expect(note).toContain(`published as ${Math.round(2164 * factor).toLocaleString('en-GB')}`);
      expect(note).toContain('the trend reads 2,164');
      expect(notes.some((n) => n.includes('step in the level'))).toBe(false);
    }
  });

  it('leaves the unedited series as published', () => {
    const { ds, notes } = cleaned(anyshire());
    expect(ds.stockTotal).toEqual(anyshire());
    expect(notes).toEqual([]);
  });

  it('keeps two falls in a row as steps (City of London into January 2011 and 2012), and the last January as published', () => {
    expect(bridgeSpikes({ 2009: 300, 2010: 310, 2011: 236, 2012: 182, 2013: 185 }).spikes).toEqual([]);
    expect(bridgeSpikes({ 2020: 1000, 2021: 1100, 2022: 2200 }).spikes).toEqual([]);
  });

  it("keeps a small LA's chance swings (within three Poisson deviations) and a year between neighbours that disagree", () => {
    // the Isles of Scilly's 6, 10, 7 plans: ×1.6 up and back, but chance at these counts
    expect(bridgeSpikes({ 2013: 6, 2014: 10, 2015: 7 }).spikes).toEqual([]);
    // 1,000 → 2,100 → 1,700: the year after does not come back near the year before; a step, not a spike
    expect(bridgeSpikes({ 2019: 1000, 2020: 2100, 2021: 1700 }).spikes).toEqual([]);
    expect(bridgeSpikes({ 2019: 1000, 2020: 2100, 2021: 1100 }).spikes.map((s) => s.year)).toEqual([2020]);
  });
});

describe('two Januaries in a row out of line both ways (two wrong years, then back)', () => {
  it('are read as the growth between the Januaries either side spread evenly, with a note naming both', () => {
    // Before, January 2021 and 2022 doubled were a step up (+123%) and the fall into January 2023 (past the
    // reference) growth: the sample's run gave 3,770 plans in January 2035 against 9,123 (now 9,117).
    const { ds, notes } = cleaned(anyshire({ 2021: 3880, 2022: 4328 }));
    const g = (2413 / 1743) ** (1 / 3);
    expect(ds.stockTotal[2021]).toBeCloseTo(1743 * g, 6);
    expect(ds.stockTotal[2022]).toBeCloseTo(1743 * g * g, 6);
    const note = notes.find((n) => n.includes('January 2021 and 2022'));
    expect(note).toContain('published as 3,880 and 4,328');
    expect(note).toContain('1,743 in 2020, 2,413 in 2023');
    expect(notes.some((n) => n.includes('step in the level'))).toBe(false);
    // halved too; Kent's January 2019 and 2020 halved: 2020's 6,750 is within ×1.5 of 2018's 9,862, but half what
    // the growth from 2018 to 2021 gives it
    expect(bridgeSpikes(anyshire({ 2020: 870, 2021: 970 })).spikes.map((s) => s.year)).toEqual([2020, 2021]);
    expect(bridgeSpikes({ 2017: 8199, 2018: 9862, 2019: 5882, 2020: 6750, 2021: 15281 }).spikes.map((s) => s.year)).toEqual([2019, 2020]);
  });

  it('are not bridged as two when they go on up with the year after, or when the second is back in line', () => {
    // a step up that stays (2021 and 2022 up, 2023 up with them)
    expect(bridgeSpikes({ 2019: 1000, 2020: 1100, 2021: 2200, 2022: 2400, 2023: 2600 }).spikes).toEqual([]);
    // the second year back in line with the year after: one January out of line
    expect(bridgeSpikes({ 2019: 1000, 2020: 2200, 2021: 1300, 2022: 1200 }).spikes.map((s) => s.year)).toEqual([2020]);
  });
});

describe('a spike whose sides disagree (beyond ×1.6 apart a year either side, ×2.0 for two years)', () => {
  const kent = { 2016: 7043, 2017: 8199, 2018: 9862, 2019: 35289, 2020: 22948, 2021: 15281, 2022: 17733 };
  const ds = (stock: Record<number, number>) => {
    const d = emptyDataset({ oldCode: '886', newCode: 'E10000016', name: 'Kent' });
    d.stockTotal = stock;
    return d;
  };

  it('is not bridged, and the LA is not forecast from a January whose trend reads it, naming the Januaries and what to do', () => {
    // Before, Kent's January 2019 at ×3 and 2020 at ×1.7 (the 2022 release) were read as steps with a note and
    // forecast from January 2022, exit 0.
    expect(bridgeSpikes(kent).spikes).toEqual([]);
    const why = skipReason(ds(kent), 2022);
    expect(why).toContain('January 2019 (35,289)');
    expect(why).toContain("2018's (9,862) and 2020's (22,948)");
    expect(why).toContain('×2.33 apart');
    expect(why).toContain('a --base-year of 2018 or earlier');
  });

  it('does not stop a forecast whose trend does not read it, nor the series as published', () => {
    expect(skipReason(ds(kent), 2018)).toBeUndefined();
    expect(skipReason(ds({ ...kent, 2019: 11763, 2020: 13499 }), 2022)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { bridgeSpikes } from '../../src/model/estimate/outliers.ts';
import { cleanSeries } from '../../src/model/forecast/central.ts';
import { emptyDataset } from '../../src/model/dataset.ts';

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

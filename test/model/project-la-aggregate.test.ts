import { describe, expect, it } from 'vitest';
import { N_PLACEMENTS, PLACEMENTS } from '../../src/domain/index.ts';
import { cubeByPlacement, cubeTotal } from '../../src/model/cube.ts';
import { crossSectionMoves } from '../../src/model/estimate/aggregate-mix.ts';
import { emptyDataset, type LaDataset } from '../../src/model/dataset.ts';
import { projectLa } from '../../src/model/project-la.ts';
import { ScenarioSchema, type Scenario } from '../../src/scenario/schema.ts';

/** An LA with only published aggregates: total plans growing 9% a year, age bands, and a noisy new-plans series. */
function aggregateOnly(): LaDataset {
  const ds = emptyDataset({ oldCode: '901', newCode: 'E10000901', name: 'Testshire' });
  const bands: Array<[number, number, number]> = [[0, 4, 0.05], [5, 10, 0.33], [11, 15, 0.36], [16, 19, 0.2], [20, 25, 0.06]];
  for (let y = 2012; y <= 2022; y++) {
    const total = Math.round(2000 * 1.09 ** (y - 2012));
    ds.stockTotal[y] = total;
    for (const [from, to, share] of bands) ds.stockByAge.push({ year: y, from, to, count: Math.round(total * share) });
  }
  // new plans: a spike then a dip (as Covid left many LAs' series), so an LA's own new-plan trend is misleading
  const newPlans: Record<number, number> = { 2016: 300, 2017: 330, 2018: 360, 2019: 400, 2020: 700, 2021: 380 };
  for (const [y, n] of Object.entries(newPlans)) {
    ds.newPlansTotal[Number(y)] = n;
    for (const [from, to, share] of bands) ds.newPlansByAge.push({ year: Number(y), from, to, count: n * share });
  }
  return ds;
}

const scenario = (): Scenario => ({ ...ScenarioSchema.parse({}), id: 't', name: 'T', file: 't.yaml', sha256: '0' });

describe('projectLa on the aggregate route (published statistics only)', () => {
  it('follows the LA’s own growth in total plans, not one noisy year of new plans', async () => {
    const { projection, rates } = await projectLa(aggregateOnly(), scenario(), { draws: 0, seed: 1 });
    expect(rates.source).toBe('aggregate');
    const p50 = projection.totalQuantiles.map((q) => q.p50);
    expect(p50[0]).toBeCloseTo(Math.round(2000 * 1.09 ** 10), 6);
    for (let h = 1; h < p50.length; h++) {
      const growth = p50[h]! / p50[h - 1]! - 1;
      expect(growth).toBeGreaterThan(0.03);
      expect(growth).toBeLessThan(0.16);
    }
  });
});

describe('population that misses the base year', () => {
  const N_AGES = 26;
  const popOf = (y: number) => new Float64Array(N_AGES).fill(1000 * 1.05 ** (y - 2022));
  const withPop = (years: number[]): LaDataset => {
    const ds = aggregateOnly();
    for (const y of years) ds.population[y] = popOf(y);
    return ds;
  };
  const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const last = async (ds: LaDataset) => {
    const r = await projectLa(ds, { ...scenario(), horizon_years: 10 }, { draws: 0, seed: 1 });
    return { total: r.projection.totalQuantiles.at(-1)!.p50, notes: r.rates.notes };
  };

  it('a projection starting the year after the base year is used, not dropped for the unit proxy', async () => {
    const none = await last(aggregateOnly());
    const full = await last(withPop(years(2022, 2032)));
    const later = await last(withPop(years(2023, 2032)));
    // the child population grows 5% a year: it shows in the projection, whether or not the base year is in it
    expect(full.total).toBeGreaterThan(none.total * 1.05);
    expect(Math.abs(later.total / full.total - 1)).toBeLessThan(0.02);
    expect(later.notes.join('\n')).toMatch(/no population for census year 2022 .*census 2023's stands in for it/);
    expect(full.notes.join('\n')).not.toMatch(/stands in|holds it unchanged/);
  });

  it('estimates that end before the horizon are held, and the notes say so', async () => {
    const r = await last(withPop(years(2019, 2021)));
    expect(r.notes.join('\n')).toMatch(/no population for census year 2022 .*census 2021's stands in/);
    expect(r.notes.join('\n')).toMatch(/population ends at census year 2021; every later census year to 2032 holds it unchanged/);
  });
});

describe('a base year whose row gives the total without placements (an LA that returned totals only)', () => {
  it('is placed as at the latest January with placements, and says so', async () => {
    const ds = aggregateOnly();
    // synthetic: placements published for 2021, the 2022 row total only (its placement cells x)
    ds.stockByPlacement[2021] = { MS: 1500, SSM: 1400, FE: 800, NONE: 100 };
    const { rates } = await projectLa(ds, scenario(), { draws: 0, seed: 1 });
    expect(rates.notes).toContainEqual(
      "No placement breakdown of Testshire's plans at January 2022 (the published row gives the total only): its plans are placed as at January 2021, the latest January with placements. Figures by placement, and the costs by placement, are estimates for 2022.",
    );
    ds.stockByPlacement[2022] = { MS: 1600, SSM: 1500, FE: 900, NONE: 100 };
    const again = await projectLa(ds, scenario(), { draws: 0, seed: 1 });
    expect(again.rates.notes.filter((n) => n.startsWith('No placement'))).toEqual([]);
  });
});

describe('a base year whose placements leave many plans with none recorded (an LA that could not return them)', () => {
  it('places them as the recorded ones, in the initial plans and the new plans, and says so', async () => {
    const ds = aggregateOnly();
    // synthetic: a quarter of the 2022 plans 'Placement not recorded' (as Cambridgeshire's in the 2025 release)
    ds.stockByPlacement[2022] = { MS: 1500, SSM: 1000, FE: 500, NONE: 1000 };
    const { projection, rates } = await projectLa(ds, scenario(), { draws: 0, seed: 1 });
    expect(rates.notes).toContainEqual(expect.stringMatching(/^No placement recorded for 1,000 of the 4,000 plans in Testshire's placement columns at January 2022 \(25%\)/));
    // before: a quarter of the plans, and of every year's new plans, stayed in NONE (costed at £0); now only the ages no
    // recorded placement takes (under 2s, beside MS, SSM and FE alone) are there
    for (const [i, byPlacement] of projection.placementQuantiles.slice(0, 4).entries()) {
      expect(byPlacement.NONE.p50 / projection.totalQuantiles[i]!.p50, `year ${i}`).toBeLessThan(0.05);
    }
  });

  it('keeps the few plans awaiting provision of most LAs where they are', async () => {
    const ds = aggregateOnly();
    ds.stockByPlacement[2022] = { MS: 1500, SSM: 1000, FE: 500, NONE: 60 };
    const { rates } = await projectLa(ds, scenario(), { draws: 0, seed: 1 });
    expect(rates.notes.filter((n) => n.startsWith('No placement recorded'))).toEqual([]);
  });
});

describe('placement moves on the aggregate route', () => {
  /** Published totals with placements: a fifth of the plans in further education, which is open at 16–25 only. */
  function placed(): LaDataset {
    const ds = aggregateOnly();
    for (let y = 2012; y <= 2022; y++) {
      const t = ds.stockTotal[y]!;
      ds.stockByPlacement[y] = { MS: 0.4 * t, SSM: 0.3 * t, ISS: 0.1 * t, FE: 0.2 * t };
    }
    return ds;
  }

  it('crossSectionMoves carries one age’s placement mix to the next with rows that sum to 1', () => {
    const from = new Float64Array(N_PLACEMENTS);
    const to = new Float64Array(N_PLACEMENTS);
    const at = (p: string) => PLACEMENTS.indexOf(p as (typeof PLACEMENTS)[number]);
    from[at('MS')] = 0.6; from[at('SSM')] = 0.4; // age 15
    to[at('MS')] = 0.3; to[at('SSM')] = 0.35; to[at('FE')] = 0.35; // age 16
    const m = crossSectionMoves(from, to, 16);
    for (let p = 0; p < N_PLACEMENTS; p++) {
      const row = m.subarray(p * N_PLACEMENTS, (p + 1) * N_PLACEMENTS).reduce((a, b) => a + b, 0);
      expect(row).toBeCloseTo(1, 12);
    }
    for (let q = 0; q < N_PLACEMENTS; q++) {
      let got = 0;
      for (let p = 0; p < N_PLACEMENTS; p++) got += from[p]! * m[p * N_PLACEMENTS + q]!;
      expect(got).toBeCloseTo(to[q]!, 12);
    }
    // as few move as that takes: SSM keeps what the next age holds, MS keeps half
    expect(m[at('SSM') * N_PLACEMENTS + at('SSM')]).toBeCloseTo(0.875, 12);
    expect(m[at('MS') * N_PLACEMENTS + at('MS')]).toBeCloseTo(0.5, 12);
    // a placement with no plans at 15 stays put where it goes on at 16
    expect(m[at('RP') * N_PLACEMENTS + at('RP')]).toBe(1);
  });

  it('keeps each placement’s share of the plans near the base year’s, not draining further education', async () => {
    const { projection, rates } = await projectLa(placed(), scenario(), { draws: 0, seed: 1 });
    expect(rates.source).toBe('aggregate');
    const fe = PLACEMENTS.indexOf('FE');
    const share = (h: number) => cubeByPlacement(projection.central[h]!)[fe]! / cubeTotal(projection.central[h]!);
    // kept in place, a child at school at 15 stayed there at 16 and FE took new plans only: its share fell every year
    // (20% of the plans at the base year, 13% three years on)
    for (let h = 1; h <= 5; h++) expect(share(h) / share(0), `year ${h}`).toBeGreaterThan(0.85);
  });
});

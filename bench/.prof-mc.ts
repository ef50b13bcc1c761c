import { prepare } from '../src/model/levers/prepare.ts';
import { runDrawRange } from '../src/model/montecarlo/run-draws.ts';
import { fixtureAllNeeds, fixtureInitial, fixturePopulation, fixtureRates, scenario } from '../test/model/fixtures.ts';
fixtureAllNeeds(true);
const inp = {
  rates: fixtureRates(), initial: fixtureInitial(), population: fixturePopulation(), baseYear: 2025, horizon: 10,
  scenario: scenario({
    surges: [{ name: 'covid', peak_uplift: 0.3, start_year: 2026, peak_year: 2027, target: { cohorts: { ages: [0, 1, 2, 3, 4], in_census_year: 2021 } } }],
    mitigations: [{ name: 'early help', kind: 'fewer_requests', effect: 0.1, start_year: 2027, ramp_years: 2 }],
    capacity: { changes: [{ placement: 'SSM', year: 2028, places: 50 }] },
  }),
};
fixtureAllNeeds(false);
const prep = prepare(inp);
const job = { prep, rates: inp.rates, initial: inp.initial, seed: 1, weights: {} };
const n = Number(process.argv[2] ?? 2000);
runDrawRange(job, 0, 200);
const t = performance.now();
const out = runDrawRange(job, 0, n);
const ms = performance.now() - t;
let h = 0; for (let i = 0; i < out.totals.length; i++) h = (h * 31 + Math.round(out.totals[i]! * 1e6)) % 1e9;
console.log(`${n} draws: ${ms.toFixed(0)} ms, ${(ms / n).toFixed(3)} ms/draw, hash ${h}`);
const full = runDrawRange(job, 0, 300, undefined, { collapse: false }).totals;
const small = runDrawRange(job, 0, 300, undefined, { collapse: true }).totals;
let worst = 0; for (let i = 0; i < full.length; i++) worst = Math.max(worst, Math.abs(full[i]! - small[i]!) / Math.max(1, full[i]!));
console.log('collapsed vs full worst rel diff', worst);
{
  const ny = prep.years.length;
  let shown = 0;
  for (let d = 0; d < 300 && shown < 5; d++) for (let y = 0; y < ny; y++) {
    let mx = 0, mp = -1;
    for (let p = 0; p < 15; p++) { const i = (d * ny + y) * 15 + p; const e = Math.abs(full[i]! - small[i]!); if (e > mx) { mx = e; mp = p; } }
    if (mx > 1e-7) { console.log('draw', d, 'year', y, 'placement', mp, 'diff', mx, full[(d * ny + y) * 15 + mp], small[(d * ny + y) * 15 + mp]); shown++; break; }
  }
}

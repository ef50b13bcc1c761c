import { projectMonteCarlo } from '../src/model/engine.ts';
import { fixtureAllNeeds, fixtureInitial, fixturePopulation, fixtureRates, scenario } from '../test/model/fixtures.ts';
fixtureAllNeeds(true);
const inp = { rates: fixtureRates(), initial: fixtureInitial(), population: fixturePopulation(), baseYear: 2025, horizon: 10,
  scenario: scenario({ surges: [{ name: 'covid', peak_uplift: 0.3, start_year: 2026, peak_year: 2027, target: { cohorts: { ages: [0, 1, 2, 3, 4], in_census_year: 2021 } } }],
    mitigations: [{ name: 'early help', kind: 'fewer_requests', effect: 0.1, start_year: 2027, ramp_years: 2 }], capacity: { changes: [{ placement: 'SSM', year: 2028, places: 50 }] } }) };
fixtureAllNeeds(false);
for (const workers of [1, 2, 1, 2]) { const t = performance.now(); await projectMonteCarlo(inp, { draws: 10000, seed: 1, workers }); console.log(workers, 'workers', ((performance.now() - t) / 1000).toFixed(2), 's'); }

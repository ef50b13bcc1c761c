/**
 * A payload source for explorerPayload (src/explorer/payload.ts): Anyshire's fixture rates, plans and population from
 * test/model/fixtures.ts, base January 2025, 5 years, no money tables, no draws; `over` replaces any part.
 */
import { emptyBudgetTables } from '../../src/budget/tables.ts';
import type { PayloadSource } from '../../src/explorer/payload.ts';
import { fixtureInitial, fixturePopulation, fixtureRates, scenario } from '../model/fixtures.ts';

/** @example explorerPayload(payloadSource({ stockTotal: { 2024: 2700, 2025: 2959 } })) */
export function payloadSource(over: Partial<PayloadSource> = {}): PayloadSource {
  return {
    tool: 'highneeds',
    version: '0.1.0',
    runDate: '2026-01-01',
    la: { oldCode: '999', newCode: 'E99999999', name: 'Anyshire' },
    scenario: scenario(),
    input: { rates: fixtureRates(), initial: fixtureInitial(), population: fixturePopulation(), baseYear: 2025, horizon: 5 },
    tables: emptyBudgetTables(),
    stockTotal: {},
    draws: 0,
    seed: 1,
    ...over,
  };
}

/**
 * The explorer's CSV of a variant writes money as `run --json` does: to the penny, its stacks adding up to the
 * expenditure and its balances tying, exactly in pennies (each figure rounded alone broke them by a penny).
 */
import { describe, expect, it } from 'vitest';
import { variantCsv } from '../../src/explorer/view-model.ts';
import type { VariantOutcome } from '../../src/explorer/compute.ts';
import { buildRunReport } from '../report/fixtures/run-report.ts';
import { pennies, withMoneyNoise } from '../budget/money-identities.ts';
import { projectionJson } from '../../src/pipeline/run-json.ts';

describe('variantCsv', () => {
  it('writes the money section to the penny with its identities exact', () => {
    const r = buildRunReport({ horizon: 10 });
    const budget = withMoneyNoise(r.budget!);
    const o = { scenario: r.scenario, projection: r.projection, budget, result: projectionJson(r.projection) } as unknown as VariantOutcome;
    const meta = { la: 'Anyshire', scenario: 'Baseline', variant: 'as loaded', tool: 'highneeds', runDate: '2026-01-01' };
    const text = variantCsv(o, meta);
    const rows = text.trim().split('\r\n').map((l) => l.split(','));
    const head = rows.findIndex((row) => row[0] === 'financial_year');
    const cols = rows[head]!;
    const at = (row: string[], name: string): number => pennies(Number(row[cols.indexOf(name)]), `${row[0]} ${name}`);
    const stacks = cols.slice(1, cols.indexOf('expenditure_p10_gbp'));
    expect(stacks.length).toBeGreaterThan(2);
    const years = rows.slice(head + 1);
    expect(years.length).toBe(budget.lines.length);
    let before = pennies(Math.round(budget.openingBalance * 100) / 100, 'opening');
    years.forEach((row, i) => {
      const spend = at(row, 'expenditure_p50_gbp');
      expect(stacks.reduce((s, c) => s + at(row, c), 0), `${row[0]} stacks`).toBe(spend);
      const inYear = at(row, 'in_year_balance_p50_gbp');
      expect(inYear, `${row[0]} in-year`).toBe(at(row, 'income_gbp') - spend);
      const cum = at(row, 'cumulative_balance_p50_gbp');
      expect(cum, `${row[0]} balance chain`).toBe(before + inYear);
      before = cum;
      expect(Math.abs(spend / 100 - budget.lines[i]!.expenditure)).toBeLessThan(0.01);
      for (const q of ['expenditure', 'in_year_balance', 'cumulative_balance']) expect(at(row, `${q}_p10_gbp`), `${row[0]} ${q}`).toBe(at(row, `${q}_p50_gbp`));
    });
  });
});

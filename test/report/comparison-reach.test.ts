/**
 * Scenarios of one run that do not cover the same years (another horizon, another base year): the comparison used
 * to take its headline year from the first scenario and read every other one there. A shorter scenario after a
 * longer one stopped the run with an internal error (exit 70, "Cannot read properties of undefined (reading
 * 'p50')"); a scenario ending before 31 March 2028 wrote "£NaN" into the balance chart's alt text (Hartlepool, base
 * 2021 over 4 years beside base 2022 over 6: the output guard refused everything, exit 70); the Scenarios sheet
 * headed "Plans at January 2035" over a shorter scenario's plans of another January. Now the headline figures are at
 * the latest year every scenario reaches, a scenario is blank (never 0) where it does not reach, and a note says so.
 */
import { describe, expect, it } from 'vitest';
import { comparePlansChart, compareBalanceChart } from '../../src/report/charts/compare.ts';
import { comparisonReach } from '../../src/report/comparison-reach.ts';
import { buildComparisonHtml } from '../../src/report/html/comparison-html.ts';
import { valueBlemishes, textBlemishes } from '../../src/report/output-guard.ts';
import type { BudgetedReport, RunReport } from '../../src/report/run-report.ts';
import { totalPlans } from '../../src/report/series.ts';
import { buildComparisonModel } from '../../src/report/workbook/build-comparison.ts';
import { buildRunReport } from './fixtures/run-report.ts';

/** The fixture (base year 2025) moved k years earlier or later: its census and financial years, levers' years too. */
function shifted(r: RunReport, k: number): RunReport {
  const b = (r as BudgetedReport).budget;
  return {
    ...r,
    baseYear: r.baseYear + k,
    projection: { ...r.projection, baseYear: r.projection.baseYear + k, years: r.projection.years.map((y) => y + k) },
    budget: { ...b, financialYears: b.financialYears.map((f) => f + k), lines: b.lines.map((l) => ({ ...l, fy: l.fy + k })), mitigations: b.mitigations.map((m) => ({ ...m, fy: m.fy + k })) },
  };
}

const text = (html: string): string => html.replace(/data:image[^"]+/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
/** The headline table's row of a measure: its cells after the label. */
function row(html: string, label: string): string[] {
  const tr = html.split('<tr>').find((t) => t.includes(`>${label}</th>`));
  if (!tr) return [];
  return [...tr.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]!);
}

function clean(reports: RunReport[]): void {
  const html = buildComparisonHtml(reports, []);
  expect(textBlemishes(html, 'html')).toEqual([]);
  expect(valueBlemishes(buildComparisonModel(reports), 'workbook')).toEqual([]);
  const charts = [comparePlansChart(reports), ...(reports.every((r) => r.budget) ? [compareBalanceChart(reports as BudgetedReport[])] : [])];
  for (const c of charts) expect(valueBlemishes({ alt: c.alt, title: c.title }, c.id)).toEqual([]);
}

describe('a comparison of scenarios of different reach', () => {
  const long = buildRunReport({ horizon: 10, id: 'long', name: 'Long', mitigated: false });
  const short = buildRunReport({ horizon: 2, id: 'short', name: 'Short', growth: 0.05, mitigated: false });

  it.each([
    ['longer first', [long, short]],
    ['shorter first', [short, long]],
  ])('compares the years both reach, %s, with no NaN and no internal error', (_, reports) => {
    clean(reports);
    const html = buildComparisonHtml(reports, []);
    // both runs reach January 2027 and 2026-27: the headline is there, for both
    expect(row(html, 'EHC plans, January 2027 (central)').every((c) => /^[\d,]+$/.test(c))).toBe(true);
    expect(row(html, 'EHC plans, January 2027 (central)')).toHaveLength(2);
    expect(html).not.toContain('January 2035 (central)');
    expect(row(html, 'High Needs expenditure 2026-27').every((c) => c.startsWith('£'))).toBe(true);
    // the short run ends at 31 March 2027: no balance at 31 March 2028 for it, a dash, not £0
    const at2028 = row(html, 'Cumulative DSG balance at 31 March 2028');
    expect(at2028[reports.indexOf(short)]).toBe('–');
    expect(text(html)).toMatch(/do not cover the same years: “\w+” January 2025 to January 20\d\d \(financial years 2025-26 to 20\d\d-\d\d\); .*The headline figures compare January 2027 and 2026-27/);
    expect(text(html)).toContain('the only scenario that reaches that date');
  });

  it('heads the workbook at a year every scenario reaches and leaves the other years blank, not 0', () => {
    const model = buildComparisonModel([long, short]);
    const scen = model.sheets[0]!;
    const col = scen.tables[0]!.columns.findIndex((c) => c.header.startsWith('Plans at January'));
    expect(scen.tables[0]!.columns[col]!.header).toBe('Plans at January 2027 (P50)');
    expect(scen.tables[0]!.rows.map((r) => r[col])).toEqual([long, short].map((r) => Math.round(totalPlans(r, 2027)! * 10) / 10).map((v) => expect.closeTo(v, 0)));
    expect(scen.intro.join(' ')).toContain('do not cover the same years');
    const plans = model.sheets.find((s) => s.name === 'Plans')!;
    const y2030 = plans.tables[0]!.rows.find((r) => r[0] === '2030')!;
    expect(y2030[2]).toBeNull(); // the short scenario's plans
    expect(y2030[3]).toBeNull(); // and its difference from the first
    expect(plans.intro.join(' ')).toContain('blank (–) for the years it does not reach');
    const bal = model.sheets.find((s) => s.name === 'Cumulative balance')!;
    expect(bal.tables[0]!.rows.find((r) => r[0] === '2030-31')![2]).toBeNull();
  });

  it('says in the charts’ alt text which scenario has no figure, not NaN', () => {
    const bal = compareBalanceChart([long, short] as BudgetedReport[]);
    expect(bal.alt).toContain('Short not projected (outside its years)');
    expect(bal.alt).not.toMatch(/NaN/);
    const plans = comparePlansChart([long, short]);
    expect(plans.alt).toContain('In January 2035: Long');
    expect(plans.alt).toContain('Short not projected');
  });

  it('compares scenarios of different base years at the years both reach', () => {
    // base 2024 over 4 years (to January 2028, 2027-28) beside base 2025 over 10
    const early = shifted(buildRunReport({ horizon: 4, id: 'early', name: 'Early' }), -1);
    const reports = [long, early];
    clean(reports);
    expect(comparisonReach(reports, ['Long', 'Early']).years).toEqual([2025, 2026, 2027, 2028]);
    const html = buildComparisonHtml(reports, []);
    // January 2025 is the data for the first; for the other a projected year, so not under "actual"
    expect(row(html, 'EHC plans, January 2025 (actual)')[1]).toBe('–');
    expect(row(html, 'EHC plans, January 2028 (central)').every((c) => /^[\d,]+$/.test(c))).toBe(true);
    expect(row(html, 'High Needs expenditure 2025-26').every((c) => c.startsWith('£') || c.startsWith('-£'))).toBe(true);
    expect(row(html, 'High Needs expenditure 2027-28').every((c) => c.startsWith('£') || c.startsWith('-£'))).toBe(true);
    expect(text(html)).toContain('from January 2025 on “Long”, January 2024 on “Early”');
    expect(html).toContain('base years 2024 and 2025');
    expect(buildComparisonModel(reports).subtitle).toContain('base years 2024 and 2025');
  });

  it('compares no year when the scenarios share none, and says so', () => {
    const past = shifted(buildRunReport({ horizon: 1, id: 'past', name: 'Past', mitigated: false }), -3); // January 2022–2023
    const reports = [long, past];
    clean(reports);
    const html = buildComparisonHtml(reports, []);
    expect(html).not.toMatch(/EHC plans, January \d{4} \(central\)/);
    expect(html).not.toContain('High Needs expenditure');
    expect(text(html)).toContain('No January is projected by every scenario');
    const scen = buildComparisonModel(reports).sheets[0]!;
    const col = scen.tables[0]!.columns.findIndex((c) => c.header.startsWith('Plans at January'));
    expect(scen.tables[0]!.rows[1]![col]).toBeNull();
  });

  it('adds no note when every scenario covers the same years', () => {
    const other = buildRunReport({ horizon: 10, id: 'other', name: 'Other', growth: 0.05 });
    expect(comparisonReach([long, other], ['Long', 'Other']).note).toBeUndefined();
    expect(buildComparisonHtml([long, other], [])).not.toContain('do not cover the same years');
  });

  it('says the base years differ when the runs start from different Januaries, whatever the files wrote', () => {
    const differences = (html: string) => text(html).split('What differs between the scenarios').at(-1)!.split('Headline figures side by side')[0]!;
    // one file names no base year (the data's latest, 2025), the other names 2025: the same start, no difference
    const latest = { ...long, scenario: { ...long.scenario, base_year: undefined } };
    const named = buildRunReport({ horizon: 10, id: 'named', name: 'Named', mitigated: false });
    expect(differences(buildComparisonHtml([latest, named], []))).not.toContain('Starts from');
    // the same file's base year, run from January 2024: a difference
    const early = shifted(buildRunReport({ horizon: 10, id: 'early', name: 'Early', mitigated: false }), -1);
    expect(differences(buildComparisonHtml([long, early], []))).toContain('Starts from January 2024 instead of 2025.');
  });
});

describe('the comparison checked before anything is written', () => {
  it('refuses, as the writer would, a comparison holding NaN (exit 70), and passes a sound one', async () => {
    const { checkComparison } = await import('../../src/report/write-run-outputs.ts');
    const a = buildRunReport({ horizon: 3, id: 'a', name: 'A', mitigated: false });
    const b = buildRunReport({ horizon: 3, id: 'b', name: 'B', mitigated: false });
    expect(() => checkComparison([a, b])).not.toThrow();
    const bb = b as BudgetedReport;
    const broken = { ...bb, budget: { ...bb.budget, lines: bb.budget.lines.map((l, i) => (i === 0 ? { ...l, expenditure: Number.NaN } : l)) } };
    expect(() => checkComparison([a, broken])).toThrow(/refusing to write outputs holding NaN/);
  });
});

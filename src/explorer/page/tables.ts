/** The tables of the page: money by financial year, plans by census year, and the kept variants side by side. */
import { financialYearLabel, horizonBalanceIsApart } from '../../domain/index.ts';
import type { Quantiles } from '../../model/result.ts';
import { fmtCount, fmtMoneyIn, moneyUnitFor, type MoneyUnit } from '../../report/format.ts';
import type { VariantOutcome } from '../compute.ts';
import { headlineOf } from '../view-model.ts';
import { countText } from '../../report/suppress.ts';
import { v, type VNode } from './dom.ts';
import type { RangeSummary } from './protocol.ts';

function table(caption: string, head: string[], rows: Array<Array<string | { text: string; neg?: boolean }>>, cls?: string): VNode {
  const thead = v('thead', {}, v('tr', {}, ...head.map((c) => v('th', { scope: 'col' }, c))));
  const tbody = v(
    'tbody',
    {},
    ...rows.map((r) =>
      v('tr', {}, ...r.map((c, i) => (i === 0 ? v('th', { scope: 'row' }, typeof c === 'string' ? c : c.text) : typeof c === 'string' ? v('td', {}, c) : v('td', { class: c.neg ? 'neg' : undefined }, c.text)))),
    ),
  );
  return v('div', { class: 'table-wrap' }, v('table', { class: cls }, v('caption', {}, caption), thead, tbody));
}

/** A money cell in the page's unit (£k for a council spending under £10m a year, else £m), red when negative. */
const moneyIn = (unit: MoneyUnit) => (x: number): { text: string; neg: boolean } => ({ text: fmtMoneyIn(x, unit), neg: x < -0.5 });
const unitOf = (o: VariantOutcome): MoneyUnit => moneyUnitFor(o.budget.lines.flatMap((l) => [l.expenditure, l.income]));
const range = (q: Quantiles | undefined, f: (v: number) => string): string => (q ? `${f(q.p10)} to ${f(q.p90)}` : '—');

/** Money by financial year (central path, with the P10–P90 range of the cumulative balance when computed). */
export function moneyTable(o: VariantOutcome, r?: RangeSummary): VNode {
  if (!o.budget.lines.length) return v('p', { class: 'note' }, 'No money: this page was written by highneeds run --demand-only, which projects plans without costs, funding or balances.');
  const head = ['Financial year', 'Expenditure', 'Income', 'In-year balance', 'Cumulative balance (31 March)'];
  if (r) head.push('Cumulative: P10 to P90');
  const unit = unitOf(o);
  const money = moneyIn(unit);
  return table(
    `Expenditure, income and DSG balance by financial year (central path, £ ${unit === 'k' ? 'thousand' : 'million'}; negative = deficit)`,
    head,
    o.budget.lines.map((l, i) => {
      const row = [financialYearLabel(l.fy), money(l.expenditure), money(l.income), money(l.inYearBalance), money(l.cumulativeBalance)];
      if (r) row.push({ text: range(r.cumulative[i], (x) => fmtMoneyIn(x, unit)), neg: false });
      return row;
    }),
  );
}

/** Total plans by census year with the range when computed; a count from 1 to `suppressBelow` − 1 reads [c]. */
export function plansTable(o: VariantOutcome, r?: RangeSummary, suppressBelow?: number): VNode {
  const count = (x: number): string => countText(x, suppressBelow, fmtCount);
  const head = ['January census', 'EHC plans (central)'];
  if (r) head.push('P10 to P90');
  return table(
    'EHC plans by January census',
    head,
    o.projection.years.map((y, i) => {
      // the base year is the data's total (result(), as `run --json`), not the model's fitted start
      const row = [String(y), count((y === o.projection.baseYear ? o.result.ehcp_total[String(y)]?.p50 : undefined) ?? o.projection.totalQuantiles[i]!.p50)];
      if (r) row.push(range(r.plans[i], count));
      return row;
    }),
  );
}

export interface Compared {
  name: string;
  outcome: VariantOutcome;
  changes: string[];
}

/** The current view and kept variants side by side; a count from 1 to `suppressBelow` − 1 reads [c]. */
export function compareTable(items: Compared[], suppressBelow?: number): VNode {
  const hs = items.map((i) => headlineOf(i.outcome));
  const first = hs[0]!;
  return table(
    'Headline figures of each variant (central path)',
    ['', ...items.map((i) => i.name)],
    [
      ...(first.noMoney ? [] : moneyRows(hs, moneyIn(unitOf(items[0]!.outcome)))),
      [`EHC plans, January ${first.lastYear}`, ...hs.map((x) => countText(x.plansLast, suppressBelow, fmtCount))],
      ['Changes from the scenario as loaded', ...items.map((i) => (i.changes.length ? i.changes.join('; ') : 'none'))],
    ],
    'compare',
  );
}

/** The money rows of the variants side by side (none on a `run --demand-only` page). */
function moneyRows(hs: ReturnType<typeof headlineOf>[], money: (x: number) => { text: string; neg: boolean }): Array<Array<string | { text: string; neg?: boolean }>> {
  const first = hs[0]!;
  return [
    ['Balance at 31 March 2028', ...hs.map((x) => (x.march2028 === undefined ? '—' : money(x.march2028)))],
    ...(first.march2028 === undefined || horizonBalanceIsApart(first.lastFy) ? [[`Balance at 31 March ${first.lastFy + 1}`, ...hs.map((x) => money(x.lastBalance))]] : []),
    ['In-year budget balances', ...hs.map((x) => (x.neverInDeficit ? 'every year' : x.balancesFrom !== undefined ? `from ${financialYearLabel(x.balancesFrom)}` : `not by ${financialYearLabel(x.lastFy)}`))],
  ];
}

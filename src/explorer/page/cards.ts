/**
 * The explorer page's headline cards for a variant: the DSG balance at the end of the statutory override (and at the
 * horizon when it stands apart), the year the in-year budget balances, and the plans at the horizon, each against the
 * scenario as loaded (and the Monte Carlo range, once drawn).
 */
import { STATUTORY_OVERRIDE_END_FY, financialYearLabel, horizonBalanceIsApart } from '../../domain/index.ts';
import { fmtCount, fmtMoney } from '../../report/format.ts';
import { countText } from '../../report/suppress.ts';
import type { VariantOutcome } from '../compute.ts';
import { headlineOf, yearEnd } from '../view-model.ts';
import { cardDelta } from '../../messages/explorer.ts';
import { v, type VNode } from './dom.ts';
import type { RangeSummary } from './protocol.ts';

/** The cards of variant `o`, compared with the scenario as loaded (`loaded`); the plans' range from `r` when drawn. */
export function headlineCards(o: VariantOutcome, loaded: VariantOutcome, r: RangeSummary | undefined, suppressBelow?: number, differsFromRun = false): VNode[] {
  const count = (x: number): string => countText(x, suppressBelow, fmtCount);
  const hl = headlineOf(o);
  const was = headlineOf(loaded);
  const balance = (v: number) => (v < 0 ? `Deficit ${fmtMoney(-v)}` : `Surplus ${fmtMoney(v)}`);
  const delta = (now: number, then: number) => {
    const d = now - then;
    return cardDelta(d, differsFromRun);
  };
  const card = (label: string, value: string, detail: string, tone?: 'bad' | 'good') =>
    v('div', { class: `card${tone ? ` ${tone}` : ''}` }, v('span', { class: 'l' }, label), v('span', { class: 'v' }, value), v('span', { class: 'd' }, detail));
  const cards: VNode[] = [];
  const pr = r?.plans[r.plans.length - 1];
  const plans = card(`EHC plans, January ${hl.lastYear}`, count(hl.plansLast), pr ? `range ${count(pr.p10)} to ${count(pr.p90)}` : `from ${count(hl.plansBase)} in January ${hl.baseYear}`);
  if (hl.noMoney) return [plans, card('Money', 'Not modelled', 'This page was written by highneeds run --demand-only: plans only, no costs, funding or balances.')];
  if (hl.march2028 !== undefined) cards.push(card(`DSG balance at ${yearEnd(STATUTORY_OVERRIDE_END_FY)}`, balance(hl.march2028), delta(hl.march2028, was.march2028 ?? 0), hl.march2028 < 0 ? 'bad' : 'good'));
  if (hl.march2028 === undefined || horizonBalanceIsApart(hl.lastFy)) {
    cards.push(card(`DSG balance at ${yearEnd(hl.lastFy)}`, balance(hl.lastBalance), delta(hl.lastBalance, was.lastBalance), hl.lastBalance < 0 ? 'bad' : 'good'));
  }
  cards.push(
    card(
      'In-year budget balances',
      hl.neverInDeficit ? 'Every year' : hl.balancesFrom !== undefined ? `From ${financialYearLabel(hl.balancesFrom)}` : `Not by ${financialYearLabel(hl.lastFy)}`,
      hl.neverInDeficit || hl.balancesFrom !== undefined ? 'income covers spending from then on' : 'spending exceeds income in the last year',
      hl.balancesFrom === undefined && !hl.neverInDeficit ? 'bad' : 'good',
    ),
  );
  cards.push(plans);
  return cards;
}

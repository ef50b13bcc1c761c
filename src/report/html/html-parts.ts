/** Pieces the HTML reports share (the recovery-plan report and the scenario comparison). Pure. */
import type { ChartId, ChartSpec } from '../charts/chart-spec.ts';
import { fmtMoneyIn, type MoneyUnit } from '../format.ts';
import type { RunReport } from '../run-report.ts';
import { moneyUnitOf } from '../series.ts';
import { dataUriBase64 } from '../output-guard.ts';
import { escapeHtml as e } from '../safe-text.ts';

export interface RenderedChart {
  spec: ChartSpec;
  png: Buffer;
}

export function paras(ps: string[]): string {
  return ps.map((p) => `<p>${e(p)}</p>`).join('\n');
}

export function figure(charts: Map<ChartId, RenderedChart>, id: ChartId, n: number): string {
  const c = charts.get(id);
  if (!c) return '';
  return `<figure id="fig-${id}"><img src="data:image/png;base64,${dataUriBase64(c.png)}" alt="${e(c.spec.alt)}" width="800" height="450"><figcaption>Figure ${n}. ${e(c.spec.title)}</figcaption></figure>`;
}

/** A table cell: numbers right-aligned and never broken across lines (`-£555.4m`), prose (`prose`) left-aligned. */
export type Td = { text: string; neg?: boolean; prose?: boolean };

function cls(c: Td): string {
  const names = [...(c.neg ? ['neg'] : []), ...(c.prose ? ['prose'] : [])];
  return names.length ? ` class="${names.join(' ')}"` : '';
}

export function table(caption: string, head: string[], rows: Td[][]): string {
  // a column of prose is headed on the left, like its text
  const prose = head.map((_, j) => rows.length > 0 && rows.every((r) => r[j]?.prose));
  const th = head.map((h, j) => `<th scope="col"${prose[j] ? ' class="prose"' : ''}>${e(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${e(c.text)}</th>` : `<td${cls(c)}>${e(c.text)}</td>`)).join('')}</tr>`).join('\n');
  return `<div class="table-wrap"><table><caption>${e(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** A money cell: '–' when not known, red when it shows a minus. */
export type MoneyTd = (n: number | undefined) => Td;

/**
 * Money cells of one report in one unit, so a column reads alike ('£0.9m', not '£862k' beside '£1.2m'): £m with
 * one decimal, or £k for a council whose yearly spend is small (format.ts moneyUnitFor).
 */
export function moneyCells(unit: MoneyUnit): MoneyTd {
  return (n) => {
    if (n === undefined) return { text: '–' };
    const text = fmtMoneyIn(n, unit);
    return { text, neg: text.startsWith('-') };
  };
}

/** The money cells of a report (or a comparison of several): £k when every year's spend and income is small. */
export function moneyCellsFor(reports: readonly RunReport[]): MoneyTd {
  return moneyCells(moneyUnitOf(reports));
}

/** Whether a money cell reads as nil in its unit ('£0.0m', '£0k'). */
export const isNilMoney = (text: string): boolean => /^£0(\.0)?[mk]$/.test(text);

export function card(value: string, label: string, bad = false): string {
  return `<div class="card${bad ? ' bad' : ''}"><span class="v">${e(value)}</span><span class="l">${e(label)}</span></div>`;
}

/**
 * Waterfall (bridge) from the unmitigated to the mitigated cumulative deficit at the horizon; for a scenario without
 * mitigations, how the balance builds from the opening balance year by year.
 */
import { fmtBalance, fmtMoney, fmtMoneyLabel } from '../format.ts';
import { openingBarNote, openingStandsIn } from '../../messages/budget.ts';
import { GovUk } from '../palette.ts';
import type { BudgetedReport } from '../run-report.ts';
import { horizonFy, isInteractionLine, moneyUnitOf } from '../series.ts';
import { bridgeRows } from '../workbook/sheets/mitigations.ts';
import type { ChartSpec } from './chart-spec.ts';
import { cartesianOptions, toMillions } from './common.ts';
import { wrapLabel } from './wrap.ts';

/** Characters of a category label that fit under one bar of a waterfall with `bars` bars (at any image size). */
export function charsPerBar(bars: number): number {
  // plot area ≈ 86% of the width; DejaVu Sans at the tick size ≈ 1/115 of the width per character
  return Math.max(6, Math.floor((0.86 * 115 * 0.9) / Math.max(1, bars)));
}

/** Packs key entries into lines of at most `max` characters. */
function packKey(entries: string[], max = 105): string[] {
  const lines: string[] = [];
  for (const e of entries) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 5 + e.length <= max) lines[lines.length - 1] = `${last}     ${e}`;
    else lines.push(e);
  }
  return lines;
}

/**
 * The x labels of the bridge: each lever's name wrapped to the bar width, or, when a name would need more than
 * three lines, "Lever 1", "Lever 2" … with a key under the chart.
 */
export function waterfallLabels(steps: string[], isLever: boolean[]): { labels: string[][]; key: string[] } {
  const max = charsPerBar(steps.length);
  const wrapped = steps.map((s) => wrapLabel(s, max));
  if (wrapped.every((w) => w.length <= 3)) return { labels: wrapped, key: [] };
  let n = 0;
  const key: string[] = [];
  const labels = steps.map((s, i) => {
    if (!isLever[i]) return wrapLabel(s, max);
    n += 1;
    key.push(`${n}: ${s}`);
    return wrapLabel(`Lever ${n}`, max);
  });
  return { labels, key: packKey(key) };
}

/** Short names of the bridge's own steps (the lever names come from the scenario). */
function stepName(step: string): string {
  if (step === 'Unmitigated cumulative balance') return 'Without mitigations';
  if (step === 'Mitigated cumulative balance') return 'With mitigations';
  if (isInteractionLine(step)) return 'Interaction';
  return step;
}

/**
 * Without mitigations there is nothing to bridge: the waterfall shows how the balance builds instead, from the
 * opening balance through each year's in-year balance to the balance at the horizon, with 31 March 2028 (the end
 * of the statutory override) as a subtotal when it falls inside the run.
 */
function buildUpChart(r: BudgetedReport, hz: number): ChartSpec {
  const b = r.budget;
  // each bar labelled with its figure as the report's tables write it
  const unit = moneyUnitOf([r]);
  const value = (n: number): string => (Number.isFinite(n) ? fmtMoneyLabel(n, unit) : '');
  const bars: Array<{ label: string; range: Array<number | null>; value: string; colour: string }> = [];
  bars.push({ label: `31 March ${b.openingBalanceFy + 1}`, range: [0, toMillions(b.openingBalance)], value: value(b.openingBalance), colour: GovUk.darkGrey });
  for (const line of b.lines) {
    const before = line.cumulativeBalance - line.inYearBalance;
    bars.push({ label: line.label, range: [toMillions(before), toMillions(line.cumulativeBalance)], value: value(line.inYearBalance), colour: line.inYearBalance >= 0 ? GovUk.green : GovUk.red });
    if (line.fy === 2027 && hz > 2027) bars.push({ label: '31 March 2028', range: [0, toMillions(line.cumulativeBalance)], value: value(line.cumulativeBalance), colour: GovUk.blue });
  }
  const last = b.lines[b.lines.length - 1]!;
  bars.push({ label: `31 March ${hz + 1}`, range: [0, toMillions(last.cumulativeBalance)], value: value(last.cumulativeBalance), colour: GovUk.blue });
  const title = `How the DSG balance builds to 31 March ${hz + 1} (£m; the scenario has no mitigations)`;
  const colours = 'Grey: the opening balance. Red: an in-year deficit; green: an in-year surplus. Blue: the balance at 31 March.';
  const standsIn = openingBarNote(b.openingBalanceFromFy, b.openingBalanceAnchored);
  const march2028 = b.balanceAtMarch2028;
  const options = cartesianOptions(
    title,
    { title: 'Financial year (in-year balance), and the balance at 31 March', unit: 'none', allTicks: true },
    { title: 'Cumulative DSG balance (£m)', unit: 'moneyM', grace: '8%' },
    {
      barLabels: bars.map((x) => x.value),
      // a grey bar that is not the table's figure for its date says so where it is drawn (the report's words say it too)
      footnote: standsIn ? [colours, standsIn] : colours,
      zeroLine: true,
      legendHide: ['Cumulative DSG balance (£m)'],
    },
  );
  return {
    id: 'waterfall-mitigation',
    title,
    alt:
      `Waterfall chart: the scenario has no mitigations, so this shows how the balance builds. From ${fmtBalance(b.openingBalance)} at 31 March ${b.openingBalanceFy + 1}${openingStandsIn(b.openingBalanceFromFy, b.openingBalanceAnchored)}, ` +
      `each financial year adds its in-year balance` +
      (march2028 !== undefined && hz > 2027 ? `, reaching ${fmtBalance(march2028)} at 31 March 2028` : '') +
      ` and ${fmtBalance(last.cumulativeBalance)} at 31 March ${hz + 1}.`,
    config: {
      type: 'bar',
      data: {
        labels: bars.map((x) => wrapLabel(x.label, charsPerBar(bars.length))),
        datasets: [{ label: 'Cumulative DSG balance (£m)', data: bars.map((x) => x.range), backgroundColor: bars.map((x) => x.colour), borderWidth: 0 }],
      },
      options,
    },
  };
}

export function waterfallMitigationChart(r: BudgetedReport): ChartSpec {
  const hz = horizonFy(r);
  const rows = bridgeRows(r, hz);
  if (rows.length === 0) return buildUpChart(r, hz);
  const title = `From the unmitigated to the mitigated DSG balance at 31 March ${hz + 1} (£m)`;
  const unit = moneyUnitOf([r]);
  const steps = rows.map((row, i) => {
    const isTotal = i === 0 || i === rows.length - 1;
    const start = isTotal ? 0 : row.running - row.amount;
    return {
      label: stepName(row.step),
      lever: !isTotal && !isInteractionLine(row.step),
      range: [toMillions(start), toMillions(row.running)],
      value: Number.isFinite(isTotal ? row.running : row.amount) ? fmtMoneyLabel(isTotal ? row.running : row.amount, unit) : '',
      colour: isTotal ? (i === 0 ? GovUk.red : GovUk.blue) : row.amount >= 0 ? GovUk.green : GovUk.red,
    };
  });
  const { labels, key } = waterfallLabels(
    steps.map((s) => s.label),
    steps.map((s) => s.lever),
  );
  const first = rows[0]!;
  const end = rows[rows.length - 1]!;
  const colourNote = 'Green: net saving of a lever (savings minus delivery cost). Red: a deficit or a net cost.';
  const options = cartesianOptions(
    title,
    { title: '', unit: 'none', allTicks: true },
    { title: 'Cumulative DSG balance (£m)', unit: 'moneyM', grace: '8%' },
    {
      barLabels: steps.map((s) => s.value),
      footnote: key.length ? [...key, colourNote] : colourNote,
      zeroLine: true,
      legendHide: ['Cumulative DSG balance (£m)'],
    },
  );
  if (key.length) {
    // the key reads left to right, like the bars
    const plugins = options.plugins as Record<string, Record<string, unknown>>;
    plugins.subtitle = { ...plugins.subtitle, align: 'start' };
  }
  return {
    id: 'waterfall-mitigation',
    title,
    alt:
      `Waterfall chart: without mitigations the balance at 31 March ${hz + 1} is ${fmtBalance(first.running)}; ` +
      rows
        .slice(1, -1)
        .map((x) => `${x.step} ${x.amount >= 0 ? 'saves' : 'costs'} ${fmtMoney(Math.abs(x.amount))}`)
        .join(', ') +
      `; with mitigations the balance is ${fmtBalance(end.running)}.`,
    config: {
      type: 'bar',
      data: {
        labels,
        datasets: [
          {
            label: 'Cumulative DSG balance (£m)',
            data: steps.map((s) => s.range),
            backgroundColor: steps.map((s) => s.colour),
            borderWidth: 0,
          },
        ],
      },
      options,
    },
  };
}

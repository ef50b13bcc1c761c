/** Waterfall (bridge) from the unmitigated to the mitigated cumulative deficit at the horizon. */
import { fmtBalance, fmtMoney } from '../format.ts';
import { GovUk } from '../palette.ts';
import type { BudgetedReport } from '../run-report.ts';
import { horizonFy, isInteractionLine } from '../series.ts';
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

export function waterfallMitigationChart(r: BudgetedReport): ChartSpec {
  const hz = horizonFy(r);
  const rows = bridgeRows(r, hz);
  const last = r.budget.lines[r.budget.lines.length - 1]!.cumulativeBalance;
  const title = rows.length
    ? `From the unmitigated to the mitigated DSG balance at 31 March ${hz + 1} (£m)`
    : `No mitigations in this scenario: cumulative DSG balance at 31 March ${hz + 1} (£m)`;
  const steps = rows.length
    ? rows.map((row, i) => {
        const isTotal = i === 0 || i === rows.length - 1;
        const start = isTotal ? 0 : row.running - row.amount;
        return {
          label: stepName(row.step),
          lever: !isTotal && !isInteractionLine(row.step),
          range: [toMillions(start), toMillions(row.running)],
          colour: isTotal ? (i === 0 ? GovUk.red : GovUk.blue) : row.amount >= 0 ? GovUk.green : GovUk.red,
        };
      })
    : [{ label: 'Cumulative balance', lever: false, range: [0, toMillions(last)], colour: GovUk.blue }];
  const { labels, key } = waterfallLabels(
    steps.map((s) => s.label),
    steps.map((s) => s.lever),
  );
  const first = rows[0];
  const end = rows[rows.length - 1];
  const colourNote = rows.length ? 'Green: net saving of a lever (savings minus delivery cost). Red: a deficit or a net cost.' : 'The scenario has no levers, so there is nothing to bridge.';
  const options = cartesianOptions(
    title,
    { title: '', unit: 'none', allTicks: true },
    { title: 'Cumulative DSG balance (£m)', unit: 'moneyM', grace: '8%' },
    {
      barLabels: 'moneyM',
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
      first && end
        ? `Waterfall chart: without mitigations the balance at 31 March ${hz + 1} is ${fmtBalance(first.running)}; ` +
          rows
            .slice(1, -1)
            .map((x) => `${x.step} ${x.amount >= 0 ? 'saves' : 'costs'} ${fmtMoney(Math.abs(x.amount))}`)
            .join(', ') +
          `; with mitigations the balance is ${fmtBalance(end.running)}.`
        : `This scenario has no mitigations; the balance at 31 March ${hz + 1} is ${fmtBalance(last)}.`,
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
            ...(rows.length ? {} : { maxBarThickness: 160 }),
          },
        ],
      },
      options,
    },
  };
}

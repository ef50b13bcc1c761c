/**
 * The recovery-plan report: one self-contained HTML file (inline CSS, charts as PNG data URIs, no scripts, no
 * external URLs) whose text is generated from the numbers. Pure: RunReport + rendered charts → HTML string.
 */
import { dataUriBase64 } from '../output-guard.ts';
import { financialYearLabel, STATUTORY_OVERRIDE_END_FY } from '../../domain/index.ts';
import type { ChartId, ChartSpec } from '../charts/chart-spec.ts';
import { fmtBalance, fmtCount, fmtMoney, fmtMoneyM, fmtPercent } from '../format.ts';
import { escapeHtml } from '../safe-text.ts';
import type { RunReport } from '../run-report.ts';
import { backtestMethodName, balanceAt, horizonFy, isInteractionLine, netSavingByLever, unmitigatedBalance } from '../series.ts';
import { isSmallCount, SUPPRESSED, suppressionNote } from '../suppress.ts';
import {
  accuracyParagraphs,
  caveatParagraphs,
  dataParagraphs,
  leverParagraphs,
  march2028Paragraphs,
  pathParagraphs,
  scenarioParagraphs,
  transitionParagraphs,
  uncertaintyParagraphs,
} from './narrative.ts';
import { REPORT_CSS } from './styles.ts';

export interface RenderedChart {
  spec: ChartSpec;
  png: Buffer;
}

export interface ReportOptions {
  suppressSmallCounts?: number;
}

const e = escapeHtml;

function paras(ps: string[]): string {
  return ps.map((p) => `<p>${e(p)}</p>`).join('\n');
}

function figure(charts: Map<ChartId, RenderedChart>, id: ChartId, n: number): string {
  const c = charts.get(id);
  if (!c) return '';
  return `<figure id="fig-${id}"><img src="data:image/png;base64,${dataUriBase64(c.png)}" alt="${e(c.spec.alt)}" width="800" height="450"><figcaption>Figure ${n}. ${e(c.spec.title)}</figcaption></figure>`;
}

type Td = { text: string; neg?: boolean };

function table(caption: string, head: string[], rows: Td[][]): string {
  const th = head.map((h) => `<th scope="col">${e(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${e(c.text)}</th>` : `<td${c.neg ? ' class="neg"' : ''}>${e(c.text)}</td>`)).join('')}</tr>`).join('\n');
  return `<div class="table-wrap"><table><caption>${e(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table></div>`;
}

// tables give every row in £m with one decimal, so a column reads in one unit ('£0.9m', not '£862k')
const money = (n: number | undefined): Td => (n === undefined ? { text: '–' } : { text: fmtMoneyM(n), neg: n <= -50_000 });

function card(value: string, label: string, bad = false): string {
  return `<div class="card${bad ? ' bad' : ''}"><span class="v">${e(value)}</span><span class="l">${e(label)}</span></div>`;
}

/**
 * Builds the report HTML.
 * @example const html = buildReportHtml(report, rendered) // '<!doctype html>…'
 */
export function buildReportHtml(r: RunReport, rendered: RenderedChart[], opts: ReportOptions = {}): string {
  const charts = new Map(rendered.map((c) => [c.spec.id, c]));
  const t = opts.suppressSmallCounts ?? 0;
  const count = (n: number): Td => ({ text: t > 1 && isSmallCount(n, t) ? SUPPRESSED : fmtCount(n) });
  const b = r.budget;
  const hz = horizonFy(r);
  const lastYear = r.projection.years[r.projection.years.length - 1]!;
  const qLast = r.projection.totalQuantiles[r.projection.totalQuantiles.length - 1]!;
  const b28 = balanceAt(r, STATUTORY_OVERRIDE_END_FY);
  const u28 = unmitigatedBalance(r, STATUTORY_OVERRIDE_END_FY);
  const allLevers = netSavingByLever(r, hz);
  const levers = allLevers.filter((l) => !isInteractionLine(l.name));
  /** The lever table also shows the interaction line, so its rows add up to the bridge's total. */
  const leverRows = [...levers, ...allLevers.filter((l) => isInteractionLine(l.name) && Math.abs(l.netSaving) >= 0.5)];
  let fig = 0;
  const f = (id: ChartId) => figure(charts, id, ++fig);

  const cards = [
    card(fmtCount(r.projection.totalQuantiles[0]!.p50), `EHC plans, January ${r.baseYear}`),
    card(fmtCount(qLast.p50), `EHC plans projected, January ${lastYear} (range ${fmtCount(qLast.p10)}–${fmtCount(qLast.p90)})`),
    ...(b28 !== undefined ? [card(fmtMoney(b28), `Cumulative DSG balance at 31 March 2028${u28 !== undefined ? ` (unmitigated ${fmtMoney(u28)})` : ''}`, b28 < 0)] : []),
    card(fmtMoney(b.lines[b.lines.length - 1]!.cumulativeBalance), `Cumulative DSG balance at 31 March ${hz + 1}`, b.lines[b.lines.length - 1]!.cumulativeBalance < 0),
  ].join('');

  const fyTable = table(
    'Budget by financial year (central path)',
    ['Financial year', 'Expenditure', 'Income', 'In-year balance', 'Cumulative balance', ...(b.unmitigated ? ['Unmitigated cumulative'] : [])],
    b.lines.map((l, i) => [
      { text: financialYearLabel(l.fy) },
      money(l.expenditure),
      money(l.income),
      money(l.inYearBalance),
      money(l.cumulativeBalance),
      ...(b.unmitigated ? [money(b.unmitigated[i]?.cumulativeBalance)] : []),
    ]),
  );
  const plansTable = table(
    'EHC plans at each January census',
    ['Census', 'Low (P10)', 'Central (P50)', 'High (P90)'],
    r.projection.years.map((y, i) => {
      const q = r.projection.totalQuantiles[i]!;
      return [{ text: `${y}${y === r.baseYear ? ' (actual)' : ''}` }, count(q.p10), count(q.p50), count(q.p90)];
    }),
  );
  const leverTable = levers.length
    ? table(
        `Levers: totals to 31 March ${hz + 1}`,
        ['Lever', 'Plans avoided (final year)', 'Spend avoided', 'Cost of delivery', 'Net saving'],
        leverRows.map((l) => [{ text: l.name }, count(l.plansAvoided), money(l.spendAvoided), money(-l.deliveryCost), money(l.netSaving)]),
      )
    : '';
  const backtestTable = r.backtest.length
    ? table(
        'Accuracy on past years: mean absolute percentage error of total plans',
        ['Method', ...[...new Set(r.backtest.map((x) => x.horizon))].sort((a, b2) => a - b2).map((h) => `${h} year${h > 1 ? 's' : ''} ahead`)],
        [...new Set(r.backtest.map((x) => x.method))].map((m) => [
          { text: backtestMethodName(m) },
          ...[...new Set(r.backtest.map((x) => x.horizon))]
            .sort((a, b2) => a - b2)
            .map((h) => {
              const row = r.backtest.find((x) => x.method === m && x.horizon === h);
              return { text: row ? fmtPercent(row.mape) : '–' };
            }),
        ]),
      )
    : '';
  const notes = [
    ...r.dataQuality.map((d) => `${d.severity === 'warning' ? 'Warning' : 'Note'}: ${d.path ? `${d.path}${d.line ? ` line ${d.line}` : ''}${d.column ? ` (${d.column})` : ''}: ` : ''}${d.message}`),
    ...b.warnings.filter((w) => !r.dataQuality.some((d) => d.message === w)).map((w) => `Budget warning: ${w}`),
    ...(t > 1 ? [suppressionNote(t)] : []),
  ];
  const title = `High Needs recovery plan: ${r.la.name}`;
  const chapters: Array<[string, string, string]> = [
    ['data', 'What the data show', paras(dataParagraphs(r)) + f('fan-total-plans') + f('plans-by-placement')],
    ['scenario', 'What the scenario assumes', paras(scenarioParagraphs(r))],
    ['paths', 'Unmitigated and mitigated paths', paras(pathParagraphs(r)) + f('dsg-balance') + fyTable + f('expenditure-by-group')],
    ['march-2028', 'The deficit at 31 March 2028', paras(march2028Paragraphs(r))],
    ['levers', 'Levers and their savings', paras(leverParagraphs(r)) + leverTable + f('waterfall-mitigation')],
    ['transitions', 'Transitions and the age profile', paras(transitionParagraphs(r)) + f('sankey-y6-y7') + f('age-profile')],
    ['uncertainty', 'Uncertainty', paras(uncertaintyParagraphs(r)) + plansTable + f('tornado-deficit')],
    ['accuracy', 'How accurate the model has been', paras(accuracyParagraphs(r)) + backtestTable],
    ['caveats', 'Caveats', paras(caveatParagraphs(r)) + (notes.length ? `<h3>Data notes</h3><ul>${notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>` : '')],
    [
      'provenance',
      'How this report was made',
      `<p>${e(`Made by ${r.tool.name} ${r.tool.version} on ${r.runDate.slice(0, 10)} from scenario file ${r.scenario.file} with ${fmtCount(r.projection.draws)} simulated futures (seed ${r.projection.seed}). The workbook beside this report holds every table, assumption and source.`)}</p>` +
        `<ul class="small">${r.inputs.map((i) => `<li>${e(i.path)} (${e(i.reader)}, ${fmtCount(i.rows)} rows) <span class="hash">SHA-256 ${e(i.sha256)}</span></li>`).join('')}</ul>`,
    ],
  ];
  const summary =
    `${r.la.name} has ${fmtCount(r.projection.totalQuantiles[0]!.p50)} EHC plans (January ${r.baseYear}); on scenario “${r.scenario.name}” this becomes ${fmtCount(qLast.p50)} by January ${lastYear}. ` +
    (b28 !== undefined ? `The cumulative DSG balance at 31 March 2028 is projected at ${fmtBalance(b28)}. ` : '') +
    (levers.length
      ? `${levers.length === 1 ? 'The one lever saves' : `Together the ${levers.length} levers save`} ${fmtMoney(netSavingByLever(r, hz).reduce((s, l) => s + l.netSaving, 0))} net of delivery costs by 31 March ${hz + 1}.`
      : 'No mitigations are assumed.');

  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${e(`${r.tool.name} ${r.tool.version}`)}">
<title>${e(`${title} — ${r.scenario.name}`)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>${e(title)}</h1>
<p class="meta">${e(`Scenario: ${r.scenario.name} · base year ${r.baseYear} · horizon ${financialYearLabel(hz)} · produced ${r.runDate.slice(0, 10)}`)}</p>
</header>
<main>
<section id="summary"><h2>Summary</h2><p>${e(summary)}</p><div class="cards">${cards}</div>
<nav aria-label="Contents"><ol>${chapters.map(([id, h]) => `<li><a href="#${id}">${e(h)}</a></li>`).join('')}</ol></nav></section>
${chapters.map(([id, h, body]) => `<section class="chapter" id="${id}"><h2>${e(h)}</h2>\n${body}\n</section>`).join('\n')}
</main>
</body>
</html>
`;
}

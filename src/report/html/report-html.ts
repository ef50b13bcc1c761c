/**
 * The recovery-plan report: one self-contained HTML file (inline CSS, charts as PNG data URIs, no scripts, no
 * external URLs) whose text is generated from the numbers. Pure: RunReport + rendered charts → HTML string.
 */
import { financialYearLabel, horizonBalanceIsApart, STATUTORY_OVERRIDE_END_FY } from '../../domain/index.ts';
import { showsCapital } from '../../budget/general-fund.ts';
import type { ChartId } from '../charts/chart-spec.ts';
import { fmtBalance, fmtCount, fmtMoney, fmtPercent } from '../format.ts';
import { escapeHtml } from '../safe-text.ts';

const e = escapeHtml;
import { card, figure, moneyCellsFor, paras, table, type MoneyTd, type RenderedChart, type Td } from './html-parts.ts';
import { hasBudget, type BacktestRow, type BudgetedReport, type RunReport } from '../run-report.ts';
import { backtestMethodName, balanceAt, basePlans, horizonFy, isInteractionLine, movesObserved, netSavingByLever, plansQuantilesAt, unmitigatedBalance } from '../series.ts';
import { isSmallCount, placesHidden, SUPPRESSED, suppressedText, suppressionNote } from '../suppress.ts';
import {
  accuracyParagraphs,
  caveatParagraphs,
  dataParagraphs,
  leverParagraphs,
  march2028Paragraphs,
  pathParagraphs,
  plansPathParagraphs,
  scenarioParagraphs,
  transitionParagraphs,
  uncertaintyParagraphs,
} from './narrative.ts';
import { REPORT_CSS } from './styles.ts';
import { afterOverrideParagraphs, goalSeekParagraphs, isRealGap, placesParagraphs, reconciliationParagraphs } from './budget-narrative.ts';
import { counted } from '../../util/plural.ts';
import { moneyReferenceMsg, reportMsg } from '../../messages/index.ts';
import { possessive } from '../../util/possessive.ts';

export type { RenderedChart } from './html-parts.ts';

export interface ReportOptions {
  suppressSmallCounts?: number;
}

/** The general-fund view: balance, reserves, interest by financial year. */
function generalFundTable(r: RunReport, money: MoneyTd): string {
  const gf = r.budget?.generalFund;
  if (!gf || gf.years.length === 0) return '';
  // no capacity change with a capital cost: no capital column (£0.0m in every year)
  const capital = showsCapital(gf);
  return table(
    'After the override: deficit, reserves and the cost of carrying it (general fund)',
    ['Financial year', 'Cumulative DSG balance', 'Usable reserves', 'Interest (general fund)', ...(capital ? ['Capital cost of new places'] : [])],
    gf.years.map((y) => [
      { text: financialYearLabel(y.fy) }, money(y.dsgBalance), money(y.usableReserves), money(-y.interest),
      ...(capital ? [money(y.capitalCost === undefined ? undefined : -y.capitalCost)] : []),
    ]),
  );
}

/**
 * Places against plans in the last financial year, per placement with places. Places, plans and the gap are counts, as
 * in the workbook's Places and plans sheet: with suppression a small one reads [c] (`count`), as its cells do.
 */
function placesTable(r: RunReport, money: MoneyTd, count: (n: number) => Td, threshold: number): string {
  const rows = r.budget?.placesVsPlans ?? [];
  if (rows.length === 0) return '';
  const last = Math.max(...rows.map((g) => g.fy));
  return table(
    `Places against plans in ${financialYearLabel(last)} and the yearly cost of the gap`,
    ['Placement', 'Funded places', 'Plans', 'Beyond places', 'As top-ups', 'As more places', 'As ISS fees'],
    rows
      .filter((g) => g.fy === last)
      .map((g) => {
        // a gap under half a plan reads 0 in the table and is not costed, as the words above it do not speak of it
        const real = isRealGap(g);
        // the cells the sheet hides, small or beside a shown total (placesHidden): the report hides the same
        const hidden = placesHidden(g, threshold);
        const c = (k: 'places' | 'plans' | 'gap', n: number): Td => (hidden.has(k) ? { text: SUPPRESSED } : count(n));
        return [{ text: g.placement }, c('places', g.places), c('plans', g.plans), real ? c('gap', g.gap) : count(0), ...[g.costAsTopUps, g.costAsPlaces, g.costAsIssFees].map((c) => money(real ? c : undefined))];
      }),
  );
}

/**
 * The notes that say the spend or the block is probably in other units or per another period, at the head of the
 * chapter whose table gives the spend (a surplus made by unit costs per term read as a finding there, the note on
 * the Caveats page alone).
 */
function spendWarnings(r: RunReport, t: number): string {
  const notes = r.budget?.spendNotes ?? [];
  if (notes.length === 0) return '';
  return `<div class="warn"><p><strong>${e(moneyReferenceMsg.spendNotesHeading(notes.length))}</strong></p><ul>${notes.map((n) => `<li>${e(suppressedText(n, t))}</li>`).join('')}</ul></div>`;
}

/**
 * Builds the report HTML.
 * @example const html = buildReportHtml(report, rendered) // '<!doctype html>…'
 */
export function buildReportHtml(r: RunReport, rendered: RenderedChart[], opts: ReportOptions = {}): string {
  const charts = new Map(rendered.map((c) => [c.spec.id, c]));
  const t = opts.suppressSmallCounts ?? 0;
  const count = (n: number): Td => ({ text: t > 1 && isSmallCount(n, t) ? SUPPRESSED : fmtCount(n) });
  // written for publication with suppression, the prose gives no small count of plans either ("fewer than 5 plans")
  const prose = (xs: readonly string[]): string => paras(xs.map((x) => suppressedText(x, t)));
  const lastYear = r.projection.years[r.projection.years.length - 1]!;
  const qLast = r.projection.totalQuantiles[r.projection.totalQuantiles.length - 1]!;
  let fig = 0;
  const f = (id: ChartId) => figure(charts, id, ++fig);
  const money = moneyCellsFor([r]);
  const m = hasBudget(r) ? moneyParts(r, count, money) : undefined;
  const cards = [
    card(count(basePlans(r)).text, `EHC plans, January ${r.baseYear}`),
    card(count(qLast.p50).text, `EHC plans projected, January ${lastYear}${r.projection.draws > 0 ? ` (range ${count(qLast.p10).text}–${count(qLast.p90).text})` : ' (one path: --draws 0 gives no range)'}`),
    ...(m?.cards ?? []),
  ].join('');
  const plansTable = table(
    'EHC plans at each January census',
    ['Census', 'Low (P10)', 'Central (P50)', 'High (P90)'],
    r.projection.years.map((y, i) => {
      const q = plansQuantilesAt(r, i);
      return [{ text: `${y}${y === r.baseYear ? ' (actual)' : ''}` }, count(q.p10), count(q.p50), count(q.p90)];
    }),
  );
  const scoreTable = (title: string, rows: readonly BacktestRow[]): string => {
    if (!rows.length) return '';
    const horizons = [...new Set(rows.map((x) => x.horizon))].sort((a, b2) => a - b2);
    return table(
      title,
      ['Method', ...horizons.map((h) => `${h} year${h > 1 ? 's' : ''} ahead`)],
      [...new Set(rows.map((x) => x.method))].map((method) => [
        { text: backtestMethodName(method) },
        ...horizons.map((h) => {
          const row = rows.find((x) => x.method === method && x.horizon === h);
          return { text: row ? fmtPercent(row.mape) : '–' };
        }),
      ]),
    );
  };
  const backtestTable =
    scoreTable(`Accuracy on ${possessive(r.la.name)} past years: mean absolute percentage error of total plans`, r.backtest) +
    (r.backtestAll ? scoreTable(`Accuracy across ${reportMsg.scoredAcross(r.backtestAll.las)}: mean absolute percentage error of total plans`, r.backtestAll.rows) : '');
  const notes = [
    ...r.dataQuality.map((d) => `${d.severity === 'warning' ? 'Warning' : 'Note'}: ${d.path ? `${d.path}${d.line ? ` line ${d.line}` : ''}${d.column ? ` (${d.column})` : ''}: ` : ''}${d.message}`),
    ...(r.budget?.warnings ?? []).filter((w) => !r.dataQuality.some((d) => d.message === w)).map((w) => `Budget warning: ${w}`),
    ...(t > 1 ? [suppressionNote(t)] : []),
  ];
  const title = `High Needs recovery plan: ${r.la.name}`;
  const chapters: Array<[string, string, string]> = [
    ['data', 'What the data show', prose(dataParagraphs(r, t)) + f('fan-total-plans') + f('plans-by-placement')],
    ['scenario', 'What the scenario assumes', prose([...goalSeekParagraphs(r), ...scenarioParagraphs(r), ...reconciliationParagraphs(r)])],
    ...(m
      ? ([
          ['paths', 'Unmitigated and mitigated paths', spendWarnings(m.r, t) + prose(pathParagraphs(m.r)) + f('dsg-balance') + m.fyTable + f('expenditure-by-group')],
          ['march-2028', 'The deficit at 31 March 2028 and after', prose([...march2028Paragraphs(m.r), ...afterOverrideParagraphs(m.r)]) + generalFundTable(m.r, money)],
          ['places', 'Places and plans', prose(placesParagraphs(m.r)) + placesTable(m.r, money, count, t)],
          ['levers', 'Levers and their savings', prose(leverParagraphs(m.r)) + m.leverTable + f('waterfall-mitigation')],
        ] as Array<[string, string, string]>)
      : ([['plans', 'Projected plans', prose(plansPathParagraphs(r))]] as Array<[string, string, string]>)),
    // the Sankey only where the data show moves (published totals record none)
    ['transitions', 'Transitions and the age profile', prose(transitionParagraphs(r)) + (movesObserved(r) ? f('sankey-y6-y7') : '') + f('age-profile')],
    ['uncertainty', 'Uncertainty', prose(uncertaintyParagraphs(r)) + plansTable + (m ? f('tornado-deficit') : '')],
    ['accuracy', 'How accurate the model has been', prose(accuracyParagraphs(r)) + backtestTable],
    ['caveats', 'Caveats', prose(caveatParagraphs(r)) + (notes.length ? `<h3>Data notes</h3><ul>${notes.map((n) => `<li>${e(suppressedText(n, t))}</li>`).join('')}</ul>` : '')],
    [
      'provenance',
      'How this report was made',
      `<p>${e(`Made by ${r.tool.name} ${r.tool.version} on ${r.runDate.slice(0, 10)} from scenario file ${r.scenario.file} with ${fmtCount(r.projection.draws)} simulated futures (seed ${r.projection.seed}). The workbook beside this report holds every table, assumption and source.`)}</p>` +
        `<ul class="small">${r.inputs.map((i) => `<li>${e(i.path)} (${e(i.reader)}, ${counted(i.rows, 'row', 'rows', fmtCount)}) <span class="hash">SHA-256 ${e(i.sha256)}</span></li>`).join('')}</ul>`,
    ],
  ];
  const summary =
    `${r.la.name} has ${count(basePlans(r)).text} EHC plans (January ${r.baseYear}); on scenario “${r.scenario.name}” this becomes ${count(qLast.p50).text} by January ${lastYear}. ` +
    (m ? m.summary : 'This run projects plans only (--demand-only): it has no costs, funding or balances.') +
    (r.budget?.goalSeek ? ` ${goalSeekParagraphs(r)[0]}` : '');

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
<p class="meta">${e(`Scenario: ${r.scenario.name} · base year ${r.baseYear} · horizon January ${lastYear} · produced ${r.runDate.slice(0, 10)}`)}</p>
</header>
<main>
<section id="summary"><h2>Summary</h2><p>${e(suppressedText(summary, t))}</p><div class="cards">${cards}</div>
<nav aria-label="Contents"><ol>${chapters.map(([id, h]) => `<li><a href="#${id}">${e(h)}</a></li>`).join('')}</ol></nav></section>
${chapters.map(([id, h, body]) => `<section class="chapter" id="${id}"><h2>${e(h)}</h2>\n${body}\n</section>`).join('\n')}
</main>
</body>
</html>
`;
}

/** The money pieces of the report: cards, budget table, lever table, summary sentence (not in a demand-only run). */
function moneyParts(r: BudgetedReport, count: (n: number) => Td, money: MoneyTd) {
  const b = r.budget;
  const hz = horizonFy(r);
  const b28 = balanceAt(r, STATUTORY_OVERRIDE_END_FY);
  const u28 = unmitigatedBalance(r, STATUTORY_OVERRIDE_END_FY);
  const allLevers = netSavingByLever(r, hz);
  const levers = allLevers.filter((l) => !isInteractionLine(l.name));
  /** The lever table also shows the interaction line, so its rows add up to the bridge's total. */
  const leverRows = [...levers, ...allLevers.filter((l) => isInteractionLine(l.name) && Math.abs(l.netSaving) >= 0.5)];
  const last = b.lines[b.lines.length - 1]!;
  const cards = [
    ...(b28 !== undefined ? [card(fmtMoney(b28), `Cumulative DSG balance at 31 March 2028${u28 !== undefined ? ` (unmitigated ${fmtMoney(u28)})` : ''}`, b28 < 0)] : []),
    ...(b28 === undefined || horizonBalanceIsApart(hz) ? [card(fmtMoney(last.cumulativeBalance), `Cumulative DSG balance at 31 March ${hz + 1}`, last.cumulativeBalance < 0)] : []),
  ];
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
  const leverTable = levers.length
    ? table(
        `Levers: totals to 31 March ${hz + 1}`,
        ['Lever', 'Plans avoided (final year)', 'Spend avoided', 'Cost of delivery', 'Net saving'],
        leverRows.map((l) => [{ text: l.name }, count(l.plansAvoided), money(l.spendAvoided), money(-l.deliveryCost), money(l.netSaving)]),
      )
    : '';
  const summary =
    (b28 !== undefined ? `The cumulative DSG balance at 31 March 2028 is projected at ${fmtBalance(b28)}. ` : '') +
    (levers.length
      ? `${levers.length === 1 ? 'The one lever saves' : `Together the ${levers.length} levers save`} ${fmtMoney(allLevers.reduce((s, l) => s + l.netSaving, 0))} net of delivery costs by 31 March ${hz + 1}.`
      : 'No mitigations are assumed.');
  return { r, cards, fyTable, leverTable, summary };
}

/**
 * The scenario comparison report: one self-contained HTML file like the recovery-plan report (inline CSS, charts
 * as PNG data URIs, no scripts, prints to A4) that says what differs between the scenarios, sets their headline
 * figures side by side and shows the balance and plans charts. Pure: RunReports + rendered charts → HTML.
 */
import { financialYearLabel, horizonBalanceIsApart, STATUTORY_OVERRIDE_END_FY } from '../../domain/index.ts';
import { reportMsg } from '../../messages/index.ts';
import type { ChartId } from '../charts/chart-spec.ts';
import { fmtBalance, fmtCount, fmtMoney } from '../format.ts';
import type { BudgetedReport, RunReport } from '../run-report.ts';
import { escapeHtml as e } from '../safe-text.ts';
import { baseYearsLabel, comparisonReach, type ComparisonReach } from '../comparison-reach.ts';
import { balanceAt, basePlans, netSavingByLever, plansQuantilesAt } from '../series.ts';
import { allBudgeted, scenarioLabels } from '../workbook/build-comparison.ts';
import { card, figure, isNilMoney, moneyCellsFor, paras, table, type RenderedChart, type Td } from './html-parts.ts';
import { scenarioDifferences } from './scenario-differences.ts';
import { REPORT_CSS } from './styles.ts';

const last = <T>(xs: T[]): T => xs[xs.length - 1]!;

/** The row label and value of one headline measure for each scenario. */
interface Measure {
  label: string;
  values: Array<number | undefined>;
  kind: 'count' | 'money';
}

/** P10, P50 and P90 of a run's plans at a census year it projects (the data at its base year), else undefined. */
function plansAt(r: RunReport, year: number): { p10: number; p50: number; p90: number } | undefined {
  const i = r.projection.years.indexOf(year);
  return i < 0 ? undefined : plansQuantilesAt(r, i);
}

/**
 * The headline measures, at the first scenario's base year, the latest January every scenario reaches and the first
 * and last financial years every one prices (comparison-reach.ts): a scenario that does not reach a year is no
 * figure there ('–'), never another year's figure under this one's label.
 */
function measures(reports: RunReport[], budgeted: BudgetedReport[] | undefined, reach: ComparisonReach): Measure[] {
  const baseYear = reports[0]!.baseYear;
  const out: Measure[] = [
    { label: `EHC plans, January ${baseYear} (actual)`, values: reports.map((r) => (r.baseYear === baseYear ? basePlans(r) : undefined)), kind: 'count' },
  ];
  const lastYear = reach.years.length ? last(reach.years) : undefined;
  if (lastYear !== undefined) {
    out.push(
      { label: `EHC plans, January ${lastYear} (central)`, values: reports.map((r) => plansAt(r, lastYear)?.p50), kind: 'count' },
      { label: `EHC plans, January ${lastYear}: low (P10)`, values: reports.map((r) => plansAt(r, lastYear)?.p10), kind: 'count' },
      { label: `EHC plans, January ${lastYear}: high (P90)`, values: reports.map((r) => plansAt(r, lastYear)?.p90), kind: 'count' },
    );
  }
  if (!budgeted) return out;
  const exp = (r: BudgetedReport, fy: number) => r.budget.lines.find((l) => l.fy === fy)?.expenditure;
  const override = { label: 'Cumulative DSG balance at 31 March 2028', values: budgeted.map((r) => balanceAt(r, STATUTORY_OVERRIDE_END_FY)), kind: 'money' as const };
  if (!reach.fys.length) return [...out, override];
  const fy0 = reach.fys[0]!;
  const fyH = last(reach.fys);
  out.push(
    // one row when every scenario shares only one financial year
    ...[...new Set([fy0, fyH])].map((fy) => ({ label: `High Needs expenditure ${financialYearLabel(fy)}`, values: budgeted.map((r) => exp(r, fy)), kind: 'money' as const })),
    override,
    ...(horizonBalanceIsApart(fyH) ? [{ label: `Cumulative DSG balance at 31 March ${fyH + 1}`, values: budgeted.map((r) => balanceAt(r, fyH)), kind: 'money' as const }] : []),
    {
      label: `Net saving of the levers to 31 March ${fyH + 1}`,
      // '–' for a scenario without levers: no saving is claimed, rather than a saving of £0
      values: budgeted.map((r) => (r.scenario.mitigations.length ? netSavingByLever(r, fyH).reduce((s, l) => s + l.netSaving, 0) : undefined)),
      kind: 'money',
    },
  );
  return out;
}

const countTd = (n: number | undefined): Td => ({ text: n === undefined ? '–' : fmtCount(n) });
const signedCount = (n: number | undefined): Td => ({ text: n === undefined ? '–' : `${Math.round(n) > 0 ? '+' : ''}${fmtCount(n)}` });

function summaryText(reports: RunReport[], labels: string[], budgeted: BudgetedReport[] | undefined, reach: ComparisonReach): string {
  const first = reports[0]!;
  let s = reports.every((r) => r.baseYear === first.baseYear)
    ? `${reports.length} scenarios for ${first.la.name}, from ${fmtCount(basePlans(first))} EHC plans in January ${first.baseYear}.`
    : `${reports.length} scenarios for ${first.la.name}, from ${reports.map((r, i) => `January ${r.baseYear} on “${labels[i]}”`).join(', ')}.`;
  const lastYear = reach.years.length ? last(reach.years) : undefined;
  if (lastYear !== undefined) {
    const byPlans = reports.map((r, i) => ({ i, v: plansAt(r, lastYear)!.p50 })).sort((a, b) => a.v - b.v);
    const lo = byPlans[0]!;
    const hi = last(byPlans);
    s += ` By January ${lastYear} plans reach ${fmtCount(lo.v)} on “${labels[lo.i]}” and ${fmtCount(hi.v)} on “${labels[hi.i]}”.`;
  }
  if (budgeted) {
    const b28 = budgeted.map((r, i) => ({ i, v: balanceAt(r, STATUTORY_OVERRIDE_END_FY) })).filter((x): x is { i: number; v: number } => x.v !== undefined);
    if (b28.length === 1 && budgeted.length > 1) s += ` ${reportMsg.overrideBalanceOfOne(fmtBalance(b28[0]!.v), labels[b28[0]!.i]!)}`;
    else if (b28.length) {
      b28.sort((a, b) => a.v - b.v);
      const worst = b28[0]!;
      const best = last(b28);
      s += ` At 31 March 2028, when the statutory override ends, the cumulative DSG balance runs from ${fmtBalance(worst.v)} on “${labels[worst.i]}” to ${fmtBalance(best.v)} on “${labels[best.i]}”.`;
    }
  } else s += ' These runs project plans only (--demand-only), so no money is compared.';
  return reach.note ? `${s} ${reach.note}` : s;
}

/**
 * Builds the comparison report HTML.
 * @example buildComparisonHtml([baseline, mitigated], rendered) // '<!doctype html>…'
 */
export function buildComparisonHtml(reports: RunReport[], rendered: RenderedChart[]): string {
  const charts = new Map(rendered.map((c) => [c.spec.id, c]));
  const first = reports[0]!;
  const labels = scenarioLabels(reports);
  const budgeted = allBudgeted(reports) ? reports : undefined;
  let fig = 0;
  const f = (id: ChartId) => figure(charts, id, ++fig);
  const reach = comparisonReach(reports, labels);
  const ms = measures(reports, budgeted, reach);
  const money = moneyCellsFor(reports);
  const side = table(
    'Headline figures (central path of each scenario unless marked)',
    ['Measure', ...labels],
    ms.map((m) => [{ text: m.label }, ...m.values.map((v) => (m.kind === 'count' ? countTd(v) : money(v)))]),
  );
  const diff =
    reports.length > 1
      ? table(
          `Difference from “${labels[0]}”`,
          ['Measure', ...labels.slice(1)],
          ms
            .filter((m) => !/P10|P90|actual/.test(m.label))
            .map((m) => [
              { text: m.label },
              ...m.values.slice(1).map((v) => {
                const d = v === undefined || m.values[0] === undefined ? undefined : v - m.values[0];
                if (m.kind === 'count') return signedCount(d);
                const td = money(d);
                return d !== undefined && !isNilMoney(td.text) && !td.text.startsWith('-') ? { ...td, text: `+${td.text}` } : td;
              }),
            ]),
        )
      : '';
  const scenariosTable = table(
    'The scenarios',
    ['Scenario', 'What it assumes', 'File'],
    reports.map((r, i) => [{ text: labels[i]! }, { text: r.scenario.description?.trim() || '(no description in the scenario file)', prose: true }, { text: r.scenario.file, prose: true }]),
  );
  const differences = reports.slice(1).map((r, k) => {
    // the base years the runs started from, not as the files give them: a file without base_year starts from the
    // data's latest census, which another file may name
    const d = scenarioDifferences({ ...first.scenario, base_year: first.baseYear }, { ...r.scenario, base_year: r.baseYear }, r.baseYear);
    return `<h3>${e(labels[k + 1]!)}</h3>${d.length ? `<ul>${d.map((x) => `<li>${e(x)}</li>`).join('')}</ul>` : `<p>${e(`Its settings are the same as “${labels[0]}”.`)}</p>`}`;
  });
  const cards = budgeted
    ? budgeted
        .map((r, i) => {
          const b = balanceAt(r, STATUTORY_OVERRIDE_END_FY);
          return b === undefined ? '' : card(fmtMoney(b), `${labels[i]}: cumulative DSG balance at 31 March 2028`, b < 0);
        })
        .join('')
    : reports.map((r, i) => card(fmtCount(last(r.projection.totalQuantiles).p50), `${labels[i]}: EHC plans, January ${last(r.projection.years)}`)).join('');
  const links = reports.map((r, i) => `<li>${e(labels[i]!)}: <a href="${e(`../${r.scenario.id}/recovery-plan-${r.scenario.id}.html`)}">recovery-plan report</a> and workbook <span class="small">${e(`../${r.scenario.id}/highneeds-${r.scenario.id}.xlsx`)}</span></li>`);
  const title = `High Needs scenarios compared: ${first.la.name}`;
  const chapters: Array<[string, string, string]> = [
    ['scenarios', 'The scenarios', scenariosTable],
    ['differences', 'What differs between the scenarios', `<p>${e(`Each scenario against “${labels[0]}”, setting by setting.`)}</p>${differences.join('\n')}`],
    ['figures', 'Headline figures side by side', (reach.note ? paras([reach.note]) : '') + side + diff],
    ['charts', budgeted ? 'The DSG balance and plans by scenario' : 'Plans by scenario', (budgeted ? f('compare-balance') : '') + f('compare-plans')],
    ['reading', 'How to read this comparison', paras([reportMsg.centralPathNote(first.projection.draws), 'Every scenario ran on the same data with the same random seed, so differences between them come from their settings, not from chance.'])],
    ['runs', 'Each scenario in full', `<ul>${links.join('')}</ul>`],
  ];
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${e(`${first.tool.name} ${first.tool.version}`)}">
<title>${e(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>${e(title)}</h1>
<p class="meta">${e(`${reports.length} scenarios · ${baseYearsLabel(reports)} · produced ${first.runDate.slice(0, 10)}`)}</p>
</header>
<main>
<section id="summary"><h2>Summary</h2><p>${e(summaryText(reports, labels, budgeted, reach))}</p><div class="cards">${cards}</div>
<nav aria-label="Contents"><ol>${chapters.map(([id, h]) => `<li><a href="#${id}">${e(h)}</a></li>`).join('')}</ol></nav></section>
${chapters.map(([id, h, body]) => `<section class="chapter" id="${id}"><h2>${e(h)}</h2>\n${body}\n</section>`).join('\n')}
</main>
</body>
</html>
`;
}

/** Mitigations sheet: per lever and financial year, plans and spend avoided, cost of delivery, net saving; the bridge. */
import { financialYearLabel, STATUTORY_OVERRIDE_END_FY } from '../../../domain/index.ts';
import type { BudgetedReport } from '../../run-report.ts';
import { balanceAt, horizonFy, netSavingByLever, unmitigatedBalance } from '../../series.ts';
import type { Cell, Sheet } from '../model.ts';
import { col, count, money } from '../table-helpers.ts';

/** The bridge from the unmitigated to the mitigated cumulative balance at the end of financial year `fy`. */
export function bridgeRows(r: BudgetedReport, fy: number): Array<{ step: string; amount: number; running: number }> {
  const given = r.budget.bridges?.find((x) => x.fy === fy);
  if (given) {
    const out = [{ step: 'Unmitigated cumulative balance', amount: given.unmitigatedCumulative, running: given.unmitigatedCumulative }];
    let running = given.unmitigatedCumulative;
    for (const s of given.steps) {
      running += s.amount;
      out.push({ step: s.name, amount: s.amount, running });
    }
    out.push({ step: 'Mitigated cumulative balance', amount: given.mitigatedCumulative, running: given.mitigatedCumulative });
    return out;
  }
  const u = unmitigatedBalance(r, fy);
  const m = balanceAt(r, fy);
  if (u === undefined || m === undefined) return [];
  const out = [{ step: 'Unmitigated cumulative balance', amount: u, running: u }];
  let running = u;
  for (const l of netSavingByLever(r, fy)) {
    running += l.netSaving;
    out.push({ step: l.name, amount: l.netSaving, running });
  }
  const residual = m - running;
  if (Math.abs(residual) >= 1) out.push({ step: 'Interaction between levers', amount: residual, running: m });
  out.push({ step: 'Mitigated cumulative balance', amount: m, running: m });
  return out;
}

export function mitigationsSheet(r: BudgetedReport): Sheet {
  const rows: Cell[][] = r.budget.mitigations.map((m) => [
    m.name,
    financialYearLabel(m.fy),
    count(m.plansAvoided),
    money(m.spendAvoided),
    money(m.deliveryCost),
    money(m.netSaving),
  ]);
  const hz = horizonFy(r);
  const b28 = bridgeRows(r, STATUTORY_OVERRIDE_END_FY);
  const bHz = bridgeRows(r, hz);
  const bridge: Cell[][] = bHz.map((row) => [row.step, money(b28.find((x) => x.step === row.step)?.amount), money(row.amount)]);
  const noLevers = rows.length === 0;
  return {
    name: 'Mitigations',
    title: 'Mitigations: what each lever saves',
    intro: noLevers
      ? ['This scenario has no mitigations: the mitigated and unmitigated paths are the same.']
      : [
          'Net saving = spend avoided − cost of delivering the lever. Plans avoided are plans that would otherwise exist at the census.',
          'The bridge adds each lever’s net savings to date to the unmitigated balance; the remainder is the interaction between levers.',
        ],
    tables: [
      {
        name: 'Mitigations_by_year',
        title: 'By lever and financial year',
        columns: [
          col('Lever', 'text'),
          col('Financial year', 'text'),
          col('Plans avoided', 'count'),
          col('Spend avoided (£)', 'money'),
          col('Cost of delivery (£)', 'money'),
          col('Net saving (£)', 'money'),
        ],
        rows: noLevers ? [['(no mitigations in this scenario)', '', null, null, null, null]] : rows,
      },
      {
        name: 'Mitigations_bridge',
        title: 'Bridge from the unmitigated to the mitigated deficit',
        columns: [col('Step', 'text'), col('At 31 March 2028 (£)', 'money'), col(`At 31 March ${hz + 1} (£)`, 'money')],
        rows: bridge.length ? bridge : [['(no unmitigated path: the scenario has no mitigations)', null, null]],
      },
    ],
    charts: ['waterfall-mitigation'],
    freezeColumns: 1,
  };
}

/**
 * The Section 251 tables of the DSG management plan sheet: expenditure by Section 251 line and financial year,
 * the unmitigated block and the mitigated block side by side (as the DfE template sets them out), then income and
 * the balances; and the base-year reconciliation to the council's outturn.
 */
import { financialYearLabel } from '../../../domain/index.ts';
import { SECTION_251_CODES, SECTION_251_LINES } from '../../../budget/section-251.ts';
import type { RunReport } from '../../run-report.ts';
import type { Cell, Table } from '../model.ts';
import { col, money, share } from '../table-helpers.ts';

export function section251Tables(r: RunReport): Table[] {
  const b = r.budget;
  const s = b?.section251;
  if (!b || !s) return [];
  const L = b.lines;
  const U = b.unmitigated ?? L;
  const mit = s.mitigated;
  const unm = s.unmitigated ?? s.mitigated;
  const fys = L.map((l) => financialYearLabel(l.fy));
  const columns = [
    col('Section 251 line', 'text'),
    ...fys.map((f) => col(`Unmitigated ${f} (£)`, 'money')),
    ...fys.map((f) => col(`Mitigated ${f} (£)`, 'money')),
  ];
  const used = SECTION_251_CODES.filter((c) => mit.some((y) => y.byLine[c] !== 0) || unm.some((y) => y.byLine[c] !== 0));
  const rows: Cell[][] = used.map((c) => [SECTION_251_LINES[c].label, ...unm.map((y) => money(y.byLine[c])), ...mit.map((y) => money(y.byLine[c]))]);
  const both = (label: string, f: (l: (typeof L)[number]) => number): Cell[] => [label, ...U.map((l) => money(f(l))), ...L.map((l) => money(f(l)))];
  rows.push(both('Total High Needs expenditure', (l) => l.expenditure));
  rows.push(both('High Needs block allocation', (l) => l.hnBlock));
  rows.push(both('Transfer from the schools block', (l) => l.schoolsBlockTransfer));
  rows.push(both('Import/export adjustments', (l) => l.importExport));
  rows.push(both('Other income', (l) => l.otherIncome));
  rows.push(both('Total income', (l) => l.income));
  rows.push(both('In-year balance', (l) => l.inYearBalance));
  rows.push(both('Cumulative DSG balance at 31 March', (l) => l.cumulativeBalance));
  const tables: Table[] = [
    {
      name: 'DSG_section_251',
      title: b.unmitigated ? 'Section 251 lines: unmitigated and mitigated' : 'Section 251 lines (no mitigations: both blocks are the same path)',
      columns,
      rows,
      note: 'Mainstream and resourced-provision top-ups are counted with maintained providers (placements do not tell a maintained school from an academy).',
    },
  ];
  if (b.reconciliation?.length) {
    tables.push({
      name: 'DSG_reconciliation',
      title: `Base year ${financialYearLabel(b.reconciliation[0]!.fy)} reconciled to the Section 251 outturn`,
      columns: [col('Section 251 line', 'text'), col('Outturn (£)', 'money'), col('Model before scaling (£)', 'money'), col('Unit costs scaled by', 'decimal'), col('Difference', 'percent'), col('Note', 'text')],
      rows: b.reconciliation.map((l) => [
        l.label,
        money(l.outturn),
        money(l.modelled),
        l.scale === undefined ? null : Math.round(l.scale * 10000) / 10000,
        l.modelled > 0 ? share(l.outturn / l.modelled - 1) : null,
        l.note ?? 'unit costs of the line’s placements scaled so the base year matches',
      ]),
    });
  }
  return tables;
}

/**
 * After March 2028 sheet (budget.md "After 31 March 2028"): the DSG deficit against usable reserves, the interest
 * cost of carrying it (general fund, apart from the block), and the capital cost of new places.
 */
import { financialYearLabel, STATUTORY_OVERRIDE_END_FY } from '../../../domain/index.ts';
import { pct } from '../../../messages/budget.ts';
import { showsCapital } from '../../../budget/general-fund.ts';
import type { RunReport } from '../../run-report.ts';
import type { Cell, Sheet } from '../model.ts';
import { col, money, share } from '../table-helpers.ts';

/** The sheet, or undefined when the budget has no general-fund view. */
export function generalFundSheet(r: RunReport): Sheet | undefined {
  const gf = r.budget?.generalFund;
  if (!gf || gf.years.length === 0) return undefined;
  // no capacity change with a capital cost: no capital column (£0 in every year) and no line explaining it
  const capital = showsCapital(gf);
  const rows: Cell[][] = gf.years.map((y) => [
    financialYearLabel(y.fy),
    y.fy > STATUTORY_OVERRIDE_END_FY ? 'after the override' : 'override in force',
    money(y.dsgBalance),
    money(y.usableReserves),
    share(y.deficitShareOfReserves),
    y.usableReserves === undefined ? '' : y.exceedsReserves ? 'yes' : 'no',
    money(-y.interest),
    money(-y.cumulativeInterest),
    ...(capital ? [money(y.capitalCost === undefined ? undefined : -y.capitalCost)] : []),
  ]);
  const first = gf.firstYearDeficitExceedsReserves;
  return {
    name: 'After March 2028',
    title: 'What the deficit means for the council',
    intro: [
      'The statutory override keeps DSG deficits off the general fund until 31 March 2028. After it, the council must be able to meet the deficit from its own resources.',
      `Interest: ${pct(gf.interestRate)} a year on the average negative DSG balance of each year (the scenario’s deficit.interest_rate), charged to the general fund. It is not part of the High Needs block or of the DSG balance.`,
      gf.reservesGiven
        ? first !== undefined
          ? `The cumulative deficit exceeds the usable reserves from the end of ${financialYearLabel(first)}.`
          : 'The cumulative deficit stays within the usable reserves in every year of the run.'
        : 'No reserves table was given: add reserves.csv (financial_year, usable_reserves_gbp) to compare the deficit with the council’s usable reserves.',
      ...(capital ? ['Capital: the one-off cost of new places in the scenario’s capacity changes, in the year they are first funded (capital funding, not the block); empty where a change gives no capital_cost_gbp.'] : []),
    ],
    tables: [
      {
        name: 'General_fund',
        title: 'DSG balance, reserves and the cost of carrying the deficit',
        columns: [
          col('Financial year', 'text'),
          col('Statutory override', 'text'),
          col('Cumulative DSG balance at 31 March (£)', 'money'),
          col('Usable reserves (£)', 'money'),
          col('Deficit as a share of reserves', 'percent'),
          col('Deficit exceeds reserves', 'text'),
          col('Interest on the deficit, general fund (£)', 'money'),
          col('Interest to date (£)', 'money'),
          ...(capital ? [col('Capital cost of new places (£)', 'money')] : []),
        ],
        rows,
      },
    ],
    charts: [],
    freezeColumns: 1,
  };
}

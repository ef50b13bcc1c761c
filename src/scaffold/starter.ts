/**
 * The starter folder `highneeds init` creates for a real LA: a scenario, the project's own input tables
 * (inputs.md §5) with their headers, and a README saying what to put where. Pure: returns file contents.
 */
import { PLACEMENTS, Placement } from '../domain/index.ts';

export interface StarterFile {
  path: string;
  content: string;
}

/** The project's own input tables a starter folder holds, with their headers and what goes in them. */
export const STARTER_TABLES: Array<{ file: string; header: string; about: string }> = [
  {
    file: 'unit_costs.csv',
    header: 'la_code,placement,phase,need,annual_cost_gbp,price_year',
    about:
      'High Needs block cost of one plan-year in each placement (the top-up; the full fee for ISS, NMSS and SPI), at the prices of financial year `price_year` (e.g. `2024-25`). Leave `phase` and `need` blank to apply to all; the most specific row wins.',
  },
  {
    file: 'places.csv',
    header: 'la_code,placement,financial_year,places,place_rate_gbp',
    about: 'Commissioned places paid as place funding (£10,000 special and AP, £6,000 resourced provision and FE); also the capacity of that placement.',
  },
  {
    file: 'funding.csv',
    header: 'la_code,financial_year,hn_block_gbp,schools_block_transfer_gbp,other_income_gbp,import_export_adjustment_gbp',
    about:
      'Income to the High Needs block by financial year. Each figure applies to its own year only (a Safety Valve instalment or a one-off grant in `other_income_gbp` stops after its year); only `hn_block_gbp` goes on after the last row, grown by `funding.growth` in the scenario.',
  },
  {
    file: 'other_spend.csv',
    header: 'la_code,line,financial_year,amount_gbp',
    about: 'High Needs spend that is not per plan: SEN support services, hospital education, therapies, direct payments, AP without a plan.',
  },
  {
    file: 'opening_balance.csv',
    header: 'la_code,financial_year,dsg_cumulative_balance_gbp',
    about: 'Cumulative DSG balance at 31 March of the year before the first projected financial year (negative = deficit; 0 if there was none: an empty table is refused, not read as 0).',
  },
  {
    file: 'reserves.csv',
    header: 'la_code,financial_year,usable_reserves_gbp',
    about:
      'Optional. The council’s usable reserves at 31 March (general fund and earmarked reserves it could use). The report compares the DSG deficit with them once the statutory override ends (31 March 2028) and says in which year the deficit would exceed them.',
  },
  {
    file: 'section_251_outturn.csv',
    header: 'la_code,section_251_line,financial_year,outturn_gbp',
    about:
      'Optional. Your Section 251 High Needs outturn (or latest forecast outturn) for the base financial year, by line: place_funding, top_up_maintained, top_up_academies, top_up_independent, top_up_other, sen_support_services, hospital_education, alternative_provision, therapies, direct_payments, other_high_needs. The run scales unit costs per top-up line so its base year matches, and reports the scaling.',
  },
];

export interface StarterOptions {
  /** The command that runs highneeds from where the user stands (e.g. `node /path/to/highneeds/bin/highneeds.js`). */
  command: string;
  /** The LA's DfE or ONS code, when known (written into the README's commands). */
  la?: string;
  /** Published files pre-filled into data/ with the LA's rows (and England's and the regions'). */
  prefilled?: string[];
  /** ONS population files (mid-year estimates, subnational projections) copied whole into data/. */
  prefilledPopulation?: string[];
  /** The latest January of the LA's pre-filled stock (the forecast's base year in the README). */
  latestCensusYear?: number;
}

/** The files of a starter folder for an LA. */
export function starterFiles(opts: StarterOptions = { command: 'npx highneeds' }): StarterFile[] {
  const la = opts.la ?? 'YOUR-LA-CODE';
  const run = `${opts.command} run scenarios/baseline.yaml --data data --la ${la} --out reports/baseline`;
  const scenario = [
    '# Your baseline scenario. Copy this file to try other assumptions; see the scenarios/ folder of highneeds',
    '# for surges, transition shifts, mitigations and capacity examples.',
    'id: baseline',
    'name: Baseline',
    'horizon_years: 10',
    'costs:',
    '  inflation: 0.03   # yearly rise in unit costs (0.03 = 3%)',
    'funding:',
    '  growth: 0.03      # yearly growth of the High Needs block after the years in funding.csv',
    'deficit:',
    '  interest_rate: 0.045   # cost of carrying the DSG deficit (your treasury team\'s rate), charged to the general fund',
    'uncertainty:',
    '  inflation_sd: 0.01     # spread of yearly inflation in the simulated futures (0 = no price risk)',
    '# New places: each adds place funding from the financial year of its January census, and its capital cost.',
    '# capacity:',
    '#   changes:',
    '#     - { placement: SSA, year: 2028, places: 120, capital_cost_gbp: 6000000 }',
    '',
  ].join('\n');
  const readme = [
    '# Your highneeds folder',
    '',
    'Put your data in `data/`, then from this folder run:',
    '',
    '```',
    run,
    '```',
    '',
    `\`--la\` names your LA (its DfE three-digit code, e.g. 886, or its ONS code, e.g. E10000016)${opts.la ? '' : ': replace YOUR-LA-CODE with yours'}; ` +
      'published files hold every LA, so a run needs it. The workbook, charts, report and scenario explorer are written to ' +
      '`reports/baseline/` in this folder. Add `--draws 0` for a quick deterministic run, or `--demand-only` to project plans ' +
      'before the money tables below are filled in (a run with empty money tables stops and names them).',
    '',
    opts.prefilled?.length && opts.latestCensusYear !== undefined
      ? `To forecast your LA's total plans straight from the published files: \`${opts.command} forecast --ees data --la ${la} --base-year ${opts.latestCensusYear} --out forecast.csv\` (January ${opts.latestCensusYear} is the latest in them).`
      : `To forecast total plans for every LA of a release: \`${opts.command} forecast --ees RELEASE-DATA-FOLDER --all --base-year YEAR --out forecast.csv\` (YEAR: the latest January in its caseload, e.g. 2025 for the 2025 release).`,
    '',
    ...(opts.prefilled?.length || opts.prefilledPopulation?.length
      ? [
          '## Already in data/',
          '',
          ...(opts.prefilled ?? []).map((f) => `- \`${f}\`: your LA's rows, England's and the regions' (for pooling the trend), and those of the councils of a reorganisation your LA was part of (for its history), copied from the release you gave.`),
          ...(opts.prefilledPopulation ?? []).map((f) => `- \`${f}\`: the ONS population file you gave, copied whole (every area in it; a run reads your LA's rows).`),
          '',
        ]
      : []),
    '## What to put in data/',
    '',
    '- Your SEN2 returns for the last three Januaries (the XML you sent DfE, or the COLLECT "Blade" CSV export).',
    '  Names, addresses and dates of birth are dropped when loaded; UPNs are replaced by a keyed hash.',
    '- The published "Education, health and care plans" files from Explore Education Statistics (any release),',
    '  for your history before the person-level returns.',
    '- An ONS population projection (subnational, single year of age) for your area.',
    '- A Get Information About Schools extract, so school URNs can be turned into placement types.',
    '- The tables below (CSV here, or sheets of one Excel workbook). Money is in pounds, not thousands or millions',
    '  (`57170000`; not `57170` or `£57.17m`). The last two are optional. Two rows with the same key (placement and',
    '  year, line and year, …) are an error.',
    `- Every table's first column, \`la_code\`, names the LA the row is for (${opts.la ? `\`${la}\`` : 'your DfE or ONS code'}). It may be left`,
    '  empty, but when it is filled a run for another LA refuses the row, so one LA\'s money never reaches another\'s budget.',
    '',
    '## The tables',
    '',
    ...STARTER_TABLES.flatMap((t) => [`### ${t.file}`, '', `Columns: \`${t.header}\``, '', t.about, '']),
    '## Placement codes',
    '',
    '| code | meaning |',
    '|---|---|',
    ...PLACEMENTS.map((p) => `| ${p} | ${Placement[p].label} |`),
    '',
  ].join('\n');
  return [
    { path: 'README.md', content: readme },
    { path: 'scenarios/baseline.yaml', content: scenario },
    ...STARTER_TABLES.map((t) => ({ path: `data/${t.file}`, content: `${t.header}\n` })),
  ];
}

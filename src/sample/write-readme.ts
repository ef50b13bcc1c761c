/** `data-samples/README.md`: what the sample holds, how it was made, and its totals by year. */
import { SAMPLE_LA, financialYearLabel } from '../domain/index.ts';
import { censusDay, isoDate } from './calendar.ts';
import { FIRST_YEAR, PLAN_SCALE } from './params.ts';
import { flowsIn, stockAt } from './summary.ts';
import { OPENING_BALANCE, OUTTURN_FACTOR, USABLE_RESERVES, estimatedSpend } from './write-tables.ts';
import type { Simulation } from './types.ts';

function pct(n: number, d: number): string {
  return d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`;
}

function totalsTable(sim: Simulation): string {
  const lines = [
    '| census (January) | plans | of which statements | flow year | requests | refused to assess | assessed, no plan | new plans | within 20 weeks | ceased | of which transfers out | transfers in |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (let y = 2015; y <= 2025; y++) {
    const s = stockAt(sim, y);
    const f = flowsIn(sim, y - 1);
    const st = s.filter((r) => r.statement).length;
    lines.push(`| ${y} | ${s.length} | ${st} | ${y - 1} | ${f.requests} | ${f.refused} | ${f.assessedNoPlan} | ${f.newPlans} | ${pct(f.within20Weeks, f.newPlans)} | ${f.ceased} | ${f.transfersOut} | ${f.transfersIn} |`);
  }
  return lines.join('\n');
}

/** The README text, with the totals of this simulation. */
export function readme(sim: Simulation, files: ReadonlyArray<[string, string]>): string {
  const sizes = files.map(([name, text]) => `| \`${name}\` | ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB |`).join('\n');
  const s25 = stockAt(sim, 2025).length;
  const s15 = stockAt(sim, 2015).length;
  const growth = ((s25 / s15) ** (1 / 10) - 1) * 100;
  return `# Sample data: Anyshire (fictional)

Everything in this folder is **synthetic**. ${SAMPLE_LA.name} is a fictional local authority (DfE code ${SAMPLE_LA.oldCode},
ONS code ${SAMPLE_LA.newCode}, placed in region E12000009 South West). No row describes a real child: names
("Testchild", "Sample", surnames \`Test-…\`), dates of birth, postcodes (\`ZZ99 nZZ\`), UPNs (\`A999\` + 9 digits)
and ULNs (\`99\` + 8 digits) are invented. The schools and colleges (URNs 9990001…, UKPRNs 19990001…) do not exist.

## How it was made

\`npm run sample\` (\`src/sample/cli.ts\`) runs a seeded cohort microsimulation (seed ${sim.seed}, the tool's one
\`xoshiro128**\` generator \`src/util/rng.ts\`, no \`Math.random\`) and writes every file here from that one simulated
population, so the files agree with each other. Running it again gives byte-identical files (\`test/sample\` checks
this).

The simulation follows every request for an EHC needs assessment from ${FIRST_YEAR} to 2024: requests are drawn
from Anyshire's population (the ONS files here) times an incidence by age, scaled to ${Math.round(1 / PLAN_SCALE)}th
of England's published requests (DfE's SEN2 statistics; years before 2019 are assumptions consistent with the published
new plans), with the 2020 Covid dip in spring and the rebound after. A request is decided in about six weeks
(about 65–72% assessed, 23–25% refused, the rest withdrawn); 93.6% of assessments end in a plan, issued within 20
weeks in 46–62% of cases depending on the year. Each plan then lives year by year: placements follow a
persistent "intensity" draw along a ladder of placements for the phase of age (so they are stable within a phase and
move at transition points), plans transfer out (about 2.2% a year) and cease at the 2024 national ceasing rates by
age (concentrated after 16; before the 2014 reform, statements ended with school). Plans also transfer in from
neighbouring LAs. Requests received before September 2014 led to statements, converted to EHC plans by March 2018
on the national conversion path.

Stock grew from ${s15} plans in January 2015 to ${s25} in January 2025 (${growth.toFixed(1)}% a year on average).

## Totals by year

${totalsTable(sim)}

"within 20 weeks" = plan start date no more than 140 days after the request was received (exceptions included).

## Files

| file | what |
|---|---|
| \`sen2_age_caseload.csv\` | EES 2022 release layout: plans by \`characteristic_age\` band, January 2015–2022 (\`time_period\` 2015…2022, "Calendar year"). \`Total_st\` statements, \`Total_ehc\` EHC plans, \`Total_all\`; \`z\` where statements do not apply (2019 on, and ages 20–25) |
| \`sen2_estab_caseload.csv\` | EES 2022 layout: plans by \`establishment_group\` / \`establishment_type\`, January 2015–2022, with the categories of each year (e.g. "Special - Academy/free" from 2017, "NEET" and "Other" from 2019, "Elective home education" from 2020) |
| \`sen2_age_new_plans.csv\` | EES 2022 layout: new plans by age when the plan started, calendar years 2014–2021 (statements to 2015) |
| \`sen2_2023.xml\`, \`sen2_2024.xml\`, \`sen2_2025.xml\` | SEN2 person-level returns for January 2023, 2024 and 2025 (DfE XML schema): every person with a plan active at the census, plus those with a request, decision, assessment outcome or ceased plan in the preceding calendar year, or work still open at the census. Persons link across returns by UPN |
| \`establishments.csv\` | the sample's own URN/UKPRN lookup: \`urn,name,type_name,placement\` (\`type_name\` as GIAS \`TypeOfEstablishment (name)\`). Post-16 providers are listed by UKPRN in the \`urn\` column. Mainstream schools with a unit are \`MS\` here; the SEN2 unit/resourced provision flags make the placement \`RP\` |
| \`snpp_2022based_E99999999.csv\` | ONS subnational population projection layout: \`AREA_CODE, AREA_NAME, COMPONENT, SEX, AGE_GROUP, 2022 … 2040\`, persons/males/females, ages 0–89, "90 and over", "All ages" |
| \`ons_mye_2015.csv\` … \`ons_mye_2021.csv\` | ONS mid-year estimate layout (\`Code, Name, Geography, All ages, 0 … 89, 90+\`, counts quoted with thousands separators), one file per year, written UTF-8 (the real 2020 file is Windows-1252) |
| \`unit_costs.csv\` | annual cost of a plan-year by placement at ${'2024-25'} prices (top-up; full fee for ISS, NMSS, SPI), with three more specific rows (phase and/or need) to show "the most specific row wins" |
| \`places.csv\` | commissioned places (January 2025 headcount + 2%, then +3% a year) and place rates: special and AP £10,000, RP and FE £6,000 |
| \`funding.csv\` | High Needs block ${financialYearLabel(2025)} and ${financialYearLabel(2026)}, set at about 88% of what the January 2025 stock costs (about £${(estimatedSpend(sim) / 1e6).toFixed(1)}m a year), so Anyshire runs a deficit; the transfer, other income and import/export adjustment apply to those two years only |
| \`other_spend.csv\` | High Needs spend that is not per plan (SEN support services, hospital education, therapies, direct payments, AP without a plan) |
| \`opening_balance.csv\` | cumulative DSG balance at 31 March 2025: ${(OPENING_BALANCE / 1e6).toFixed(1)} £m, i.e. a deficit of £${(-OPENING_BALANCE / 1e6).toFixed(1)}m |
| \`reserves.csv\` | the council's usable reserves at 31 March: ${USABLE_RESERVES.map(([fy, v]) => `£${(v / 1e6).toFixed(0)}m (${financialYearLabel(fy)})`).join(', ')} |
| \`section_251_outturn.csv\` | the ${financialYearLabel(2025)} Section 251 High Needs outturn by line; top-ups differ from the unit-cost table by ${Object.entries(OUTTURN_FACTOR).map(([k, f]) => `${f! > 1 ? '+' : ''}${Math.round((f! - 1) * 100)}% (${k})`).join(', ')}, so the run's base-year reconciliation has something to scale |

Sizes:

| file | size |
|---|---|
${sizes}

## Codes used in the SEN2 returns

- Census (reference) dates: the third Thursday of January (${isoDate(censusDay(2023))}, ${isoDate(censusDay(2024))}, ${isoDate(censusDay(2025))}).
- \`RequestOutcome\`: \`A\` decided to assess, \`N\` decided not to assess, \`W\` withdrawn before a decision; absent while
  the decision is pending. \`AssessmentOutcome\`: \`Y\` plan to be issued, \`N\` no plan, \`W\` withdrawn; absent while pending.
- \`RequestSource\` (codes of this sample): \`P\` parent or carer, \`S\` school or college, \`H\` health, \`Y\` young person, \`O\` other.
- \`Week20\` is the SEN2 item "20-week time limit exceptions apply" (true for about 4% of plans), not "issued within
  20 weeks": timeliness comes from \`ReceivedDate\` to \`StartDate\`.
- Booleans are \`true\`/\`false\`. \`CeaseReason\` 1–9 as the SEN2 guide (5 = transferred to another LA).
- Placements: \`URN\` (schools) or \`UKPRN\` (post-16 providers) from \`establishments.csv\`, or \`SENsetting\` (OLA, OPA, EHE,
  OTH, EYP, NEET, NIEC, NIEO). A plan awaiting provision has no \`PlacementDetail\`. A person whose placement changed
  during the calendar year also has the earlier placement, with its \`LeavingDate\`.
- \`TransferLA\` (a real neighbouring LA's DfE code) is set in the return for the year the plan was transferred in.
- Primary need is \`SENneed\` rank 1 (about 1% have none recorded); about 30% also have a rank-2 need.

## What is deliberately absent

- No National or Regional rows in the EES files: Anyshire's rows only.
- No EES 2025-layout files, school census or COLLECT Blade CSV exports.
- Mediation and tribunal items are omitted (none occur); so are annual review outcomes and phase transfer dates.
`;
}

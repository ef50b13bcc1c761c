/**
 * The sample pipeline: seed → simulate (simulate.ts) → one population → every file, as text (pure), and the thin
 * I/O wrapper that writes them into a folder.
 *
 *   seed ─▶ simulate ─▶ Simulation ─┬─▶ EES 2022 CSVs ─┐
 *                                   ├─▶ SEN2 XML 2023–2025 ─┤
 *   population.ts ──────────────────┼─▶ ONS SNPP + MYE ─────┼─▶ files ─▶ README (totals, sizes)
 *                                   └─▶ budget tables ──────┘
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_SEED } from './params.ts';
import { simulate } from './simulate.ts';
import type { Simulation } from './types.ts';
import { ageCaseloadCsv, ageNewPlansCsv, estabCaseloadCsv } from './write-ees2022.ts';
import { establishmentsCsv } from './write-establishments.ts';
import { MYE_YEARS, myeCsv, snppCsv } from './write-ons.ts';
import { readme } from './write-readme.ts';
import { sen2Xml } from './write-sen2.ts';
import { fundingCsv, openingBalanceCsv, otherSpendCsv, placesCsv, reservesCsv, section251OutturnCsv, unitCostsCsv } from './write-tables.ts';

export interface Sample {
  simulation: Simulation;
  /** [file name, content] in a fixed order; README.md last. */
  files: Array<[string, string]>;
}

/**
 * Generates the whole sample in memory.
 * @example generateSample().files.map(([name]) => name) // ['sen2_age_caseload.csv', …, 'README.md']
 */
export function generateSample(seed: number = SAMPLE_SEED): Sample {
  const sim = simulate(seed);
  const files: Array<[string, string]> = [
    ['sen2_age_caseload.csv', ageCaseloadCsv(sim)],
    ['sen2_estab_caseload.csv', estabCaseloadCsv(sim)],
    ['sen2_age_new_plans.csv', ageNewPlansCsv(sim)],
    ['sen2_2023.xml', sen2Xml(sim, 2023)],
    ['sen2_2024.xml', sen2Xml(sim, 2024)],
    ['sen2_2025.xml', sen2Xml(sim, 2025)],
    ['establishments.csv', establishmentsCsv()],
    ['snpp_2022based_E99999999.csv', snppCsv()],
    ...MYE_YEARS.map((y): [string, string] => [`ons_mye_${y}.csv`, myeCsv(y)]),
    ['unit_costs.csv', unitCostsCsv()],
    ['places.csv', placesCsv(sim)],
    ['funding.csv', fundingCsv(sim)],
    ['other_spend.csv', otherSpendCsv()],
    ['opening_balance.csv', openingBalanceCsv()],
    ['reserves.csv', reservesCsv()],
    ['section_251_outturn.csv', section251OutturnCsv(sim)],
  ];
  files.push(['README.md', readme(sim, files)]);
  return { simulation: sim, files };
}

/** Writes a generated sample into `dir` (created if missing). */
export function writeSample(dir: string, sample: Sample): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of sample.files) writeFileSync(join(dir, name), text, 'utf8');
}

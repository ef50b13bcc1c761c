/** User-facing messages of the model stage. */
export const STAGE = 'model';

// --- engine (projection, Monte Carlo, person-level estimation) ---

/** No population for any census year. */
export function noPopulation(): string {
  return 'No population data: new plans are population × incidence, so the projection needs population by single age 0–25 for at least one census year.';
}

/** Aggregate estimation is not available in this build. */
export function aggregateEstimationUnavailable(): string {
  return 'This dataset has no person-level SEN2 data and aggregate estimation (EES series) is unavailable in this build.';
}

/** The dataset has no stock for the chosen base year. */
export function noBaseStock(baseYear: number, available: number[]): string {
  return `No stock of plans for base year ${baseYear}. Census years with stock: ${available.length ? available.join(', ') : 'none'}.`;
}

/** A Monte Carlo worker failed. */
export function workerFailed(reason: string): string {
  return `A Monte Carlo worker thread failed: ${reason}`;
}

/** Number of draws is invalid. */
export function invalidDraws(draws: number): string {
  return `draws must be a whole number between 0 and 1,000,000. Got: ${draws}`;
}

// --- forecast and backtest (EES series) ---

/** A requested LA code matches no LA in the files. */
export function unknownLaCode(code: string, suggestion?: string): string {
  return `LA code '${code}' is not in the EES files (expected a DfE 3-digit code such as 925 or an ONS code such as E10000019)${suggestion ? `; did you mean ${suggestion}?` : ''}.`;
}

/** Neither --la nor --all was given. */
export function noLaSelected(): string {
  return 'Choose the LAs to forecast: --la CODE... or --all.';
}

/** The files hold no LA with stock at the base year. */
export function noLaAtBaseYear(baseYear: number): string {
  return `No LA in the EES files has a stock of plans at census ${baseYear}.`;
}

/** An origin/horizon/base year is out of range. */
export function invalidYearOption(name: string, value: unknown): string {
  return `${name} must be a census year (a whole number from 2000 to 2100). Got: ${String(value)}`;
}

/** Later rows ignored by a forecast. */
export function laterRowsIgnored(n: number, baseYear: number): string {
  return `${n} row(s) later than what was known by January ${baseYear} were ignored (stocks after ${baseYear}, flows after ${baseYear - 1}).`;
}

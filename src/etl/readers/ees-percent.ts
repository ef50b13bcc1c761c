/**
 * Percentage columns of an EES file the model does not read: each is checked as a percentage (0 to 100) and never
 * stored. One the layout publishes (its data guidance) or that is the share of a column the reader knows
 * ('nm_early_years_pc') is known; another (a later release's) is listed once as not read, as other unknown columns
 * are, where before it passed with no word.
 */
import { isPercentColumn } from '../csv/values.ts';

/** The column a percentage column is the share of: 'nm_early_years_pc' → 'nm_early_years', 'pc_x' → 'x'. */
export function percentBase(name: string): string {
  return name.toLowerCase().replace(/_pc$/, '').replace(/^pc_/, '');
}

/** The percentage columns of `names` neither in `listed` nor the share of a column `knownBase` accepts. */
export function unknownPercentColumns(names: readonly string[], knownBase: (base: string) => boolean, listed: readonly string[] = []): string[] {
  const published = new Set(listed.map((c) => c.toLowerCase()));
  return names.filter((n) => isPercentColumn(n) && !published.has(n.toLowerCase()) && !knownBase(percentBase(n)));
}

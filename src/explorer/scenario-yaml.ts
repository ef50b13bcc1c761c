/**
 * A variant as a scenario file that `highneeds run` accepts and reproduces: every effective key written out (no
 * `extends:`, so the file stands alone), with the run's base year fixed. Keys the scenario left to the data (the
 * estimated trend) stay out unless a lever moved them, so the run estimates them again from the same data. Pure.
 */
import { stringify } from 'yaml';
import type { Scenario } from '../scenario/schema.ts';

export interface YamlOptions {
  id: string;
  name: string;
  baseYear: number;
  /** Lines for the comment at the top (what the variant is, where it came from). */
  header: string[];
}

/**
 * @example scenarioYaml(variant, { id: 'baseline-b', name: 'Baseline, variant B', baseYear: 2025, header: ['…'] })
 */
export function scenarioYaml(s: Scenario, o: YamlOptions): string {
  const rest: Partial<Scenario> = { ...s };
  for (const k of ['file', 'sha256', 'extended', 'id', 'name', 'base_year'] as const) delete rest[k];
  const doc = { id: o.id, name: o.name, base_year: o.baseYear, ...rest };
  // a name with a line break in it (a scenario file may give one) would end the comment and write the rest as keys
  // ("extends: …"): each line of it is a comment line of its own
  const comment = o.header
    .flatMap((l) => l.split(/\r\n|[\r\n\u0085\u2028\u2029]/))
    .map((l) => `# ${l}`.trimEnd())
    .join('\n');
  return `${comment}\n${stringify(doc, { lineWidth: 0 })}`;
}

/** A scenario id for a variant: the letters and digits of `base` plus a suffix, as the schema allows. */
export function variantId(base: string, suffix: string): string {
  return `${base}-${suffix}`.replace(/[^A-Za-z0-9_.-]+/g, '-');
}

/**
 * A scenario file (`.yaml`, `.yml`) met among input files: a data folder is one of the places `run` and `goal-seek`
 * find a scenario (docs/cli.md). It is not data: `load` lists it under skipped and `run` passes over it quietly, as
 * documentation. `validate` checks it as `run` reads it (the schema, and every file it `extends:`), so the shipped
 * `scenarios/baseline.yaml` is valid: it was 'INVALID … unknown layout: no reader recognises this file' (exit 1), and
 * a data folder holding the council's scenario failed `validate` and `load` as a whole, and `run` said it had not read
 * the file it was running. Recognised by extension, as documentation is, after every data reader has had its chance.
 */
import { basename } from 'node:path';
import { HighneedsError } from '../errors.ts';
import { yamlNotScenario } from '../messages/scenario.ts';
import { loadScenario } from '../scenario/load.ts';
import { ScenarioSchema } from '../scenario/schema.ts';
import type { Reader } from './reader.ts';

export const SCENARIO_READER_ID = 'scenario';
export const OTHER_YAML_READER_ID = 'yaml-not-scenario';

/** Whether a path names a scenario file (by extension). */
export function isScenarioPath(path: string): boolean {
  return /\.ya?ml$/i.test(basename(path));
}

/** Keys a YAML file of any kind may have (a CI workflow's `name:`): they do not make it a scenario. */
const ANY_YAML_KEYS = new Set(['name', 'description']);

/**
 * Whether a YAML file's first bytes read as a scenario: one of its top-level keys is a scenario's (other than `name`
 * and `description`), or no top-level key is found (an empty or unusual file is checked as a scenario, so its fault is
 * named). A council's own configuration or a CI workflow in the data folder (`la_code:`, `on:` and `jobs:`) is not:
 * it was 'INVALID … unknown key 'on' (did you mean 'id'?)', exit 1, though load and run pass over it.
 */
export function looksLikeScenario(head: string): boolean {
  const keys = [...head.matchAll(/^["']?([A-Za-z_][\w-]*)["']?[ \t]*:/gm)].map((m) => m[1]!);
  return keys.length === 0 || keys.some((k) => !ANY_YAML_KEYS.has(k) && k in ScenarioSchema.shape);
}

/** A YAML file that is not a scenario (looksLikeScenario): not data either; validate, load and run pass over it. */
export const otherYamlReader: Reader = {
  id: OTHER_YAML_READER_ID,
  description: 'A YAML file that is not a scenario (no key of a scenario): not data; skipped',
  recognise: (sniff) => isScenarioPath(sniff.path) && !sniff.binary && !looksLikeScenario(sniff.head),
  read: (path) => Promise.resolve({ rows: 0, errors: [], warnings: [{ file: path, message: yamlNotScenario() }] }),
};

export const scenarioFileReader: Reader = {
  id: SCENARIO_READER_ID,
  description: 'A scenario (YAML): checked against the scenario schema; not data, skipped by load and run',
  recognise: (sniff) => isScenarioPath(sniff.path) && !sniff.binary && looksLikeScenario(sniff.head),
  read: async (path) => {
    try {
      await loadScenario(path);
      return { rows: 0, errors: [], warnings: [] };
    } catch (e) {
      if (!(e instanceof HighneedsError)) throw e;
      return { rows: 0, errors: e.problems.length ? e.problems : [{ file: path, message: e.message }], warnings: [] };
    }
  },
};

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
import { loadScenario } from '../scenario/load.ts';
import type { Reader } from './reader.ts';

export const SCENARIO_READER_ID = 'scenario';

/** Whether a path names a scenario file (by extension). */
export function isScenarioPath(path: string): boolean {
  return /\.ya?ml$/i.test(basename(path));
}

export const scenarioFileReader: Reader = {
  id: SCENARIO_READER_ID,
  description: 'A scenario (YAML): checked against the scenario schema; not data, skipped by load and run',
  recognise: (sniff) => isScenarioPath(sniff.path) && !sniff.binary,
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

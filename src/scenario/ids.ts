/**
 * Scenario ids name output folders (`reports/<id>/`), so they must be safe folder names, unique within one run
 * (case-insensitively: some file systems ignore case), and never `compare` (the comparison folder).
 */
import { inputError } from '../errors.ts';
import { scenarioMsg } from '../messages/index.ts';

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$/;
export const MAX_ID_LENGTH = 64;
const RESERVED = new Set(['compare']);

/** Why an id cannot name a folder, or undefined when it can. */
export function badIdReason(id: string): string | undefined {
  if (id.length === 0) return 'it is empty';
  if (id.length > MAX_ID_LENGTH) return `it is longer than ${MAX_ID_LENGTH} characters`;
  if (RESERVED.has(id.toLowerCase())) return `'${id}' is the name of the comparison folder`;
  if (!SAFE_ID.test(id)) return "only letters, digits, '-', '_' and single inner dots are allowed, starting with a letter or digit";
  return undefined;
}

/** Throws an input error naming the file when a scenario's id cannot name its output folder. */
export function checkScenarioId(id: string, file: string): void {
  const why = badIdReason(id);
  if (why) throw inputError(scenarioMsg.badId(file, id, why), [{ file, path: 'id', message: scenarioMsg.badId(file, id, why) }]);
}

/** Throws an input error naming both files when two scenarios of one run share an id. */
export function checkScenarioIds(scenarios: ReadonlyArray<{ id: string; file: string }>): void {
  const seen = new Map<string, string>();
  for (const s of scenarios) {
    const key = s.id.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      const m = scenarioMsg.duplicateId(s.id, first, s.file);
      throw inputError(m, [{ file: s.file, path: 'id', message: m }]);
    }
    seen.set(key, s.file);
  }
}

/**
 * What `load` refuses of files read together that each file alone passes: two files of one release layout giving
 * one LA-year's figure differently (overlaps.ts: a resent extract beside the file it replaces), two SEN2 returns of
 * one LA and census that differ, an own table's row given twice with other values. `validate` checked each file
 * alone and passed them (exit 0) where `load` of the same files stopped (exit 1): the sample with a second
 * sen2_age_caseload file giving Anyshire's January 2021 as 2,040 plans (1,940 in the first). validate.ts now loads
 * the files it passed into a warehouse in memory, as `load` would, and gives load's errors in load's words; nothing
 * is written. It reads the files a second time: on the real 2022 and 2025 releases together validate took about
 * 2 s, and about 4.5 s with it (a loaded machine); one file alone, or files with errors of their own, are not loaded.
 */
import { HighneedsError, type Problem } from '../errors.ts';
import type { InputFile } from './inputs.ts';
import { loadFilesInto } from './load-files.ts';
import type { Reader } from './reader.ts';
import { sen2BladeCompanionReader, sen2BladeReader } from './readers/sen2-blade.ts';
import { sen2XmlReader } from './readers/sen2-xml.ts';
import { Warehouse } from './warehouse.ts';

/** Readers of person-level SEN2 returns: a return's rows can contradict only another return's (overlaps.ts). */
const RETURN_READERS: ReadonlySet<Reader> = new Set([sen2XmlReader, sen2BladeReader, sen2BladeCompanionReader]);

/**
 * The files (indices into `readers`) that can contradict each other and so are loaded together: the SEN2 returns
 * when there are two or more (a Blade export's module files counting as one return with its person file), the
 * other files (published tables, populations, money tables) when there are two or more. A return's persons and plans
 * are compared with other returns only, so one return is read once: a 650,000-person Blade export alone was loaded a
 * second time for nothing by validate (about 65 s and 825 MB at load 6-10, against 37 s and 761 MB read once).
 * @example filesToLoadTogether([sen2BladeReader, sen2BladeCompanionReader, caseloadReader, fundingReader]) // [2, 3]
 */
export function filesToLoadTogether(readers: readonly Reader[]): number[] {
  const returns = readers.flatMap((r, i) => (RETURN_READERS.has(r) ? [i] : []));
  const others = readers.flatMap((r, i) => (RETURN_READERS.has(r) ? [] : [i]));
  const returnCount = returns.filter((i) => readers[i] !== sen2BladeCompanionReader).length;
  return [...(returnCount > 1 ? returns : []), ...(others.length > 1 ? others : [])].sort((a, b) => a - b);
}

/** The errors `load` gives of `files` read together (none when it would load them). */
export async function refusedTogether(files: readonly InputFile[], today: Date): Promise<Problem[]> {
  const wh = await Warehouse.open(':memory:');
  try {
    await loadFilesInto(wh, files, { unrecognised: 'warn', today, thenClose: true });
    return [];
  } catch (e) {
    if (e instanceof HighneedsError && e.problems.length > 0) return e.problems;
    throw e;
  } finally {
    wh.close();
  }
}

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
import { Warehouse } from './warehouse.ts';

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

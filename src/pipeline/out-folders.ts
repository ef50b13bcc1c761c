/** The output folders of a run, before anything is read: each checked, and what a run killed while it wrote them left put right. */
import { checkOutputFolder, checkOutsideData } from '../paths/check-path.ts';
import { recoverInterruptedSwitch } from '../report/write-atomic.ts';

/**
 * Checks each folder a run writes (a place to write, outside the data folder), then finishes or rolls back the set of
 * folders a run killed while it replaced them left some new and some old (write-atomic.ts, switch-journal.ts), and
 * says so through `onNote`.
 */
export async function prepareOutFolders(dirs: readonly string[], dataDir: string, onNote?: (note: string) => void): Promise<void> {
  for (const d of dirs) {
    await checkOutputFolder(d, '--out');
    await checkOutsideData(d, dataDir, '--out');
  }
  for (const d of dirs) for (const note of await recoverInterruptedSwitch(d)) onNote?.(note);
}

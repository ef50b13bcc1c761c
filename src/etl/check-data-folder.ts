/**
 * The checks of a data folder (`run --data`, `backtest --data`) before it is read, apart from the load so a run
 * that finds its data in the cache does not load DuckDB and the readers.
 */
import { inputError } from '../errors.ts';
import { pathMsg } from '../messages/index.ts';
import { checkInputPath } from '../paths/check-path.ts';
import { isZipFile } from './archive.ts';
import { expandPaths } from './expand-paths.ts';

/** The checks of a data folder before it is read: it exists, and is a folder with files or a ZIP archive. */
export async function checkDataFolder(dir: string): Promise<void> {
  const { kind } = await checkInputPath(dir, { what: 'data folder', flag: '--data' });
  if (kind === 'file' && !(await isZipFile(dir))) throw inputError(pathMsg.dataFolderIsFile(dir), [{ file: dir, message: pathMsg.dataFolderIsFile(dir) }]);
  if (kind === 'folder' && (await expandPaths([dir])).length === 0) {
    throw inputError(pathMsg.dataFolderEmpty(dir), [{ file: dir, message: pathMsg.dataFolderEmpty(dir) }]);
  }
}

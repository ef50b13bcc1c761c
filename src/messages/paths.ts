/** User-facing messages about paths given on the command line: inputs, output folders and files, warehouses. */
import { typed } from './invocation.ts';

export function emptyPath(flag: string): string {
  return `${flag} is an empty path: give a file or folder name`;
}
export function noSuchPath(what: string, path: string): string {
  return `${path}: no such ${what}: check the path (it is relative to the folder you run highneeds from)`;
}
export function danglingLink(path: string, target: string): string {
  return `${path}: a symbolic link to '${target}', which does not exist: fix the link or give the real path`;
}
export function linkLoop(path: string): string {
  return `${path}: a loop of symbolic links: give the real path of the file or folder`;
}
export function systemPath(path: string, real: string, forWriting = false): string {
  const what = forWriting ? 'not a place to write outputs' : 'not a data file or folder';
  return `${path}: ${real === path ? 'a' : `resolves to ${real}, a`} system path (/proc, /sys or /dev), ${what}: give a path of your own`;
}
export function notRegular(path: string, kind: string): string {
  return `${path}: a ${kind}, not a regular file: copy the data into a file and give that`;
}
export function notReadable(path: string, what: string): string {
  return `${path}: the ${what} cannot be read (permission denied): check its permissions`;
}
export function cannotList(path: string, reason: string): string {
  return `${path}: the folder cannot be listed (${reason}): check its permissions`;
}
export function expectedFolder(flag: string, path: string): string {
  return `${flag} ${path}: expected a folder, found a file: give a folder (it is created when missing)`;
}
export function expectedFileFoundFolder(flag: string, path: string, example: string): string {
  return `${flag} ${path}: expected a file name, found a folder: give a file name such as ${path.replace(/\/+$/, '')}/${example}`;
}
export function outputInData(flag: string, path: string, dataDir: string): string {
  return `${flag} ${path}: the outputs would be written into the data folder ${dataDir}, whose every file the next run reads as input (a workbook written there stops it): choose a folder outside it with ${flag}`;
}
/** One scenario file given twice to `run` (`run baseline.yaml ./baseline.yaml`): `first`, `second` as given. */
export function scenarioGivenTwice(first: string, second: string): string {
  const also = first === second ? '' : `, also as ${second}`;
  return `the scenario file ${first} is given twice${also}: a run takes each scenario once (the two would write the same outputs over each other). Give it once`;
}
export function outputIsInput(flag: string, path: string, input: string): string {
  return `${flag} ${path} is ${input}, an input of this command: writing there would replace what it reads. Give another file name with ${flag}`;
}
export function cacheInData(cacheDir: string, dataDir: string): string {
  return `the cache folder ${cacheDir} (HIGHNEEDS_CACHE_DIR) is inside the data folder ${dataDir}, whose every file a run reads as input: each run would read the loads saved by the one before as data files and never find its own. Set HIGHNEEDS_CACHE_DIR to a folder outside it`;
}
/** load: the warehouse named is inside (or is) a path the load reads. */
export function warehouseInData(warehouse: string, path: string): string {
  return `--warehouse ${warehouse} is inside the folder ${path} it loads (or is one of the files it loads): every later load of that folder would read the warehouse as an input file and fail. Give a warehouse outside it (or under a dot-folder of it, such as ${path}/.highneeds/, which loads pass over)`;
}
export function parentNotFolder(flag: string, path: string, parent: string): string {
  return `${flag} ${path}: '${parent}' is a file, so nothing can be created under it: choose another location`;
}
export function notWritable(flag: string, path: string, where: string): string {
  return `${flag} ${path}: cannot write in '${where}' (permission denied or a read-only file system): choose another location`;
}
export function dataFolderIsFile(path: string): string {
  return `--data ${path}: expected a folder of input files (or a ZIP archive of them), found a single file: put it in a folder and give the folder`;
}
export function dataFolderEmpty(path: string): string {
  return `--data ${path}: the folder holds no input files: put published statistics, an SEN2 return or the input tables in it`;
}
export function folderHoldsNoFiles(path: string): string {
  return `${path}: the folder holds no input files (files starting with '.' are skipped): check the path, or put the files in it`;
}
export function noDataInFolder(path: string, skipped: readonly string[]): string {
  const list = skipped.length ? ` (not recognised: ${skipped.slice(0, 5).join(', ')}${skipped.length > 5 ? ', …' : ''})` : '';
  return `--data ${path}: no file in it holds LA-level data${list}: add published EHC plan statistics or an SEN2 return (run '${typed(['validate', path])}' to see what each file is)`;
}
export function tooDeep(path: string): string {
  return `${path}: folders nested too deep (or a symbolic link pointing back up): give a shallower folder`;
}

export function goalOutNotYaml(path: string): string {
  return `--out ${path}: goal-seek writes a scenario, a file ending .yaml: give a name such as ${path.replace(/\.[^./\\]*$/, '')}-goal.yaml (a file of another kind, a data table, would be overwritten by it)`;
}

/**
 * A place to write whose name holds a line break: every message naming what was written there would be split, and a
 * later command reading it refuses it (lineBreakInName). `run --out`, `forecast --out`, `init DIR` and `load
 * --warehouse` wrote there with exit 0; goal-seek refused its own temporary file (exit 1, naming `.x\ny.yaml.123-tmp`).
 */
export function lineBreakInOutput(flag: string, path: string): string {
  return `${flag} ${JSON.stringify(path)}: the name holds a line break, which would split every message naming what is written there (and a command reading it refuses it): give a name without one; nothing was written`;
}

export function lineBreakInName(path: string): string {
  return `${JSON.stringify(path)}: the name holds a line break, which would split every message naming it: rename it without one`;
}

import { typedAsIs } from './invocation.ts';
import { shellWord } from '../util/shell-word.ts';

/**
 * User-facing messages on the warehouse file itself (etl/warehouse-file.ts): one missing, not a DuckDB database, a
 * database highneeds did not make, damaged, or held by another process. Each says that nothing was written and what
 * to give instead.
 */
export function notAWarehouse(path: string): string {
  return `${path}: not a highneeds warehouse (no such file): load files into it first ('${typedAsIs(`load PATH... --warehouse ${shellWord(path)}`)}'), or give the right --warehouse`;
}
export function notDuckDbFile(path: string): string {
  return `${path}: not a highneeds warehouse (the file is not a DuckDB database); nothing was written to it: give a new file name, such as .highneeds/warehouse.duckdb`;
}
export function notOurWarehouse(path: string): string {
  return `${path}: a DuckDB database that highneeds did not make; nothing was written to it: give a new file name for the warehouse`;
}
export function warehouseUnreadable(path: string, detail: string): string {
  return `${path}: the warehouse cannot be opened (${detail}); it may be damaged or truncated: load into a new warehouse file`;
}
export function warehouseBusy(path: string, seconds: number): string {
  return `${path}: another highneeds process has been using the warehouse for over ${seconds} s: wait for it to finish and run the command again`;
}

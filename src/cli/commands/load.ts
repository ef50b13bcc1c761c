/** `highneeds load PATH...` and `highneeds status`: the DuckDB warehouse. */
import type { Command } from 'commander';
import { fileWarnings, printJson, say, type CliIO } from '../io.ts';
import { DEFAULT_WAREHOUSE } from './common.ts';
import { counted } from '../../util/plural.ts';
import { usageError } from '../../errors.ts';
import { pathMsg } from '../../messages/index.ts';

export function registerLoad(program: Command, io: CliIO): void {
  program
    .command('load')
    .description('validate and load files into the warehouse, all or nothing')
    .argument('<path...>', 'files or folders')
    .option('--warehouse <file>', 'warehouse file', DEFAULT_WAREHOUSE)
    .option('--json', 'print the result as JSON on stdout')
    .option('--quiet', 'print nothing but errors')
    .action(async (paths: string[], o: { warehouse: string; json?: boolean; quiet?: boolean }) => {
      const { loadPaths } = await import('../../etl/load.ts');
      const { readByLoadOf } = await import('../../paths/check-path.ts');
      // a warehouse the load itself would read: the next load of the folder took it for an input file and failed
      for (const p of paths) if (await readByLoadOf(o.warehouse, p)) throw usageError(pathMsg.warehouseInData(o.warehouse, p));
      const result = await loadPaths(paths, { warehouse: o.warehouse });
      // the loaded files' warnings, in validate's words (it used to load them without a word): under each file's
      // line, or with --json naming the file (stderr; the document lists them under "warnings")
      const warningsOf = (path: string) => result.warnings.filter((w) => w.path === path);
      if (o.json) {
        for (const path of new Set(result.warnings.map((w) => w.path))) fileWarnings(io, o, path, warningsOf(path), true);
        return printJson(io, result);
      }
      for (const f of result.loaded) {
        say(io, o, `loaded  ${f.path} (${f.reader}, ${counted(f.rows, 'row')}${warningsOf(f.path).length ? `, ${counted(warningsOf(f.path).length, 'warning')}` : ''})`);
        fileWarnings(io, o, f.path, warningsOf(f.path));
      }
      // a warning naming another file than those loaded (a reader may name one: a Blade export's module file beside
      // its person file) is said naming it
      const loadedPaths = new Set(result.loaded.map((f) => f.path));
      for (const path of new Set(result.warnings.map((w) => w.path).filter((p) => !loadedPaths.has(p)))) fileWarnings(io, o, path, warningsOf(path), true);
      for (const f of result.skipped) say(io, o, `skipped ${f.path}: ${f.reason}`);
      say(io, o, `warehouse: ${result.warehouse}`);
    });

  program
    .command('status')
    .description('show what the warehouse holds')
    .option('--warehouse <file>', 'warehouse file', DEFAULT_WAREHOUSE)
    .option('--json', 'print the result as JSON on stdout')
    .action(async (o: { warehouse: string; json?: boolean }) => {
      const { warehouseStatus } = await import('../../etl/load.ts');
      const s = await warehouseStatus(o.warehouse);
      if (o.json) return printJson(io, s);
      say(io, {}, `warehouse: ${s.warehouse}`);
      for (const f of s.files) say(io, {}, `  ${f.loaded_at}  ${f.reader.padEnd(24)} ${String(f.rows).padStart(8)} rows  ${f.path}`);
      say(io, {}, 'tables:');
      for (const [t, n] of Object.entries(s.tables)) say(io, {}, `  ${t.padEnd(16)} ${n}`);
    });
}

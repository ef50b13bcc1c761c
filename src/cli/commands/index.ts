/**
 * Every command of the CLI, registered in the order `--help` lists them. Each command imports its work (DuckDB, the
 * model, the workbook and chart libraries) inside its action, so `--version`, `--help` and a usage error load none.
 */
import type { Command } from 'commander';
import type { CliIO } from '../io.ts';
import { registerForecast } from './forecast.ts';
import { registerGoalSeek } from './goal-seek.ts';
import { registerInit } from './init.ts';
import { registerLoad } from './load.ts';
import { registerRun } from './run.ts';
import { registerValidate } from './validate.ts';

export function registerCommands(program: Command, io: CliIO): void {
  registerRun(program, io);
  registerForecast(program, io);
  registerGoalSeek(program, io);
  registerValidate(program, io);
  registerLoad(program, io);
  registerInit(program, io);
}

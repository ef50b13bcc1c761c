/** Every command of the CLI, registered in the order `--help` lists them. */
import type { Command } from 'commander';
import type { CliIO } from '../io.ts';
import { registerForecast } from './forecast.ts';
import { registerInit } from './init.ts';
import { registerLoad } from './load.ts';
import { registerRun } from './run.ts';
import { registerValidate } from './validate.ts';

export function registerCommands(program: Command, io: CliIO): void {
  registerRun(program, io);
  registerForecast(program, io);
  registerValidate(program, io);
  registerLoad(program, io);
  registerInit(program, io);
}

/** Every command of the CLI, registered in the order `--help` lists them. */
import type { Command } from 'commander';
import type { CliIO } from '../io.ts';
import { registerInit } from './init.ts';

export function registerCommands(program: Command, io: CliIO): void {
  registerInit(program, io);
}

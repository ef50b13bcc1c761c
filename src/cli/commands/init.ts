/** `highneeds init [DIR]`: a starter folder for a real LA. */
import type { Command } from 'commander';
import { cliMsg } from '../../messages/index.ts';
import { mkdir, writeFile, access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { inputError } from '../../errors.ts';
import type { CliIO } from '../io.ts';

export function registerInit(program: Command, io: CliIO): void {
  program
    .command('init')
    .description('create a starter folder for a real LA: a scenario, empty input tables and a README')
    .argument('[dir]', 'folder to create', 'highneeds-la')
    .action(async (dir: string) => {
      const { checkOutputFolder } = await import('../../paths/check-path.ts');
      await checkOutputFolder(dir, 'init DIR');
      const { starterFiles } = await import('../../scaffold/starter.ts');
      const files = starterFiles();
      for (const f of files) {
        const exists = await access(join(dir, f.path)).then(
          () => true,
          () => false,
        );
        if (exists) throw inputError(cliMsg.initWouldOverwrite(join(dir, f.path)));
      }
      for (const f of files) {
        await mkdir(dirname(join(dir, f.path)), { recursive: true });
        await writeFile(join(dir, f.path), f.content, { flag: 'wx' });
      }
      io.err(`Created ${dir}/ with ${files.length} files. Read ${join(dir, 'README.md')} next.\n`);
    });
}

/** `highneeds init [DIR] [--la CODE] [--from FILE…]`: a starter folder for a real LA. */
import type { Command } from 'commander';
import { cliMsg } from '../../messages/index.ts';
import { mkdir, writeFile, access, rm, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { inputError, usageError } from '../../errors.ts';
import { printJson, type CliIO } from '../io.ts';

/** How to run this installation from anywhere: `node <absolute path of bin/highneeds.js>`. */
function commandFromAnywhere(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const bin = join(dir, 'bin', 'highneeds.js');
    if (existsSync(bin)) return `node ${/\s/.test(bin) ? JSON.stringify(bin) : bin}`;
    dir = dirname(dir);
  }
  return 'npx highneeds';
}

export function registerInit(program: Command, io: CliIO): void {
  program
    .command('init')
    .description('create a starter folder for a real LA: a scenario, empty input tables and a README')
    .argument('[dir]', 'folder to create', 'highneeds-la')
    .option('--la <code>', "your LA's DfE or ONS code (written into the README's commands)")
    .option('--from <paths...>', "published EES files, or a release's data folder, to copy your LA's rows (and England's and the regions') from into data/; ONS population files are copied whole")
    .option('--json', 'print what was written as JSON on stdout')
    .action(async (dir: string, o: { la?: string; from?: string[]; json?: boolean }) => {
      if (o.from?.length && !o.la) throw inputError('init --from needs --la CODE: the LA whose rows to copy.');
      // the code is written into the README's commands and every table's la_code: '$(rm -rf ~)' was written there as
      // it stood, a command for the reader to paste, and '0999' gave tables that every run refused
      if (o.la !== undefined && !/^\d{3}$|^E\d{8}$/i.test(o.la.trim())) throw usageError(cliMsg.initBadLa(o.la));
      const { checkOutputFolder } = await import('../../paths/check-path.ts');
      await checkOutputFolder(dir, 'init DIR');
      const { starterFiles } = await import('../../scaffold/starter.ts');
      // read the release first: the README names what was copied, and nothing is written if it cannot be read
      const prefilled = o.from?.length ? await (await import('../../scaffold/prefill.ts')).prefillFromRelease(o.from, o.la!) : { files: [], skipped: [], latestCensusYear: undefined };
      // what would be copied is checked as validate checks it: a hostile value was copied with exit 0, refused by the first run
      await (await import('../../scaffold/check-prefill.ts')).checkPrefilled(prefilled.files);
      const names = prefilled.files.map((f) => f.name);
      const population = prefilled.files.filter((f) => f.population !== undefined).map((f) => f.name);
      const files = starterFiles({
        command: commandFromAnywhere(),
        la: o.la,
        prefilled: names.filter((n) => !population.includes(n)),
        prefilledPopulation: population,
        latestCensusYear: prefilled.latestCensusYear,
      });
      for (const f of [...files.map((x) => x.path), ...names.map((n) => join('data', n))]) {
        // a file where a folder of the starter goes ('scenarios' in an existing folder) was an internal error, after
        // README.md had been written beside it
        const parent = dirname(f);
        if (parent !== '.' && (await stat(join(dir, parent)).then((s) => !s.isDirectory(), () => false))) throw inputError(cliMsg.initNotAFolder(join(dir, parent)));
        const exists = await access(join(dir, f)).then(
          () => true,
          () => false,
        );
        if (exists) throw inputError(cliMsg.initWouldOverwrite(join(dir, f)));
      }
      const existed = existsSync(dir);
      // what this command made, for an existing folder to be left as it was if a write fails (a full disk)
      const made: string[] = [];
      let at = dir;
      try {
        for (const f of [...files, ...prefilled.files.map((p) => ({ path: join('data', p.name), content: p.content }))]) {
          at = join(dir, f.path);
          const first = await mkdir(dirname(at), { recursive: true });
          if (first !== undefined) made.push(first);
          await writeFile(at, f.content, { flag: 'wx' });
          made.push(at);
        }
      } catch (e) {
        // nothing half-written: a folder this command created goes again, and in one that was there, what it wrote
        // (a dangling link named data/ in it left README.md and scenarios/ behind, with an internal error)
        if (!existed) await rm(dir, { recursive: true, force: true });
        else for (const p of made.reverse()) await rm(p, { recursive: true, force: true });
        const code = (e as NodeJS.ErrnoException).code;
        if (typeof code === 'string') throw inputError(cliMsg.initWriteFailed(at, code, existed), [], e);
        throw e;
      }
      // a folder below where highneeds runs from that place, else as given ('/tmp/la' read '../../../tmp/la')
      const below = relative(process.cwd(), resolve(dir));
      const where = below === '' ? '.' : below.startsWith('..') || isAbsolute(below) ? dir.replace(/[\\/]+$/, '') : below;
      for (const f of prefilled.files) if (f.population) io.err(`${cliMsg.prefillPopulationCopied(f.from, f.name, f.population)}\n`);
      for (const s of prefilled.skipped) io.err(`skipped ${s.path}: ${s.reason}\n`);
      io.err(`Created ${where}/ with ${files.length + names.length} files. Read ${join(where, 'README.md')} next.\n`);
      if (o.json) printJson(io, { dir, files: [...files.map((f) => f.path), ...names.map((n) => join('data', n))], skipped: prefilled.skipped });
    });
}

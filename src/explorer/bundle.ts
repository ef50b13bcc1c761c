/**
 * Compiles the explorer page and its Web Worker for the browser from this repository's TypeScript source (the same
 * engine, levers and budget files the CLI runs) with esbuild, its options in page/esbuild-options.json. I/O: esbuild
 * reads the source files. The compiled build (scripts/build.mjs, with the same options file) holds both already,
 * beside this module: then they are only read. The result is cached for the life of the process (a run with several
 * scenarios compiles once).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ExplorerBundle {
  /** The page script (an IIFE). */
  page: string;
  /** The Web Worker script (an IIFE) that computes Monte Carlo ranges. */
  worker: string;
}

/** The page's source folder, found from this module upwards (src/explorer/ in a checkout, dist/<build>/ when compiled). */
function pageSources(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    for (const d of [join(dir, 'page'), join(dir, 'src', 'explorer', 'page')]) if (existsSync(join(d, 'main.ts'))) return d;
    dir = dirname(dir);
  }
  throw new Error('src/explorer/page/main.ts is missing from the installation: the explorer page cannot be compiled');
}

async function compile(entry: string): Promise<string> {
  const { build } = await import('esbuild');
  // the options scripts/build.mjs compiles the build's copies with: one file, so both write the same page
  const options = JSON.parse(await readFile(join(pageSources(), 'esbuild-options.json'), 'utf8')) as import('esbuild').BuildOptions;
  const res = await build({ ...options, entryPoints: [join(pageSources(), entry)], write: false });
  return res.outputFiles[0]!.text;
}

let cached: Promise<ExplorerBundle> | undefined;

/**
 * The compiled page and worker scripts.
 * @example const { page, worker } = await explorerBundle();
 */
export function explorerBundle(): Promise<ExplorerBundle> {
  cached ??= precompiled() ?? Promise.all([compile('main.ts'), compile('worker.ts')]).then(([page, worker]) => ({ page, worker }));
  cached.catch(() => (cached = undefined));
  return cached;
}

/** The scripts scripts/build.mjs compiled beside this module (dist/<build>/), when this is the compiled build. */
function precompiled(): Promise<ExplorerBundle> | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  const page = join(here, 'explorer-page.js');
  const worker = join(here, 'explorer-worker.js');
  if (!existsSync(page) || !existsSync(worker)) return undefined;
  return Promise.all([readFile(page, 'utf8'), readFile(worker, 'utf8')]).then(([p, w]) => ({ page: p, worker: w }));
}

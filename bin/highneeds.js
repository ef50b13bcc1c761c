#!/usr/bin/env node
// Entry point: runs the compiled build of src/ (scripts/build.mjs; made by `npm install`, and remade here, once,
// when a source file has changed since), or, when no build can be made, the TypeScript sources through tsx.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from '../scripts/build.mjs';

const here = dirname(fileURLToPath(import.meta.url));
let entry;
try {
  entry = pathToFileURL(await build()).href;
} catch {
  // no esbuild or a read-only install: run the sources as they are
  const { register } = await import('tsx/esm/api');
  register();
  entry = pathToFileURL(join(here, '..', 'src', 'cli', 'main.ts')).href;
}
const { main } = await import(entry);
process.exitCode = await main(process.argv);

#!/usr/bin/env node
/**
 * The compiled build that `bin/highneeds.js` runs: src/ bundled by esbuild (a dependency of tsx) into
 * `dist/<stamp>/`, one chunk per lazily imported command so `--version` loads only the command line.
 *
 *   src/ (mtimes, sizes) ──stamp──▶ dist/<stamp>/highneeds.mjs       the CLI (chunks beside it)
 *                                   dist/<stamp>/worker-boot.mjs     the Monte Carlo worker thread
 *                                   dist/<stamp>/render-worker-boot.mjs  the chart thread (render-thread.ts)
 *                                   dist/<stamp>/explorer-page.js    the explorer's page and Web Worker for the
 *                                   dist/<stamp>/explorer-worker.js  browser (src/explorer/bundle.ts reads them)
 *
 * The stamp is a hash of every source file's path, size and mtime (and of this script), so a build is current
 * exactly when its folder exists: an edited source gives a new stamp and the next start rebuilds (≈ 0.5 s, once).
 * `npm install` and `npm ci` build through the `prepare` script. A build goes to a temporary folder renamed into
 * place, so processes starting together never see half a build; older builds are removed after an hour.
 * Run `node scripts/build.mjs` to build by hand.
 */
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');
const KEEP_OLD_MS = 60 * 60 * 1000;

/** A hash of the sources' paths, sizes and mtimes (a few ms for a few hundred files; no crypto to load). */
export function sourceStamp() {
  const parts = [];
  // paths by concatenation: path.join and path.relative, which normalise every path, were a third of this walk
  const walk = (dir, rel) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(`${dir}/${e.name}`, `${rel}/${e.name}`);
      else {
        const s = statSync(`${dir}/${e.name}`);
        parts.push(`${rel}/${e.name}\0${s.size}\0${s.mtimeMs}`);
      }
    }
  };
  walk(SRC, 'src');
  const self = statSync(fileURLToPath(import.meta.url));
  parts.sort().push(`build\0${self.size}\0${self.mtimeMs}`);
  return fnv1a(parts.join('\n'), 0x811c9dc5) + fnv1a(parts.join('\n'), 0x01000193);
}

/** 32-bit FNV-1a of a string from a seed, as 8 hex digits. */
function fnv1a(text, seed) {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** The entry module of the current build, or undefined when there is none for these sources. */
export function currentBuild(stamp = sourceStamp()) {
  const entry = join(DIST, stamp, 'highneeds.mjs');
  return existsSync(entry) ? entry : undefined;
}

/** Builds the sources into dist/<stamp>/ (unless already built) and returns the entry module's path. */
export async function build(stamp = sourceStamp()) {
  const done = currentBuild(stamp);
  if (done) return done;
  const esbuild = await import('esbuild');
  const tmp = join(DIST, `.tmp-${stamp}-${process.pid}`);
  try {
    await esbuild.build({
      entryPoints: {
        highneeds: join(SRC, 'cli/main.ts'),
        'worker-boot': join(SRC, 'model/montecarlo/worker.ts'),
        'render-worker-boot': join(SRC, 'report/charts/render-worker.ts'),
      },
      outdir: tmp,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      // packages stay in node_modules, but commander, which every start needs, and DuckDB's JavaScript API (181
      // CommonJS files, each read and scanned for its exports when imported: ≈ 0.3 s) are bundled; the DuckDB
      // library itself (@duckdb/node-bindings) is loaded from node_modules
      external: external(),
      banner: { js: "import { createRequire as __hnRequire } from 'node:module'; const require = __hnRequire(import.meta.url);" },
      // chunks sit beside the boot files: the pool starts its workers at new URL('./worker-boot.mjs', import.meta.url),
      // the chart thread at new URL('./render-worker-boot.mjs', import.meta.url)
      chunkNames: '[name]-[hash]',
      outExtension: { '.js': '.mjs' },
      logLevel: 'silent',
    });
    // the explorer's browser scripts, compiled once here rather than by every run (with bundle.ts's options file)
    const page = join(SRC, 'explorer', 'page');
    const options = JSON.parse(readFileSync(join(page, 'esbuild-options.json'), 'utf8'));
    for (const [entry, out] of [['main.ts', 'explorer-page.js'], ['worker.ts', 'explorer-worker.js']]) {
      await esbuild.build({ ...options, entryPoints: [join(page, entry)], outfile: join(tmp, out) });
    }
    try {
      renameSync(tmp, join(DIST, stamp));
    } catch (e) {
      if (!currentBuild(stamp)) throw e; // another process built the same sources first
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  removeOldBuilds(stamp);
  return join(DIST, stamp, 'highneeds.mjs');
}

function external() {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const bundled = new Set(['commander', '@duckdb/node-api', 'exceljs', 'jszip', 'yaml']);
  const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((n) => !bundled.has(n));
  names.push('@duckdb/node-bindings'); // required by @duckdb/node-api: it loads the native library
  return names.flatMap((n) => [n, `${n}/*`]);
}

function removeOldBuilds(keep) {
  const now = Date.now();
  for (const name of readdirSync(DIST)) {
    if (name === keep) continue;
    const p = join(DIST, name);
    if (now - statSync(p).mtimeMs > KEEP_OLD_MS) rmSync(p, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    console.log(`built ${relative(ROOT, await build())}`);
  } catch (e) {
    // never fail `npm install` for this: bin/highneeds.js tries again, and runs the sources when it cannot
    console.warn(`highneeds: no compiled build (${e instanceof Error ? e.message.split('\n')[0] : String(e)}); bin/highneeds.js will run the sources`);
  }
}

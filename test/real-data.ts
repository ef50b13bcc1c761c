/**
 * Where the tests and the benches find the real published files: the folder `HIGHNEEDS_REAL_DATA` names, else
 * `real-data/` in this checkout (ignored by git: a copy of the files, or a link to where they are kept), else
 * `shared/data/real` beside the checkout, where the maintainers' machines and CI keep them. It holds
 * `ees-ehcp-2022/` (DfE's 2022 release: `data/*.csv` and its ZIP), `ees-ehcp-2025-to-2022/data/` (the 2025 layout up
 * to January 2022), `ons-mye-2019-2020/` (ONS mid-year estimates) and `ons-lookup-ltla-utla-2022/`. The tests that
 * need them are skipped without them, and `npm test` says so once (test/global-setup.mjs).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '..');

/** The first of the places above that exists, else the checkout's `real-data/` (to name in a skip). */
function realData(): string {
  if (process.env.HIGHNEEDS_REAL_DATA) return resolve(repoRoot, process.env.HIGHNEEDS_REAL_DATA);
  const own = join(repoRoot, 'real-data');
  const beside = resolve(repoRoot, '..', 'shared', 'data', 'real');
  return !existsSync(own) && existsSync(beside) ? beside : own;
}

/** The folder of the real published files (which may not exist). */
export const REAL_DATA = realData();
/** Whether it exists. */
export const HAVE_REAL_DATA = existsSync(REAL_DATA);

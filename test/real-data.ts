/**
 * Where the tests and the benches find the real published files: the folder `HIGHNEEDS_REAL_DATA` names, else
 * `real-data/` in this checkout (ignored by git: a copy of the files, or a link to where they are kept). It holds
 * `ees-ehcp-2022/` (DfE's 2022 release: `data/*.csv` and its ZIP), `ees-ehcp-2025-to-2022/data/` (the 2025 layout up
 * to January 2022), `ons-mye-2019-2020/` (ONS mid-year estimates) and `ons-lookup-ltla-utla-2022/`. The tests that
 * need them are skipped without them, and `npm test` says so once (test/global-setup.mjs).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '..');

/** The folder of the real published files (which may not exist). */
export const REAL_DATA = resolve(repoRoot, process.env.HIGHNEEDS_REAL_DATA || join(repoRoot, 'real-data'));
/** Whether it exists. */
export const HAVE_REAL_DATA = existsSync(REAL_DATA);

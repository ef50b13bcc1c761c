/** Paths of the real EES files in ../shared (resolved from the repo root), or undefined when absent. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const REAL = join(ROOT, '../shared/data/real');

export const REAL_EES_FILES = [
  'ees-ehcp-2022/data/sen2_age_caseload.csv',
  'ees-ehcp-2022/data/sen2_estab_caseload.csv',
  'ees-ehcp-2022/data/sen2_age_new_plans.csv',
  'ees-ehcp-2025-to-2022/data/caseload.csv',
  'ees-ehcp-2025-to-2022/data/newplans.csv',
  'ees-ehcp-2025-to-2022/data/requests.csv',
].map((f) => join(REAL, f));

export const HAVE_REAL = REAL_EES_FILES.every((f) => existsSync(f));

/**
 * `init --from FILE…`: copies the rows of published EES files that a run of one LA needs — the LA's own, England's
 * and the regions' (what its trend is pooled towards) — into the starter folder's data/. I/O at the edge of init.
 */
import { basename, join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { streamCsv } from '../etl/csv/read-csv.ts';
import { canonicalNewCode } from '../domain/index.ts';
import { inputError } from '../errors.ts';

const q = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * Writes `dir/<file name>` for each EES file with the header and the rows of the LA, England and the regions.
 * Returns the names written; throws an input error naming a file that is not an EES file or has no row of the LA.
 */
export async function prefillFromRelease(files: readonly string[], la: string, dir: string): Promise<string[]> {
  const want = la.trim().toUpperCase();
  const written: string[] = [];
  for (const file of files) {
    const lines: string[] = [];
    let level = -1;
    let oldCode = -1;
    let newCode = -1;
    let found = 0;
    await streamCsv(file, (recs) => {
      for (const r of recs) {
        if (level < 0) {
          const names = r.fields.map((f) => f.trim().toLowerCase());
          level = names.indexOf('geographic_level');
          oldCode = names.indexOf('old_la_code');
          newCode = names.indexOf('new_la_code');
          if (level < 0 || oldCode < 0 || newCode < 0)
            throw inputError(`${file}: not a published EES file (no geographic_level, old_la_code and new_la_code columns); give the release's data files to --from.`);
          lines.push(r.fields.map(q).join(','));
          continue;
        }
        const lv = r.fields[level]?.trim();
        const mine = r.fields[oldCode]?.trim() === want || canonicalNewCode(r.fields[newCode] ?? '') === canonicalNewCode(want);
        if (lv === 'National' || lv === 'Regional' || (lv === 'Local authority' && mine)) {
          lines.push(r.fields.map(q).join(','));
          if (mine) found++;
        }
      }
    });
    if (found === 0) throw inputError(`${file}: no row for LA ${la}. Check the code (DfE three-digit or ONS nine-character) or give a release that covers it.`);
    const name = basename(file);
    await writeFile(join(dir, name), lines.join('\n') + '\n', { flag: 'wx' });
    written.push(name);
  }
  return written;
}

/**
 * Children's personal data never reaches an output: a full run on the sample (whose SEN2 returns carry fake but
 * well-formed UPNs, ULNs, names, postcodes and birth dates) writes a workbook, CSVs, an HTML report and a JSON
 * document, and none of them, nor the load cache the run keeps, holds any of those values anywhere (as a substring:
 * the check is `text.includes(id)` for every id and text, done in one pass per text by test/occurrences.ts).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { DEFAULT_CACHE_DIR } from '../../src/etl/cache-key.ts';
import { runCli } from '../cli/helpers.ts';
import { occurrences } from '../occurrences.ts';
import { tempDir } from '../temp.ts';

function identifiers(xml: string): Set<string> {
  const out = new Set<string>();
  for (const tag of ['UPN', 'UniqueLearnerNumber', 'Surname', 'PostCode', 'PersonBirthDate']) {
    for (const m of xml.matchAll(new RegExp(`<${tag}>([^<]+)</${tag}>`, 'g'))) out.add(m[1]!.trim());
  }
  return out;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('personal data', () => {
  it('the one-pass search finds exactly what includes() finds', () => {
    const ids = new Set(['A999000001951', 'Test-cxb', 'ZZ99 1ZZ', '1999-05-02', 'Test-cxbb']);
    const text = 'x A999000001951 y Test-cxbbb ZZ99 1Z 1999-05-02';
    expect(occurrences(ids, text).sort()).toEqual([...ids].filter((id) => text.includes(id)).sort());
    expect(occurrences(ids, 'nothing here')).toEqual([]);
  });

  it('no raw identifier, name, postcode or birth date from the SEN2 returns appears in any output', async () => {
    const ids = new Set<string>();
    for (const f of readdirSync('data-samples').filter((x) => x.endsWith('.xml'))) {
      for (const id of identifiers(readFileSync(join('data-samples', f), 'utf8'))) ids.add(id);
    }
    expect(ids.size).toBeGreaterThan(1000);
    const out = join(tempDir('hn-pd-'), 'run');
    const r = await runCli('run', '--draws', '20', '--csv', '--json', '--out', out);
    expect(r.code, r.stderr).toBe(0);

    const texts: Array<[string, string]> = [['stdout', r.stdout], ['stderr', r.stderr]];
    for (const f of filesUnder(out)) {
      if (f.endsWith('.xlsx')) {
        const zip = await JSZip.loadAsync(readFileSync(f));
        for (const [name, entry] of Object.entries(zip.files)) {
          if (!entry.dir && /\.(xml|rels)$/.test(name)) texts.push([`${f}!${name}`, await entry.async('string')]);
        }
      } else if (/\.(html|csv|json|txt)$/.test(f)) texts.push([f, readFileSync(f, 'utf8')]);
    }
    expect(texts.some(([f]) => f.endsWith('.csv'))).toBe(true);
    const cache = process.env.HIGHNEEDS_CACHE_DIR ?? DEFAULT_CACHE_DIR;
    const cached = existsSync(cache) ? filesUnder(cache) : [];
    expect(cached.some((f) => f.endsWith('.duckdb'))).toBe(true);
    for (const f of cached) texts.push([f, readFileSync(f, f.endsWith('.json') ? 'utf8' : 'latin1')]);
    const leaks: string[] = [];
    for (const [f, text] of texts) for (const id of occurrences(ids, text)) leaks.push(`${id} in ${f}`);
    expect(leaks.slice(0, 10)).toEqual([]);
  });
});

/**
 * Children's personal data never reaches an output: a full run on the sample (whose SEN2 returns carry fake but
 * well-formed UPNs, ULNs, names, postcodes and birth dates) writes a workbook, CSVs, an HTML report and a JSON
 * document, and none of them holds any of those values.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { runCli } from '../cli/helpers.ts';

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
  it('no raw identifier, name, postcode or birth date from the SEN2 returns appears in any output', async () => {
    const ids = new Set<string>();
    for (const f of readdirSync('data-samples').filter((x) => x.endsWith('.xml'))) {
      for (const id of identifiers(readFileSync(join('data-samples', f), 'utf8'))) ids.add(id);
    }
    expect(ids.size).toBeGreaterThan(1000);
    const out = join(mkdtempSync(join(tmpdir(), 'hn-pd-')), 'run');
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
    const leaks: string[] = [];
    for (const [f, text] of texts) for (const id of ids) if (text.includes(id)) leaks.push(`${id} in ${f}`);
    expect(leaks.slice(0, 10)).toEqual([]);
  });
});

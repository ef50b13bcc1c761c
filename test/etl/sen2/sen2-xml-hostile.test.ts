/**
 * Hostile SEN2 XML: no DOCTYPE or entity declarations (head or inside a person), an element far larger than any
 * real Person is refused quickly with bounded memory, and a return with no persons is an error.
 */
import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readSen2Xml } from '../../../src/etl/readers/sen2-xml.ts';
import { withTempDir } from '../../temp.ts';
import { XML_2024, collect, ctx } from './helpers.ts';

async function readEdited(edit: (xml: string) => string) {
  const xml = await readFile(XML_2024, 'utf8');
  const out = edit(xml);
  expect(out).not.toBe(xml);
  return withTempDir(async (d) => {
    const p = join(d, 'r.xml');
    await writeFile(p, out);
    const sink = collect();
    return { report: await readSen2Xml(p, sink, ctx(p)), rows: sink.rows.length };
  });
}

describe('SEN2 XML against hostile files', () => {
  it('refuses a DOCTYPE with entities in the head, writing nothing', async () => {
    const { report, rows } = await readEdited((x) =>
      x.replace('<Message>', '<!DOCTYPE Message [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<Message>'),
    );
    expect(rows).toBe(0);
    expect(report.errors[0]!.message).toMatch(/DOCTYPE or entity declaration/);
    expect(report.errors[0]!.line).toBeGreaterThan(1);
  });

  it('refuses a DOCTYPE inside a person, naming its line', async () => {
    const { report } = await readEdited((x) => x.replace('<Person>', '<Person><!DOCTYPE x [<!ENTITY e "e">]>'));
    expect(report.errors.some((e) => /DOCTYPE/.test(e.message) && e.path?.startsWith('Message/Persons/Person[1]'))).toBe(true);
  });

  it('refuses an element of several MB quickly, without reading it whole', async () => {
    const big = `<Surname>${'x'.repeat(6 * 1024 * 1024)}</Surname>`;
    const t0 = performance.now();
    const { report } = await readEdited((x) => x.replace('<Person>', `<Person>${big}`));
    expect(report.errors.some((e) => /longer than 4 MB/.test(e.message))).toBe(true);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });

  it('a return with no persons is an error', async () => {
    const { report } = await readEdited((x) => x.replace(/<Persons>[\s\S]*<\/Persons>/, '<Persons>\n </Persons>'));
    expect(report.errors.map((e) => e.message).join('\n')).toMatch(/no Person elements/);
  });
});

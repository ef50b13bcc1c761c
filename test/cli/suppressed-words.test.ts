/**
 * `run --suppress-small-counts`: the notes written for publication (the workbook's Data quality sheet, sheet notes and
 * assumptions, the report's prose and data notes, the explorer page's notes and data) give no small count of plans in
 * their words. Before, with every cell of Isles of Scilly's small placements at [c], the Plans by placement sheet's note
 * read 'the 1 plan projected there by January 2032', the Data quality sheet 'its 2 new plans are too few' and
 * 'Incidence scaled by 1.000 so that 2.3 new plans are issued in 2022', the same in the report and the page; the
 * sample at 1000 gave '2 plan(s) active at census 2023', 'Of 173 children with plans moving from Year 6 to Year 7,
 * 72 (42%) …' and '7% (199 children)', and the charts' text alternatives 'Sankey diagram of 173 plans …' and 'state
 * special schools 813 rising to 2,353'.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { suppressedText, suppressionNote } from '../../src/report/suppress.ts';
import { initLaShared, runCli } from './helpers.ts';
import { tempDir } from '../temp.ts';
import { loadPageInNode } from '../explorer/bundle-in-node.ts';
import { HAVE_REAL_DATA, REAL_DATA } from '../real-data.ts';

/** A number, up to four words (no year), then plan(s), children or young people: written independently of suppressedText. */
const COUNT_WORDS = /(?<![\w.,£$%-])(\d[\d,]*(?:\.\d+)?)(?: (?!years?\b)[A-Za-z’'-]+){0,4}? (?:plans?\b|plan\(s\)|children\b|young people\b)/g;
/** A bare count with its share, as the report's transitions give one ("72 (42%) are projected"). */
const COUNT_SHARE = /(?<![\w.,£$%-])(\d[\d,]*) \(\d+(?:\.\d+)?%\) (?:are|were|is|was) /g;

/** Every small count (above 0, below t) of plans in the texts, with its words, by where it was read. */
function smallCounts(texts: Record<string, string>, t: number): string[] {
  const out: string[] = [];
  for (const [where, text] of Object.entries(texts))
    for (const re of [COUNT_WORDS, COUNT_SHARE])
      for (const m of text.matchAll(re)) {
        const v = Number(m[1]!.replace(/,/g, ''));
        if (v > 0 && v < t) out.push(`${where}: ${text.slice(Math.max(0, m.index - 60), m.index + m[0].length)}`);
      }
  return out;
}

const unescape = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#0?39;|&apos;/g, "'").replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/&amp;/g, '&');
/** The words of an HTML page with its images' and charts' text alternatives; its scripts and charts' drawings left out (an axis reads '4 EHC plans'). */
const words = (html: string): string =>
  unescape(html.replace(/<(script|style|svg)\b[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]*?\b(?:alt|aria-label)="([^"]*)"[^>]*>/g, ' $1 ').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');

/** Every text a run wrote for publication: the workbook's cells and notes, the report's words, the page's words and the notes in its data. */
async function publishedTexts(out: string, id: string): Promise<Record<string, string>> {
  const texts: Record<string, string> = {};
  const zip = await JSZip.loadAsync(readFileSync(join(out, `highneeds-${id}.xlsx`)));
  for (const [name, e] of Object.entries(zip.files))
    if (name.endsWith('.xml')) for (const [i, m] of [...(await e.async('string')).matchAll(/<t(?: [^>]*)?>([^<]*)<\/t>|\bdescr="([^"]*)"/g)].entries()) texts[`${name} #${i}`] = unescape(m[1] ?? m[2]!);
  texts.report = words(readFileSync(join(out, `recovery-plan-${id}.html`), 'utf8'));
  const page = join(out, `explorer-${id}.html`);
  texts.explorer = words(readFileSync(page, 'utf8'));
  const { payload } = loadPageInNode(page);
  for (const [i, n] of [...(payload.notes ?? []), ...payload.input.rates.notes, payload.suppression?.note ?? ''].entries()) texts[`explorer data note ${i}`] = n;
  return texts;
}

describe('run --suppress-small-counts: no small count of plans in the words written for publication', () => {
  it('suppressedText: small counts read "fewer than N", shares that give them back lose their percentage', () => {
    expect(suppressedText('its 2 new plans are too few', 5)).toBe('fewer than 5 new plans are too few');
    expect(suppressedText('The 1 plan projected there by January 2032 (of its 41 plans then)', 5)).toBe('Fewer than 5 plans projected there by January 2032 (of its 41 plans then)');
    expect(suppressedText("SEN2 placements: 4 of LA 999's 2,413 plans at census 2023 (0.2%) are at a school", 5)).toBe("SEN2 placements: fewer than 5 of LA 999's 2,413 plans at census 2023 are at a school");
    expect(suppressedText('the 5 of its 16 plans … are put there, shared evenly (1.3 each)', 5)).toBe('the 5 of its 16 plans … are put there, shared evenly (fewer than 5 each)');
    expect(suppressedText('plans go from 16 in January 2022 to 41 by January 2032; aged 0 to 25 in January 2022, from 10 to 16 by January 2022', 30)).toBe(
      'plans go from fewer than 30 in January 2022 to 41 by January 2032; aged 0 to 25 in January 2022, from fewer than 30 to fewer than 30 by January 2022',
    );
    expect(suppressedText('none in state special schools and 2 in independent schools; plans for children under 5 from 1 to 2; aged 0 to 25, ages from 4 to 15', 5)).toBe(
      'none in state special schools and fewer than 5 in independent schools; plans for children under 5 from fewer than 5 to fewer than 5; aged 0 to 25, ages from 4 to 15',
    );
    expect(suppressedText('Of 173 children with plans, 72 (42%) are projected to move', 1000)).toBe('Of fewer than 1,000 children with plans, fewer than 1,000 are projected to move');
    // years, shares, money and counts from the threshold up stay; no threshold gives the words as they are
    for (const s of ['read over 1 year, not 3 (new plans of 2021)', 'plans changed by 67% into January 2014', 'costs £3 plan-year', 'its 16 plans']) expect(suppressedText(s, 5)).toBe(s);
    expect(suppressedText('its 2 new plans', undefined)).toBe('its 2 new plans');
    // a share before its count gives the count back from the total: it goes with it
    expect(suppressedText('27% in state special schools and 1% (3 children) in independent schools; 7% (199 children) elsewhere', 5)).toBe(
      '27% in state special schools and fewer than 5 children in independent schools; 7% (199 children) elsewhere',
    );
    // the sentence saying what [c] stands for is left as it is (the report's read 'from fewer than 1,000 to fewer than 1,000')
    const said = suppressionNote(1000);
    expect(suppressedText(`its 2 new plans. ${said}`, 1000)).toBe(`fewer than 1,000 new plans. ${said}`);
  });

  it('the sample, counts below 1000', async () => {
    const out = tempDir('hn-suppressed-words-');
    const r = await runCli('run', '--data', 'data-samples', '--demand-only', '--draws', '0', '--suppress-small-counts', '1000', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const texts = await publishedTexts(out, 'baseline');
    expect(Object.keys(texts).length).toBeGreaterThan(100);
    expect(smallCounts(texts, 1000)).toEqual([]);
    expect(texts.report).toContain('Of fewer than 1,000 children with plans moving from Year 6 to Year 7');
    // a chart's text alternative, in the report and the workbook, gives its small counts as [c] (the cells' marker)
    expect(texts.report).toContain('Sankey diagram of [c] plans moving from Year 6 to Year 7');
    expect(texts.report).toMatch(/state special schools \[c\] rising to 2,\d{3}/);
    expect(Object.entries(texts).some(([k, t]) => k.startsWith('xl/drawings/') && t.includes('Sankey diagram of [c] plans'))).toBe(true);
  });

  it.skipIf(!HAVE_REAL_DATA)('Isles of Scilly on the real 2022 release, counts below 5', async () => {
    const dir = await initLaShared('420', join(REAL_DATA, 'ees-ehcp-2022', 'data'));
    const outs = tempDir('hn-suppressed-words-ios-');
    const out = join(outs, 'out');
    const r = await runCli('run', join(dir, 'scenarios', 'baseline.yaml'), '--data', join(dir, 'data'), '--la', '420', '--demand-only', '--draws', '0', '--suppress-small-counts', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const texts = await publishedTexts(out, 'baseline');
    expect(smallCounts(texts, 5)).toEqual([]);
    expect(Object.values(texts).join('\n')).toContain('fewer than 5 new plans are too few to show at which ages it issues plans');
    // stderr is the analyst's: it keeps the figures
    expect(r.stderr).toContain('its 2 new plans are too few');
    // at 30 its totals to January 2028 are small too: the report's summary, cards and prose give none
    const out30 = join(outs, 'out30');
    const r30 = await runCli('run', join(dir, 'scenarios', 'baseline.yaml'), '--data', join(dir, 'data'), '--la', '420', '--demand-only', '--draws', '0', '--suppress-small-counts', '30', '--out', out30);
    expect(r30.code, r30.stderr).toBe(0);
    const report = (await publishedTexts(out30, 'baseline')).report!;
    expect(report).toContain('Isles of Scilly has [c] EHC plans (January 2022)');
    expect(report).toMatch(/plans go from fewer than 30 in January 2022 to \d+ by January 2032/);
    expect(report).not.toMatch(/\b16 EHC plans|from 16 in January/);
  });
});

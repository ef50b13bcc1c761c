/**
 * The explorer page showed the run's figures with none of the notes that change what they mean: Cumberland's page
 * (a later release, January 2026) showed a DSG balance built on the opening-balance table's 2024-25 figure used for
 * 2025-26, place funding of £0 and a trend read from Cumbria's history apportioned 55%, while the notes saying so were
 * only on stderr and in the workbook's Data quality sheet, neither of which the page's reader sees. The page now lists
 * the run's notes (payload `notes`) at its top, as static HTML, shown before and without the script. That a run
 * gives its page the notes it says on stderr is checked in parity.test.ts, on the run that test makes.
 */
import { describe, expect, it } from 'vitest';
import { explorerHtml } from '../../src/explorer/page-html.ts';
import type { ExplorerPayload } from '../../src/explorer/payload.ts';
import { runNotesHeading } from '../../src/messages/explorer.ts';
import { runNotesItems } from './bundle-in-node.ts';

/** What explorerHtml reads of a payload beyond the JSON it embeds. */
const payload = {
  tool: 'highneeds',
  version: '0',
  runDate: '2026-12-05',
  la: { oldCode: '942', newCode: 'E06000063', name: 'Cumberland' },
  scenario: { name: 'Baseline' },
} as unknown as ExplorerPayload;
const bundle = { page: '', worker: '' };

describe('the run’s notes on the explorer page', () => {
  it('are listed at the top, before the page’s app, under a heading that counts them', () => {
    const notes = ['Cumberland: history before January 2024 joined from Cumbria (909), 55.0% of their summed figures', 'Place funding: the places table is empty'];
    const html = explorerHtml({ ...payload, notes }, bundle);
    expect(runNotesItems(html)).toEqual(notes);
    expect(html).toContain(runNotesHeading(2));
    expect(html.indexOf('id="run-notes"')).toBeLessThan(html.indexOf('<main id="app"'));
  });

  it('are escaped, and a run with none has no section', () => {
    expect(runNotesItems(explorerHtml({ ...payload, notes: ['<b>x</b> & "y"'] }, bundle))).toEqual(['&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;']);
    expect(runNotesItems(explorerHtml(payload, bundle))).toBeUndefined();
    expect(runNotesItems(explorerHtml({ ...payload, notes: [] }, bundle))).toBeUndefined();
  });
});

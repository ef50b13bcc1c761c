/**
 * The explorer as one self-contained HTML file: the page skeleton, its CSS, the run's payload as JSON and the
 * compiled scripts, with a Content-Security-Policy that forbids every network request. Pure: strings in, string out.
 */
import { escapeHtml } from '../report/safe-text.ts';
import type { ExplorerBundle } from './bundle.ts';
import { encodeJson } from './codec.ts';
import { EXPLORER_CSS } from './page-css.ts';
import { RUN_NOTES_WHERE, runNotesHeading } from '../messages/explorer.ts';
import type { ExplorerPayload } from './payload.ts';

/**
 * Compiled JavaScript safe inside a <script> element: `</script` and `<!--` can only occur inside string, regex or
 * template literals, where `<\/` and `<\!` mean the same characters.
 */
function scriptText(s: string): string {
  return s.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** The run's notes (payload `notes`) as static HTML under the header, so they show before and without the script. */
function runNotesHtml(notes: readonly string[] | undefined): string {
  if (!notes?.length) return '';
  const items = notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('');
  return `<section id="run-notes" class="warn" aria-labelledby="run-notes-h"><h2 id="run-notes-h">${escapeHtml(runNotesHeading(notes.length))}</h2><ul>${items}</ul><p>${escapeHtml(RUN_NOTES_WHERE)}</p></section>
`;
}

const CSP = "default-src 'none'; script-src 'unsafe-inline'; worker-src blob:; style-src 'unsafe-inline'; img-src data: blob:";

/**
 * @example explorerHtml(payload, await explorerBundle()) // '<!doctype html>…'
 */
export function explorerHtml(p: ExplorerPayload, bundle: ExplorerBundle): string {
  const title = `Scenario explorer: ${p.scenario.name} — ${p.la.name}`;
  // JSON inside a script element: `<` escaped so no text can close the element.
  const data = encodeJson(p).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(`${p.tool} ${p.version}`)}">
<title>${escapeHtml(title)}</title>
<style>${EXPLORER_CSS}</style>
</head>
<body>
<a class="skip" href="#results">Skip to results</a>
<header>
  <p class="kicker">Scenario explorer · ${escapeHtml(p.la.name)}</p>
  <h1 id="title">${escapeHtml(p.scenario.name)}</h1>
  <p class="meta" id="meta"></p>
  <noscript><p class="warn">This page needs JavaScript to compute scenarios. The workbook and the recovery-plan report beside this file show the scenario as run.</p></noscript>
</header>
${runNotesHtml(p.notes)}<main id="app" aria-busy="true">
  <p id="loading">Loading the model…</p>
</main>
<script type="application/json" id="highneeds-data">${data}</script>
<script type="text/plain" id="highneeds-worker">${scriptText(bundle.worker)}</script>
<script>${scriptText(bundle.page)}</script>
</body>
</html>
`;
}

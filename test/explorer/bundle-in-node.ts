/**
 * Test helper: the explorer page's compiled script and payload, read out of a written explorer HTML file, with the
 * script evaluated in a Node `vm` context (no DOM: the page's app does not start; its core is left on
 * `globalThis.highneedsCore`).
 * The context's global is an ordinary object (`DONT_CONTEXTIFY`), as a browser's is, not one whose every property
 * goes through Node's interceptors to a sandbox object: with those, each lookup of a global (`Math`, `Float64Array`…)
 * from the page's loops was a call into C++, and a lever move cost about 150 ms instead of about 30 ms (the explorer
 * parity test spent most of its 15 s there). The page still sees only what it is given here: no `process`,
 * `Buffer` or `require`.
 * A script is evaluated once per test process and its core kept, as one open page keeps its script for every lever
 * move; each call still decodes the file's own payload afresh, and the page keeps what a variant prepared only on
 * its payload (WeakMaps keyed by it, src/explorer/compute.ts), so a call's payload carries nothing from an earlier
 * call. A context evaluated afresh on each call ran its first variant cold (about 250 ms against 30–60 ms once the
 * engine's code is compiled): the explorer tests load pages about 20 times.
 */
import { readFileSync } from 'node:fs';
import { constants, createContext, runInContext } from 'node:vm';
import type { core as Core } from '../../src/explorer/page/main.ts';
import type { ExplorerPayload } from '../../src/explorer/payload.ts';

export interface PageInNode {
  core: typeof Core;
  payload: ExplorerPayload;
  html: string;
}

/** The core of each page script evaluated so far, by the script's text. */
const cores = new Map<string, typeof Core>();

/** The page script's core, evaluated in a context of its own the first time this script is seen. */
function coreOf(page: string, file: string): typeof Core {
  let core = cores.get(page);
  if (core) return core;
  // DONT_CONTEXTIFY: Node 20.18 and later; before, an ordinary (slower) sandbox
  const context = createContext(constants.DONT_CONTEXTIFY ?? {}) as Record<string, unknown>;
  Object.assign(context, { btoa, atob, performance, structuredClone, console });
  runInContext(page, context, { filename: file });
  core = (context as { highneedsCore?: typeof Core }).highneedsCore;
  if (!core) throw new Error(`${file}: the page script left no highneedsCore`);
  cores.set(page, core);
  return core;
}

/** Loads an explorer page's script and payload in Node (the payload decoded afresh on every call). */
export function loadPageInNode(file: string): PageInNode {
  const html = readFileSync(file, 'utf8');
  const data = /<script type="application\/json" id="highneeds-data">([\s\S]*?)<\/script>/.exec(html)?.[1];
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
  const page = scripts[scripts.length - 1]?.[1];
  if (!data || !page) throw new Error(`${file}: no payload or page script`);
  const core = coreOf(page, file);
  return { core, payload: core.decodeJson<ExplorerPayload>(data), html };
}

/** The notes in a page's static run-notes section (page-html.ts), as its HTML holds them; undefined: no section. */
export function runNotesItems(html: string): string[] | undefined {
  const section = /<section id="run-notes"[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1];
  return section === undefined ? undefined : [...section.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!);
}

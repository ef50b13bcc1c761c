/**
 * The explorer page's entry: reads the embedded payload, starts the app and exposes `window.highneeds` (outputs.md):
 * `ready`, `levers()`, `set(path, value)`, `result()`, `scenarioYaml()`. The compiled core is also left on
 * `globalThis.highneedsCore`, so the parity test can evaluate this very script in Node (where there is no document
 * and the app does not start).
 */
import { decodeJson } from '../codec.ts';
import { computeVariant, figuresProblem, outcomeFigures, type ExplorerResult } from '../compute.ts';
import { leversOf, setAt } from '../levers.ts';
import type { ExplorerPayload } from '../payload.ts';
import { scenarioYaml } from '../scenario-yaml.ts';
import { App } from './app.ts';
import { counted } from '../../util/plural.ts';

/** The compiled core, for evaluation outside a browser. */
export const core = { computeVariant, decodeJson, figuresProblem, leversOf, outcomeFigures, setAt, scenarioYaml };
(globalThis as { highneedsCore?: typeof core }).highneedsCore = core;

export interface HighneedsApi {
  ready: Promise<void>;
  levers(): Array<{ path: string; label: string; min: number; max: number; step: number; value: number }>;
  set(path: string, value: number): Promise<void>;
  /** The current result; throws, saying why, when the page shows no figures for the variant (they cannot be believed). */
  result(): ExplorerResult;
  scenarioYaml(): string;
  /** Milliseconds of the last deterministic recompute and redraw (for benchmarks). */
  lastRecomputeMs(): number;
  /** The last Monte Carlo range: draws and milliseconds from request to quantiles (for benchmarks). */
  lastRange(): { draws: number; ms: number } | undefined;
}

declare global {
  interface Window {
    highneeds: HighneedsApi;
  }
}

const nextFrame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()));

function start(): App {
  const text = document.getElementById('highneeds-data')?.textContent;
  if (!text) throw new Error('the page has no embedded data');
  const payload = decodeJson<ExplorerPayload>(text);
  const meta = document.getElementById('meta');
  if (meta)
    meta.textContent = `${payload.la.name} (${payload.la.oldCode}, ${payload.la.newCode}) · base year January ${payload.input.baseYear} · ${counted(payload.input.horizon, 'year')} · run ${payload.runDate.slice(0, 10)} · ${payload.tool} ${payload.version}`;
  return new App(payload, document.getElementById('app')!);
}

let app: App | undefined;
const need = (): App => {
  if (!app) throw new Error('the explorer has not started (await window.highneeds.ready)');
  return app;
};

if (typeof document !== 'undefined') installPage();

/** Starts the app when the page has loaded and installs `window.highneeds`. */
function installPage(): void {
  const ready = new Promise<void>((resolve, reject) => {
    const go = () => {
      try {
        app = start();
        void nextFrame().then(resolve);
      } catch (e) {
        const root = document.getElementById('app');
        if (root) root.textContent = `The explorer could not start: ${e instanceof Error ? e.message : String(e)}`;
        reject(e);
      }
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', go);
    else go();
  });

  window.highneeds = {
    ready,
    levers: () => need().levers().map(({ path, label, min, max, step, value }) => ({ path, label, min, max, step, value })),
    set: async (path, value) => {
      await ready;
      const err = need().trySet(path, value, true);
      if (err) throw new Error(err);
      await nextFrame();
    },
    result: () => structuredClone(need().result()),
    scenarioYaml: () => need().scenarioYaml(),
    lastRecomputeMs: () => need().lastRecomputeMs,
    lastRange: () => need().lastRange,
  };
}

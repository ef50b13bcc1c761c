/**
 * Chart worker thread entry: draws the chart specs it is sent with the one renderer (render.ts) and posts the PNG
 * bytes back, one message per request. Loaded through render-worker-boot.mjs (the sources) or the build's
 * render-worker-boot.mjs (scripts/build.mjs).
 */
import { parentPort } from 'node:worker_threads';
import type { ChartSpec } from './chart-spec.ts';
import { renderCharts } from './render.ts';

export interface RenderRequest {
  id: number;
  specs: ChartSpec[];
}

export type RenderReply = { id: number; ok: true; pngs: Uint8Array[] } | { id: number; ok: false; error: string };

parentPort!.on('message', (req: RenderRequest) => {
  renderCharts(req.specs).then(
    (pngs) => parentPort!.postMessage({ id: req.id, ok: true, pngs } satisfies RenderReply),
    (e: unknown) => parentPort!.postMessage({ id: req.id, ok: false, error: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) } satisfies RenderReply),
  );
});

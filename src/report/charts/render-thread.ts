/**
 * Charts drawn on a worker thread, so a run draws and encodes them while this thread prices the budget and builds
 * the workbook (the machine's second core), and loads Chart.js and the canvas there meanwhile:
 *
 *   chartThread() at the start of a run ──► worker loads render.ts (Chart.js, @napi-rs/canvas, fonts)
 *   render(specs) ──postMessage──► worker: renderCharts(specs) ──PNG bytes──► resolves, in spec order
 *
 * The worker runs the one renderer (render.ts): the same specs give the same PNG bytes as in this thread. Renders
 * are remembered by spec, so charts asked for early (the demand charts, before the budget) are not drawn twice when
 * the whole set is asked for; a spec that changed in between is simply drawn again.
 */
import { Worker } from 'node:worker_threads';
import { ExitCode, HighneedsError } from '../../errors.ts';
import { chartThreadFailed } from '../../messages/report.ts';
import type { ChartSpec } from './chart-spec.ts';
import type { RenderReply, RenderRequest } from './render-worker.ts';

export interface ChartRenderer {
  /** PNG bytes of each spec, in order. */
  render(specs: ChartSpec[]): Promise<Buffer[]>;
  /** Starts drawing specs that a later `render` will ask for (a failure shows there). */
  prefetch(specs: ChartSpec[]): void;
  /** Stops the thread (pending renders fail). */
  close(): Promise<void>;
}

/**
 * Starts a chart thread.
 * @example const charts = chartThread(); const [png] = await charts.render([spec]); await charts.close();
 */
export function chartThread(): ChartRenderer {
  const worker = new Worker(new URL('./render-worker-boot.mjs', import.meta.url));
  worker.unref(); // an idle chart thread never keeps a finished run's process alive
  const pending = new Map<number, { resolve: (pngs: Buffer[]) => void; reject: (e: Error) => void }>();
  const memo = new Map<string, Promise<Buffer>>();
  let next = 0;
  let failure: Error | undefined;
  const fail = (e: Error) => {
    failure ??= e;
    for (const p of pending.values()) p.reject(failure);
    pending.clear();
  };
  worker.on('message', (reply: RenderReply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (reply.ok) p.resolve(reply.pngs.map((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength)));
    else p.reject(new HighneedsError(ExitCode.INTERNAL, chartThreadFailed(reply.error)));
  });
  worker.on('error', (e) => fail(new HighneedsError(ExitCode.INTERNAL, chartThreadFailed(e.message), [], { cause: e })));
  worker.on('exit', (code) => fail(new HighneedsError(ExitCode.INTERNAL, chartThreadFailed(`exited with code ${code}`))));
  const post = (specs: ChartSpec[]): Promise<Buffer[]> => {
    if (failure) return Promise.reject(failure);
    const id = next++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.ref(); // a render in flight keeps the process alive until it is back
      worker.postMessage({ id, specs } satisfies RenderRequest);
    }).finally(() => {
      if (pending.size === 0) worker.unref();
    }) as Promise<Buffer[]>;
  };
  return {
    render(specs) {
      const keys = specs.map((s) => JSON.stringify(s));
      const fresh = specs.filter((_, i) => !memo.has(keys[i]!));
      if (fresh.length > 0) {
        const batch = post(fresh);
        fresh.forEach((s, i) => {
          const png = batch.then((pngs) => pngs[i]!);
          png.catch(() => undefined); // seen by whoever awaits it; a prefetched chart nobody asks for must not crash the run
          memo.set(JSON.stringify(s), png);
        });
      }
      return Promise.all(keys.map((k) => memo.get(k)!));
    },
    prefetch(specs) {
      this.render(specs).catch(() => undefined);
    },
    async close() {
      fail(new HighneedsError(ExitCode.INTERNAL, chartThreadFailed('it was closed')));
      await worker.terminate();
    },
  };
}

/**
 * Charts drawn on a worker thread, so a run draws and encodes them while this thread prices the budget and builds
 * the workbook (the machine's second core), and loads Chart.js and the canvas there meanwhile:
 *
 *   chartThread() at the start of a run ──► worker loads render.ts (Chart.js, @napi-rs/canvas, fonts)
 *   render(specs) ──postMessage──► worker: renderCharts(specs) ──PNG bytes──► resolves, in spec order
 *
 * The worker runs the one renderer (render.ts): the same specs give the same PNG bytes as in this thread. Renders
 * are remembered by spec, so charts asked for early (the demand charts, before the budget) are not drawn twice when
 * the whole set is asked for; a spec that changed in between is simply drawn again. The thread outlives a run: a
 * process that runs again (the tests; `compare` already shares one renderer between its scenarios) does not pay
 * for loading Chart.js and the canvas twice, nor draw again a chart it drew for an earlier run (the PNG bytes of the
 * last DRAWN_KEPT specs drawn are kept: the same spec gives the same bytes; in the tests about 40% of the charts
 * asked for, the demand charts of the sample's runs above all, at about 60 ms of drawing and encoding each). A
 * thread that failed is replaced by the next run's.
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
  /** Ends this renderer: its renders in flight fail, later ones too; the thread stays for the process's next run. */
  close(): Promise<void>;
}

/** The worker and the renders in flight on it. */
interface Thread {
  worker: Worker;
  pending: Map<number, { resolve: (pngs: Buffer[]) => void; reject: (e: Error) => void }>;
  next: number;
  /** Why it stopped, once it has. */
  failure?: Error;
}

/** The process's one chart worker: started by the first run, kept (unreferenced while idle) for the runs after it. */
let current: Thread | undefined;

/** PNG bytes of specs drawn (by JSON text), in the order drawn; only renders that succeeded. */
const drawn = new Map<string, Buffer>();
/** Specs whose PNG bytes `drawn` keeps (a run draws 8–12; a PNG is about 150 KB). */
const DRAWN_KEPT = 64;

function keepDrawn(key: string, png: Buffer): void {
  drawn.delete(key);
  drawn.set(key, png);
  for (const oldest of drawn.keys()) {
    if (drawn.size <= DRAWN_KEPT) break;
    drawn.delete(oldest);
  }
}

function thread(): Thread {
  if (current && !current.failure) return current;
  const worker = new Worker(new URL('./render-worker-boot.mjs', import.meta.url));
  worker.unref(); // an idle chart thread never keeps a finished run's process alive
  const t: Thread = { worker, pending: new Map(), next: 0 };
  const fail = (e: Error) => {
    t.failure ??= e;
    for (const p of t.pending.values()) p.reject(t.failure);
    t.pending.clear();
    if (current === t) current = undefined; // the next run starts a new one
  };
  worker.on('message', (reply: RenderReply) => {
    const p = t.pending.get(reply.id);
    if (!p) return; // its renderer was closed meanwhile
    t.pending.delete(reply.id);
    if (reply.ok) p.resolve(reply.pngs.map((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength)));
    else p.reject(new HighneedsError(ExitCode.INTERNAL, chartThreadFailed(reply.error)));
  });
  worker.on('error', (e) => fail(new HighneedsError(ExitCode.INTERNAL, chartThreadFailed(e.message), [], { cause: e })));
  worker.on('exit', (code) => fail(new HighneedsError(ExitCode.INTERNAL, chartThreadFailed(`exited with code ${code}`))));
  current = t;
  return t;
}

/**
 * A chart renderer on the process's chart thread. A process that runs several times (the tests, a later `compare`)
 * starts the thread, and loads Chart.js and the canvas in it, once; each renderer remembers its own renders.
 * @example const charts = chartThread(); const [png] = await charts.render([spec]); await charts.close();
 */
export function chartThread(): ChartRenderer {
  const t = thread();
  const memo = new Map<string, Promise<Buffer>>();
  const mine = new Set<number>(); // this renderer's renders in flight
  const waiting = new Set<(e: Error) => void>(); // rejects of this renderer's renders not yet settled
  let closed: Error | undefined;
  const post = (specs: ChartSpec[]): Promise<Buffer[]> => {
    const failure = closed ?? t.failure;
    if (failure) return Promise.reject(failure);
    const id = t.next++;
    return new Promise<Buffer[]>((resolve, reject) => {
      t.pending.set(id, { resolve, reject });
      mine.add(id);
      t.worker.ref(); // a render in flight keeps the process alive until it is back
      t.worker.postMessage({ id, specs } satisfies RenderRequest);
    }).finally(() => {
      mine.delete(id);
      if (t.pending.size === 0) t.worker.unref();
    });
  };
  return {
    render(specs) {
      if (closed) return Promise.reject(closed);
      const keys = specs.map((s) => JSON.stringify(s));
      for (const k of keys) {
        const png = memo.has(k) ? undefined : drawn.get(k);
        if (png) memo.set(k, Promise.resolve(png));
      }
      const fresh = specs.filter((_, i) => !memo.has(keys[i]!));
      if (fresh.length > 0) {
        const batch = post(fresh);
        fresh.forEach((s, i) => {
          const key = JSON.stringify(s);
          const png = batch.then((pngs) => {
            keepDrawn(key, pngs[i]!);
            return pngs[i]!;
          });
          png.catch(() => undefined); // seen by whoever awaits it; a prefetched chart nobody asks for must not crash the run
          memo.set(key, png);
        });
      }
      // a render this renderer is closed before it is back fails, even when its charts were drawn for another
      return new Promise<Buffer[]>((resolve, reject) => {
        waiting.add(reject);
        Promise.all(keys.map((k) => memo.get(k)!))
          .then(resolve, reject)
          .finally(() => waiting.delete(reject));
      });
    },
    prefetch(specs) {
      this.render(specs).catch(() => undefined);
    },
    async close() {
      closed ??= new HighneedsError(ExitCode.INTERNAL, chartThreadFailed('it was closed'));
      for (const reject of waiting) reject(closed);
      waiting.clear();
      for (const id of mine) {
        t.pending.get(id)?.reject(closed);
        t.pending.delete(id);
      }
      if (t.pending.size === 0) t.worker.unref();
    },
  };
}

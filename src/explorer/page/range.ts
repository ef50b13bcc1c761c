/**
 * Runs a variant's Monte Carlo range in Web Workers made from the worker script embedded in the page (a Blob URL,
 * so it works from file:// with no network): the draws are split in contiguous ranges over up to four workers and
 * stitched back in draw order, which gives the same figures as one thread. A new request cancels the one running
 * (its workers are stopped). Where a browser refuses workers, the range is computed on the page in one go.
 */
import type { Scenario } from '../../scenario/schema.ts';
import { rangeFromTotals, rangeOfVariant } from '../compute.ts';
import type { ExplorerPayload } from '../payload.ts';
import { rangeSummary as summary, type FromWorker, type RangeSummary, type ToWorker } from './protocol.ts';

export interface RangeEvents {
  progress(done: number, total: number): void;
  done(r: RangeSummary): void;
  failed(message: string): void;
}

/** Draws the page runs: the run's own number (1,000 when the run was deterministic), at most 5,000. */
export function pageDraws(runDraws: number): number {
  return Math.min(5000, runDraws > 0 ? runDraws : 1000);
}

/** Workers to use: one per core but one (the page keeps a core), at least one, at most four. */
function workerCount(draws: number): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(4, cores - 1, Math.floor(draws / 100)));
}

export class RangeRunner {
  private workers: Worker[] = [];
  private url?: string;
  private id = 0;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly payload: ExplorerPayload, private readonly on: RangeEvents) {}

  private spawn(): Worker | undefined {
    try {
      if (!this.url) {
        const src = document.getElementById('highneeds-worker')?.textContent ?? '';
        this.url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
      }
      return new Worker(this.url);
    } catch {
      return undefined;
    }
  }

  /** Starts the range of a scenario after a short pause (a burst of moves runs it once). */
  start(scenario: Scenario, delayMs = 250): void {
    this.cancel();
    const id = this.id;
    this.timer = setTimeout(() => this.run(id, scenario), delayMs);
  }

  private run(id: number, scenario: Scenario): void {
    const draws = pageDraws(this.payload.draws);
    const seed = this.payload.seed;
    const t0 = performance.now();
    // A run held to the forecast of total plans draws year-level shocks (cheap): one worker does the whole range.
    const n = this.payload.constraintSd ? 1 : workerCount(draws);
    const bounds = Array.from({ length: n + 1 }, (_, i) => Math.round((i * draws) / n));
    const workers = bounds.slice(1).map(() => this.spawn());
    if (workers.some((w) => w === undefined)) {
      for (const w of workers) w?.terminate();
      return this.runHere(id, scenario, draws, seed, t0);
    }
    this.workers = workers as Worker[];
    const done = new Array<number>(n).fill(0);
    const parts = new Array<Float64Array | undefined>(n);
    this.workers.forEach((w, i) => {
      w.onmessage = (e: MessageEvent<FromWorker>) => {
        const m = e.data;
        if (m.id !== this.id) return;
        if (m.type === 'error') return this.fail(m.message);
        if (m.type === 'progress') {
          done[i] = m.done;
          this.on.progress(done.reduce((a, b) => a + b, 0), draws);
          return;
        }
        if (m.type === 'range') {
          this.stopWorkers();
          return this.on.done({ ...m.range, ms: performance.now() - t0 });
        }
        parts[i] = m.totals;
        if (parts.some((p) => p === undefined)) return;
        const totals = new Float64Array(parts.reduce((s, p) => s + p!.length, 0));
        let off = 0;
        for (const p of parts) {
          totals.set(p!, off);
          off += p!.length;
        }
        this.stopWorkers();
        try {
          this.on.done(summary(rangeFromTotals(this.payload, scenario, draws, seed, totals), draws, seed, performance.now() - t0));
        } catch (err) {
          this.fail(err instanceof Error ? err.message : String(err));
        }
      };
      w.onerror = (e) => {
        e.preventDefault();
        this.fail(e.message || 'a worker stopped');
      };
      const msg: ToWorker = this.payload.constraintSd
        ? { type: 'range', id, payload: this.payload, scenario, seed, draws }
        : { type: 'draws', id, payload: this.payload, scenario, seed, start: bounds[i]!, end: bounds[i + 1]! };
      w.postMessage(msg);
    });
  }

  private runHere(id: number, scenario: Scenario, draws: number, seed: number, t0: number): void {
    try {
      const o = rangeOfVariant(this.payload, scenario, draws, seed);
      if (id === this.id) this.on.done(summary(o, draws, seed, performance.now() - t0));
    } catch (e) {
      this.fail(e instanceof Error ? e.message : String(e));
    }
  }

  private fail(message: string): void {
    this.stopWorkers();
    this.on.failed(message);
  }

  private stopWorkers(): void {
    for (const w of this.workers) w.terminate();
    this.workers = [];
  }

  /** Stops the range being computed (its results, if any arrive, are ignored). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.id++;
    this.stopWorkers();
  }
}

/**
 * Runs a variant's Monte Carlo range in a Web Worker made from the worker script embedded in the page (a Blob URL,
 * so it works from file:// with no network). A new request cancels the one running (the worker is replaced). Where
 * a browser refuses workers, the range is computed on the page in one go after the page has drawn.
 */
import type { Scenario } from '../../scenario/schema.ts';
import { rangeOfVariant } from '../compute.ts';
import type { ExplorerPayload } from '../payload.ts';
import type { FromWorker, RangeSummary, ToWorker } from './protocol.ts';

export interface RangeEvents {
  progress(done: number, total: number): void;
  done(r: RangeSummary): void;
  failed(message: string): void;
}

/** Draws the page runs: the run's own number (1,000 when the run was deterministic), at most 5,000. */
export function pageDraws(runDraws: number): number {
  return Math.min(5000, runDraws > 0 ? runDraws : 1000);
}

export class RangeRunner {
  private worker?: Worker;
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
      const w = new Worker(this.url);
      w.onmessage = (e: MessageEvent<FromWorker>) => {
        const m = e.data;
        if (m.id !== this.id) return;
        if (m.type === 'progress') this.on.progress(m.done, m.total);
        else if (m.type === 'done') this.on.done(m.range);
        else this.on.failed(m.message);
      };
      w.onerror = (e) => {
        e.preventDefault();
        this.on.failed(e.message || 'the worker stopped');
      };
      return w;
    } catch {
      return undefined;
    }
  }

  /** Starts the range of a scenario after a short pause (a burst of moves runs it once). */
  start(scenario: Scenario, delayMs = 250): void {
    this.cancel();
    const id = ++this.id;
    this.timer = setTimeout(() => this.run(id, scenario), delayMs);
  }

  private run(id: number, scenario: Scenario): void {
    const draws = pageDraws(this.payload.draws);
    const seed = this.payload.seed;
    this.worker = this.spawn();
    if (this.worker) {
      const msg: ToWorker = { type: 'run', id, payload: this.payload, scenario, draws, seed };
      this.worker.postMessage(msg);
      return;
    }
    try {
      const t0 = performance.now();
      const o = rangeOfVariant(this.payload, scenario, draws, seed);
      if (id !== this.id) return;
      this.on.done({ draws, seed, plans: o.projection.totalQuantiles, expenditure: o.budget.expenditureQuantiles, inYear: o.budget.inYearQuantiles, cumulative: o.budget.cumulativeQuantiles, ms: performance.now() - t0 });
    } catch (e) {
      this.on.failed(e instanceof Error ? e.message : String(e));
    }
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.id++;
    this.worker?.terminate();
    this.worker = undefined;
  }
}

/**
 * The explorer's Web Worker: runs a range of a variant's Monte Carlo draws off the page's thread with the same
 * functions as the CLI (compute.ts), posting progress, then the draws' placement totals.
 */
import { drawTotals, rangeOfVariant } from '../compute.ts';
import { rangeSummary } from './protocol.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

const scope = self as unknown as { postMessage: (m: FromWorker, transfer?: Transferable[]) => void };

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  const id = m.id;
  try {
    if (m.type === 'range') {
      const t0 = performance.now();
      const o = rangeOfVariant(m.payload, m.scenario, m.draws, m.seed, (done) => scope.postMessage({ type: 'progress', id, done }));
      scope.postMessage({ type: 'range', id, range: rangeSummary(o, m.draws, m.seed, performance.now() - t0) });
      return;
    }
    const totals = drawTotals(m.payload, m.scenario, m.seed, m.start, m.end, (done) => scope.postMessage({ type: 'progress', id, done }));
    scope.postMessage({ type: 'totals', id, totals }, [totals.buffer as ArrayBuffer]);
  } catch (err) {
    scope.postMessage({ type: 'error', id, message: err instanceof Error ? err.message : String(err) });
  }
};

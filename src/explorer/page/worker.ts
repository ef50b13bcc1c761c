/**
 * The explorer's Web Worker: runs a range of a variant's Monte Carlo draws off the page's thread with the same
 * functions as the CLI (compute.ts), posting progress, then the draws' placement totals.
 */
import { drawTotals } from '../compute.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

const scope = self as unknown as { postMessage: (m: FromWorker, transfer?: Transferable[]) => void };

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const { id, payload, scenario, seed, start, end } = e.data;
  try {
    const totals = drawTotals(payload, scenario, seed, start, end, (done) => scope.postMessage({ type: 'progress', id, done }));
    scope.postMessage({ type: 'done', id, totals }, [totals.buffer as ArrayBuffer]);
  } catch (err) {
    scope.postMessage({ type: 'error', id, message: err instanceof Error ? err.message : String(err) });
  }
};

/**
 * The explorer's Web Worker: computes a variant's Monte Carlo range off the page's thread with the same functions
 * as the CLI (compute.ts), posting progress as draws complete.
 */
import { rangeOfVariant } from '../compute.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

const post = (m: FromWorker): void => (self as unknown as { postMessage: (m: FromWorker) => void }).postMessage(m);

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const { id, payload, scenario, draws, seed } = e.data;
  try {
    const t0 = performance.now();
    const o = rangeOfVariant(payload, scenario, draws, seed, (done, total) => post({ type: 'progress', id, done, total }));
    post({
      type: 'done',
      id,
      range: {
        draws,
        seed,
        plans: o.projection.totalQuantiles,
        expenditure: o.budget.expenditureQuantiles,
        inYear: o.budget.inYearQuantiles,
        cumulative: o.budget.cumulativeQuantiles,
        ms: performance.now() - t0,
      },
    });
  } catch (err) {
    post({ type: 'error', id, message: err instanceof Error ? err.message : String(err) });
  }
};

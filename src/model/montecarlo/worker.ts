/**
 * Worker thread entry: runs the draw range it is given and posts the totals back (transferring the buffers).
 * Loaded through worker-boot.mjs, which registers tsx so this TypeScript file can run in a worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runDrawRange, type DrawJob } from './run-draws.ts';

const { job, start, end } = workerData as { job: DrawJob; start: number; end: number };
try {
  const out = runDrawRange(job, start, end);
  parentPort!.postMessage({ ok: true, out }, [out.totals.buffer as ArrayBuffer, ...Object.values(out.weighted).map((a) => a.buffer as ArrayBuffer)]);
} catch (e) {
  parentPort!.postMessage({ ok: false, error: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) });
}

/**
 * Splits Monte Carlo draws across threads in contiguous ranges and stitches the results back in draw order: with
 * n threads, n − 1 worker threads and this thread (which runs the first range while the workers run theirs). One
 * thread (or few draws) runs here only. Output is identical for any worker count.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { N_PLACEMENTS } from '../../domain/index.ts';
import { HighneedsError, ExitCode } from '../../errors.ts';
import { workerFailed } from '../../messages/model.ts';
import { runDrawRange, type DrawJob, type DrawOutput } from './run-draws.ts';

/** Draws per worker below which extra threads are not worth their start-up (~0.2 s each). */
const MIN_DRAWS_PER_WORKER = 250;

export function defaultWorkers(draws: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(draws / MIN_DRAWS_PER_WORKER)));
}

export async function runDrawsParallel(job: DrawJob, draws: number, workers?: number): Promise<DrawOutput> {
  const n = Math.max(1, Math.min(workers ?? defaultWorkers(draws), draws));
  if (n === 1) return runDrawRange(job, 0, draws);
  const bounds = Array.from({ length: n + 1 }, (_, i) => Math.round((i * draws) / n));
  // n − 1 worker threads take the later ranges; this thread runs the first range meanwhile (one thread start-up fewer)
  const pending = bounds.slice(1, n).map((start, i) => runInWorker(job, start, bounds[i + 2]!));
  let first: DrawOutput;
  try {
    first = runDrawRange(job, 0, bounds[1]!);
  } catch (e) {
    await Promise.allSettled(pending);
    throw e;
  }
  const parts = [first, ...(await Promise.all(pending))];
  const nYears = job.prep.years.length;
  const stride = nYears * N_PLACEMENTS;
  const totals = new Float64Array(draws * stride);
  const weighted: Record<string, Float64Array> = {};
  for (const name of Object.keys(job.weights)) weighted[name] = new Float64Array(draws * stride);
  parts.forEach((part, i) => {
    totals.set(part.totals, bounds[i]! * stride);
    for (const name of Object.keys(weighted)) weighted[name]!.set(part.weighted[name]!, bounds[i]! * stride);
  });
  return { totals, weighted };
}

function runInWorker(job: DrawJob, start: number, end: number): Promise<DrawOutput> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: { job, start, end } });
    let settled = false;
    worker.once('message', (msg: { ok: true; out: DrawOutput } | { ok: false; error: string }) => {
      settled = true;
      void worker.terminate();
      if (msg.ok) resolve(msg.out);
      else reject(new HighneedsError(ExitCode.INTERNAL, workerFailed(msg.error)));
    });
    worker.once('error', (e) => {
      if (settled) return;
      settled = true;
      reject(new HighneedsError(ExitCode.INTERNAL, workerFailed(e.message), [], { cause: e }));
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new HighneedsError(ExitCode.INTERNAL, workerFailed(`exited with code ${code}`)));
    });
  });
}

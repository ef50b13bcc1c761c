import { Worker } from 'node:worker_threads';
const t = performance.now();
const w = new Worker(new URL('../src/model/montecarlo/worker-boot.mjs', import.meta.url), { workerData: { job: null, start: 0, end: 0 } });
w.on('message', () => { console.log('worker first message after', (performance.now() - t).toFixed(0), 'ms'); void w.terminate(); });
w.on('error', (e) => { console.log('worker error after', (performance.now() - t).toFixed(0), 'ms', e.message.slice(0, 80)); });

/** A worker thread reading parts of an SEN2 XML return (xml-parts.ts), one job after another. */
import { parentPort } from 'node:worker_threads';
import { readPart, type PartJob } from './xml-parts.ts';

parentPort!.on('message', (job: PartJob) => {
  // the packed values' memory goes with the result, not copied
  void readPart(job).then((r) => parentPort!.postMessage(r, [r.values.tags.buffer as ArrayBuffer, r.values.nums.buffer as ArrayBuffer]));
});

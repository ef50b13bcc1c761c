// Boots a Monte Carlo worker thread: registers the tsx loader in this thread, then loads the TypeScript worker.
// (Worker `execArgv: ['--import', 'tsx']` does not install the loader in worker threads on Node 20.)
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');

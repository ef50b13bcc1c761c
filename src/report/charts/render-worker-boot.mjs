// Boots the chart worker thread from the sources: registers the tsx loader in this thread, then loads the TypeScript
// worker. (The build compiles render-worker.ts to its own render-worker-boot.mjs instead: scripts/build.mjs.)
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');

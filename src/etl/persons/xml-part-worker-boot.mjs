// Boots an XML part worker thread from the sources: registers the tsx loader in this thread, then loads the
// TypeScript worker. (The compiled build has its own xml-part-worker-boot.mjs, built from xml-part-worker.ts.)
import { register } from 'tsx/esm/api';

register();
await import('./xml-part-worker.ts');

/**
 * The compiled build's explorer scripts (scripts/build.mjs compiles them once, beside the CLI) are exactly what
 * explorerBundle() compiles from the sources, so a run from the build and a run from the sources write the same page.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explorerBundle } from '../../src/explorer/bundle.ts';
import { build } from '../../scripts/build.mjs';

describe('explorer bundle', () => {
  it('is precompiled by the build exactly as the sources compile', async () => {
    const dir = dirname((await build()) as string);
    const fromSources = await explorerBundle();
    expect(readFileSync(join(dir, 'explorer-page.js'), 'utf8')).toBe(fromSources.page);
    expect(readFileSync(join(dir, 'explorer-worker.js'), 'utf8')).toBe(fromSources.worker);
  });
});

/**
 * bin/highneeds.js as users start it: it runs the compiled build of the sources (scripts/build.mjs), making it
 * first when a source changed, and gives the same answers as the sources. The rest of the suite runs the sources.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/version.ts';
import { currentBuild, sourceStamp } from '../../scripts/build.mjs';
import { writeFixture } from '../model/forecast-fixture.ts';
import { runCli } from '../cli/helpers.ts';
import { tempDir } from '../temp.ts';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '../../bin/highneeds.js');

describe('bin/highneeds.js', () => {
  it('prints the version from a build made for the current sources', async () => {
    const r = await run(process.execPath, [bin, '--version']);
    expect(r.stdout + r.stderr).toBe(`${VERSION}\n`);
    expect(currentBuild(sourceStamp())).toMatch(/highneeds\.mjs$/);
  });

  // (the build's Monte Carlo worker threads run in CI's `npm start`: 1,000 draws start a worker)
  it('writes a forecast identical to the sources', async () => {
    const files = writeFixture(2024);
    const dir = tempDir();
    const args = (out: string) => ['forecast', '--ees', ...files, '--all', '--base-year', '2023', '--draws', '50', '--seed', '3', '--out', join(dir, out)];
    await run(process.execPath, [bin, ...args('bin.csv')]);
    const src = await runCli(...args('src.csv'));
    expect(src.code, src.stderr).toBe(0);
    expect(readFileSync(join(dir, 'bin.csv'), 'utf8')).toBe(readFileSync(join(dir, 'src.csv'), 'utf8'));
  });
});

/**
 * Runs in every test file (vitest.config.ts): folders made by tempDir() are removed when the file's tests end; with
 * HIGHNEEDS_TEST_CPU set, the file's CPU is recorded (cpu-record.ts).
 */
import { afterAll } from 'vitest';
import { startCpuRecord } from './cpu-record.ts';
import { removeTempDirs } from './temp.ts';

afterAll(removeTempDirs);

const cpuOut = process.env.HIGHNEEDS_TEST_CPU;
if (cpuOut) {
  const record = startCpuRecord(cpuOut);
  // vitest gives a hook's context first (a destructuring pattern, which it checks for) and the file's suite second
  // eslint-disable-next-line no-empty-pattern
  afterAll(({}, suite) => record((suite as { filepath?: string }).filepath ?? suite.name));
}

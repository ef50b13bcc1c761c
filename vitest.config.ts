import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Test files share a fork's module graph instead of each importing src/ (DuckDB, exceljs, the canvas…) afresh:
    // about a second saved per file. Safe because no test mocks modules or changes process-wide state it does not
    // put back (vi.spyOn is restored; temp folders are removed by test/setup.ts, which runs for every file).
    isolate: false,
    // vitest's default is one fork fewer than cores: on a 2-core machine a single fork, the whole suite in series,
    // while many files wait on DuckDB, a child process or the disk. Two forks keep both cores busy.
    maxWorkers: 2,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  // vitest orders test files by how long each took last time, longest first, so that the two forks finish together;
  // it keeps those durations under the cache folder, by default node_modules/.vite. A git worktree whose
  // node_modules links to another checkout's shared that record with every checkout, and a partial run elsewhere, or
  // one without the real files (test/real-data.ts; the real-data files then skip in no time), put the slowest files
  // last: on the real data three of them (real-files, backtest-real, one-model-real, 10–20 s each) then ran after
  // everything else. The record is this checkout's own (.highneeds/ is ignored by git).
  cacheDir: '.highneeds/vite',
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    globalSetup: ['test/global-setup.mjs'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The test processes import src/ and test/ natively, TypeScript compiled by tsx (as bin/ runs the sources when it
    // has no build), not through Vite's module runner. The runner reaches every imported binding through a getter,
    // twice through a re-export (`export *`): in the model's loops over N_PLACEMENTS and friends that was about 8%
    // of the suite's CPU, and code ran up to twice as slowly as it does for users. Nothing here needs the runner:
    // no test mocks a module (vi.mock) or uses import.meta.vitest, hence no vitest loader either.
    //
    // --interrupt-budget: V8 counts how much bytecode a function runs before it sends it to its optimising compiler
    // (TurboFan, on background threads); here 8 times its default (67,584). Most of the suite's code runs a few
    // times only (each test's own setup, a run's outputs, the explorer page's script), and TurboFan compiled it
    // anyway: in a perf profile of `npm test` its threads took about 12% of the suite's CPU. Hot code (the model's
    // loops, the readers) is still optimised, a little later. Whole suite, user+sys, two alternated rounds at load
    // 9-14: 157.3 / 151.2 -> 141.5 / 145.6 s; test/{explorer,pipeline,model,budget,report} alone: 64 s, 57 s with 4
    // times the default, 56 s with 8 or 16 times.
    //
    // --max-semi-space-size: V8's young generation, where new objects live until a scavenge, 64 MB instead of 16 MB a
    // half: garbage collection was about 11% of the forks' main threads (CPU profile of npm test); fewer scavenges,
    // fewer objects promoted. A small gain: whole suite, user+sys, alternated at load 6-9: 136.7 / 142.9 -> 132.6 /
    // 140.0 s; test/{explorer,pipeline,model,budget,report}: 64.4 / 63.8 -> 60.8 / 63.3 s.
    execArgv: ['--import', 'tsx', '--interrupt-budget=540672', '--max-semi-space-size=64'],
    experimental: { viteModuleRunner: false, nodeLoader: false },
    // Test files share a fork's module graph instead of each importing src/ (DuckDB, exceljs, the canvas…) afresh:
    // about a second saved per file. Safe because no test mocks modules or changes process-wide state it does not
    // put back (vi.spyOn is restored; temp folders are removed by test/setup.ts, which runs for every file).
    isolate: false,
    // vitest's default is one fork fewer than cores: on a 2-core machine a single fork, the whole suite in series,
    // while many files wait on DuckDB, a child process or the disk. Two forks keep both cores busy.
    maxWorkers: 2,
  },
});

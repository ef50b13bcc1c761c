/** `highneeds run [SCENARIO ...]`: the main job (cli.md). */
import type { Command } from 'commander';
import { cliMsg } from '../../messages/index.ts';
import { printJson, progress, say, type CliIO } from '../io.ts';
import { DEFAULT_DRAWS, DEFAULT_SEED, DRAWS_MIN, drawsFlag, intFlag, seedFlag } from './common.ts';
import { readerWarnings } from '../../messages/model.ts';
import { RUN_NOTES_LISTED } from '../../pipeline/notes.ts';
import { counted } from '../../util/plural.ts';

export function registerRun(program: Command, io: CliIO): void {
  program
    .command('run')
    .description('load the data, project plans, model the budget and write workbook, charts and report')
    .argument('[scenario...]', 'scenario files', ['scenarios/baseline.yaml'])
    .option('--data <dir>', 'folder of input files', 'data-samples')
    .option('--out <dir>', 'output folder (default reports/<scenario-id>/)')
    .option('--draws <n>', `Monte Carlo draws: 0 (deterministic, P10 = P50 = P90) or ${DRAWS_MIN} or more`, drawsFlag, DEFAULT_DRAWS)
    .option('--seed <n>', 'random seed', seedFlag, DEFAULT_SEED)
    .option('--la <code>', 'the LA to run when the data hold several (DfE or ONS code)')
    .option('--demand-only', 'project plans without money: no costs, funding or balances anywhere')
    .option('--csv', 'also export every table as CSV')
    .option('--suppress-small-counts [n]', 'replace counts of plans below n (default 5) by [c] in everything written and in the --json document, for publication', intFlag('--suppress-small-counts', 2, 1000))
    .option('--json', 'print the run summary as JSON on stdout')
    .option('--quiet', 'print nothing but errors')
    .option('--fresh', 'load the data files again even when they are unchanged since the last run')
    .action(async (scenarios: string[], o: { data: string; out?: string; draws: number; seed: number; la?: string; csv?: boolean; demandOnly?: boolean; suppressSmallCounts?: number | true; json?: boolean; quiet?: boolean; fresh?: boolean }) => {
      const bar = progress(io, o, 'highneeds run');
      const t0 = performance.now();
      // Loaded on demand so that other commands start without the model, charts and workbook libraries.
      const { runPipeline } = await import('../../pipeline/run.ts');
      const outcome = await runPipeline({
        scenarioFiles: scenarios,
        dataDir: o.data,
        out: o.out,
        draws: o.draws,
        seed: o.seed,
        la: o.la,
        csv: o.csv,
        demandOnly: o.demandOnly,
        suppressSmallCounts: o.suppressSmallCounts === true ? 5 : o.suppressSmallCounts,
        runDate: new Date().toISOString(),
        fresh: o.fresh,
        onNote: (note) => say(io, o, `highneeds: ${note}`),
        onStage: (s, done, total) => {
          bar.update(done, total, s);
          if (!io.stderrIsTTY) say(io, { quiet: o.quiet || o.json }, `… ${s}`);
        },
      })
        .then((x) => {
          bar.finish();
          return x;
        })
        .finally(() => bar.stop());
      if (outcome.warnings.length && !o.quiet) {
        io.err(`${readerWarnings(outcome.warnings.length)}\n`);
        for (const w of outcome.warnings.slice(0, RUN_NOTES_LISTED)) io.err(`  - ${w}\n`);
        if (outcome.warnings.length > RUN_NOTES_LISTED) io.err(`  … and ${outcome.warnings.length - RUN_NOTES_LISTED} more\n`);
      }
      if (o.json) {
        printJson(io, outcome.documents.length === 1 ? outcome.documents[0] : { runs: outcome.documents, comparison: outcome.comparison ?? {} });
        return;
      }
      for (const d of outcome.documents) {
        const out = d.outputs as { workbook: string; charts: string[]; report: string; explorer?: string };
        const s = d.scenario as { id: string };
        // every file a reader opens, the scenario explorer among them (it was written without a word)
        say(io, o, `${s.id}: workbook ${out.workbook}, ${counted(out.charts.length, 'chart')}, report ${out.report}${out.explorer ? `, explorer ${out.explorer}` : ''}`);
      }
      if (outcome.comparison) say(io, o, `comparison: report ${outcome.comparison.report}, workbook ${outcome.comparison.workbook}`);
      if (outcome.fromCache) say(io, o, cliMsg.loadFromCache(outcome.cacheDir));
      say(io, o, `done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    });
}

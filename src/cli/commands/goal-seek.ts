/** `highneeds goal-seek SCENARIO --lever NAME --target WHAT`: the size of one lever that meets a money target (cli.md). */
import type { Command } from 'commander';
import { answer, printJson, progress, say, warn, type CliIO } from '../io.ts';
import { DEFAULT_DRAWS, DEFAULT_SEED, DRAWS_MIN, drawsFlag, seedFlag } from './common.ts';
import { typed } from '../../messages/invocation.ts';
import { checkOutputFile, checkOutsideData } from '../../paths/check-path.ts';
import { usageError } from '../../errors.ts';
import { goalOutNotYaml } from '../../messages/paths.ts';
import { budgetMsg } from '../../messages/index.ts';

/** The scenario file goal-seek writes: a .yaml file that can be written, outside the data folder. */
async function checkGoalOut(out: string, dataDir: string): Promise<void> {
  await checkOutputFile(out, '--out', 'plan-goal.yaml');
  if (!/\.ya?ml$/i.test(out)) throw usageError(goalOutNotYaml(out));
  await checkOutsideData(out, dataDir, '--out');
}

export function registerGoalSeek(program: Command, io: CliIO): void {
  program
    .command('goal-seek')
    .description('find the effect of one lever (a mitigation, or new_plans) that meets a money target, and write it as a scenario')
    .argument('<scenario>', 'scenario file')
    .requiredOption('--lever <name>', "a mitigation's name in the scenario, or new_plans (fewer new plans from the first projected year)")
    .requiredOption('--target <what>', 'in-year-balance=AMOUNT@FY or cumulative-balance=AMOUNT@FY, e.g. in-year-balance=0@2028-29')
    .option('--data <dir>', 'folder of input files', 'data-samples')
    .option('--la <code>', 'the LA when the data hold several (DfE or ONS code)')
    .option('--out <file>', 'scenario file to write (default beside the input, <id>-goal.yaml)')
    .option('--draws <n>', `Monte Carlo draws for the chance the target is met: 0 (not computed) or ${DRAWS_MIN} or more`, drawsFlag, DEFAULT_DRAWS)
    .option('--seed <n>', 'random seed', seedFlag, DEFAULT_SEED)
    .option('--json', 'print the result as JSON on stdout')
    .option('--quiet', 'print the effect found, the file written and errors only: no progress or notes')
    .option('--fresh', 'load the data files again even when they are unchanged since the last run')
    .action(async (scenario: string, o: { lever: string; target: string; data: string; la?: string; out?: string; draws: number; seed: number; json?: boolean; quiet?: boolean; fresh?: boolean }) => {
      // checked before the data are loaded and the lever sought: a folder, a path under a file or in a missing folder
      // was an internal error (exit 70, a stack trace) after the search, and a data table named by --out (funding.csv)
      // was overwritten with the scenario, or a scenario written into --data stopped the next run ('unknown layout')
      if (o.out !== undefined) await checkGoalOut(o.out, o.data);
      const stages = ['loading data', 'projecting', 'seeking', ...(o.draws > 0 ? ['simulating'] : []), 'writing'];
      const bar = progress(io, o, 'highneeds goal-seek');
      let done = 0;
      const { goalSeekPipeline, NEW_PLANS_LEVER } = await import('../../pipeline/goal-seek.ts');
      const { warnings, ...r } = await goalSeekPipeline({
        scenarioFile: scenario,
        lever: o.lever,
        target: o.target,
        dataDir: o.data,
        la: o.la,
        out: o.out,
        draws: o.draws,
        seed: o.seed,
        fresh: o.fresh,
        runDate: new Date().toISOString(),
        // no effect meets the target: the notes of the figures sought on, before the error (as on success)
        onFailWarnings: (w) => {
          bar.stop();
          warn(io, o, w);
        },
        onStage: (s) => {
          bar.update(++done, stages.length, s);
          if (!io.stderrIsTTY) say(io, { quiet: o.quiet || o.json }, `… ${s}`);
        },
      })
        .then((x) => {
          bar.finish();
          return x;
        })
        .finally(() => bar.stop());
      warn(io, o, warnings);
      if (o.json) {
        printJson(io, r);
        return;
      }
      answer(io, o, budgetMsg.goalMet(r.lever, r.effect, r.target, r.achieved_gbp, r.plans_avoided, r.lever === NEW_PLANS_LEVER));
      if (r.probability_met !== null) answer(io, o, `Across ${r.draws.toLocaleString('en-GB')} simulated futures the target is met in ${(r.probability_met * 100).toFixed(0)}% of them.`);
      // the command to run it on the same data and LA (the defaults would run it on the sample)
      // typed as highneeds was started: 'highneeds run …' was refused by the shell of a clone, where only npx or node run it
      const again = typed(['run', r.scenario_file, '--data', o.data, ...(o.la ? ['--la', o.la] : []), '--draws', '0']);
      answer(io, o, `Wrote ${r.scenario_file}; run it with: ${again}`);
    });
}

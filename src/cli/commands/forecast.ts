/** `highneeds forecast` and `highneeds backtest`: batch forecasts and track record from published EES files. */
import type { Command } from 'commander';
import { backtestMsg, cliMsg, modelMsg } from '../../messages/index.ts';
import { HORIZON_UNHELD_MAX } from '../../pipeline/plausible.ts';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { inputError, usageError } from '../../errors.ts';
import { answer, printJson, say, warn, type CliIO } from '../io.ts';
import { DEFAULT_SEED, DRAWS_MIN, collect, drawsFlag, intFlag, seedFlag, yearListFlag } from './common.ts';
import { counted } from '../../util/plural.ts';
import { SHARE_FROM_FORECASTS } from '../../model/backtest/metrics.ts';

export function registerForecast(program: Command, io: CliIO): void {
  program
    .command('forecast')
    .description('forecast total EHC plans for LAs straight from published EES files')
    .usage('--ees <file...> (--la <code...> | --all) --base-year <year> --out <file.csv> [options]')
    .requiredOption('--ees <file...>', 'EES files (any release layout) (required)')
    .option('--la <code...>', 'LAs by DfE 3-digit or ONS 9-character code')
    .option('--all', 'every LA in the files')
    .requiredOption('--base-year <year>', 'use only data known by January of this year (required)', intFlag('--base-year', 2000, 2100))
    .option('--horizon <h>', `years ahead (at most ${HORIZON_UNHELD_MAX})`, intFlag('--horizon', 1, HORIZON_UNHELD_MAX, modelMsg.forecastHorizonWhy(HORIZON_UNHELD_MAX)), 3)
    .option('--draws <n>', `Monte Carlo draws: 0 (deterministic, P10 = P50 = P90) or ${DRAWS_MIN} or more`, drawsFlag, 1000)
    .option('--seed <n>', 'random seed', seedFlag, DEFAULT_SEED)
    .requiredOption('--out <file.csv>', 'CSV file to write (required)')
    .option('--json', 'print a summary as JSON on stdout')
    .option('--quiet', 'print nothing but errors')
    .option('--fresh', 'read the EES files again even when they are unchanged since the last forecast or backtest')
    .action(async (o: { ees: string[]; la?: string[]; all?: boolean; baseYear: number; horizon: number; draws: number; seed: number; out: string; json?: boolean; quiet?: boolean; fresh?: boolean }) => {
      if (!o.all && !o.la?.length) throw usageError(cliMsg.forecastNeedsLa());
      if (o.all && o.la?.length) throw usageError(cliMsg.laAndAll('forecast', o.la));
      const { checkNotAnInput, checkOutputFile } = await import('../../paths/check-path.ts');
      await checkOutputFile(o.out, '--out', 'forecast.csv');
      await checkNotAnInput(o.out, o.ees, '--out');
      const { forecastFromEes } = await import('../../pipeline/forecast.ts');
      const { forecastCsv } = await import('../../model/forecast/csv.ts');
      const res = await forecastFromEes({ files: o.ees, las: o.la, all: o.all, baseYear: o.baseYear, horizon: o.horizon, draws: o.draws, seed: o.seed, fresh: o.fresh });
      if (res.rows.length === 0) {
        const { contradictsOwnRows, lacksYearBefore } = await import('../../model/forecast/select.ts');
        const reason = res.skipped[0]?.reason;
        if (res.skipped.length > 1) for (const s of res.skipped) io.err(`skipped ${s.old_la_code} ${s.la_name}: ${s.reason}\n`);
        throw inputError(cliMsg.nothingForecast(o.ees, o.baseYear, res.skipped, reason, res.ignoredRows, res.skipped.length === 1 && contradictsOwnRows(reason) ? 'own-rows' : lacksYearBefore(reason)));
      }
      await mkdir(dirname(o.out), { recursive: true });
      const csv = forecastCsv(res.rows);
      const { assertNoBlemishes, textBlemishes } = await import('../../report/output-guard.ts');
      assertNoBlemishes(textBlemishes(csv, o.out));
      const { writeFileWhole } = await import('../../paths/temp-files.ts');
      await writeFileWhole(o.out, csv);
      // on stderr with --json too, as run, backtest and goal-seek say theirs: a script reading stdout gets them under
      // "notes", and a person watching the run reads them where every human message is
      const shown = res.notes.slice(0, 8);
      for (const n of shown) say(io, o, n);
      if (res.notes.length > shown.length) say(io, o, cliMsg.laterNotesOmitted(res.notes.length - shown.length));
      for (const s of res.skipped) io.err(`skipped ${s.old_la_code} ${s.la_name}: ${s.reason}\n`);
      if (o.json) {
        printJson(io, { out: o.out, rows: res.rows.length, las: new Set(res.rows.map((r) => r.old_la_code)).size, ignored_rows: res.ignoredRows, skipped: res.skipped, notes: res.notes });
      } else say(io, o, `wrote ${counted(res.rows.length, 'row')} for ${counted(new Set(res.rows.map((r) => r.old_la_code)).size, 'LA')} to ${o.out}`);
    });

  program
    .command('backtest')
    .description('rolling-origin backtest of the model against naive baselines')
    .option('--ees <file...>', 'EES files (any release layout)')
    .option('--data <dir>', 'a data folder (one LA) instead of EES files (default data-samples)')
    .option('--la <code...>', 'LAs by DfE or ONS code', collect)
    .option('--all', 'every LA in the files')
    .option('--origins <years>', 'origins, e.g. 2017,2018,2019 (default: the three whose three years ahead the files hold; with --data, those a run of the folder scores in its track record)', yearListFlag)
    .option('--horizon <h>', 'years ahead (at most 10)', intFlag('--horizon', 1, 10), 3)
    .option('--json', 'print the result as JSON on stdout')
    .option('--quiet', 'print the scores and errors only: no warnings')
    .option('--fresh', 'read the data files again even when they are unchanged since the last run')
    .action(async (o: { ees?: string[]; data?: string; la?: string[]; all?: boolean; origins?: number[]; horizon: number; json?: boolean; quiet?: boolean; fresh?: boolean }) => {
      if (o.ees && o.data !== undefined) throw usageError(cliMsg.backtestEesAndData());
      const las = [...new Set(o.la?.flat() ?? [])];
      if (o.all && las.length) throw usageError(cliMsg.laAndAll('backtest', las));
      if (!o.ees && las.length > 1) throw usageError(cliMsg.backtestDataOneLa(las));
      const { backtestFromEes, backtestFromData } = await import('../../pipeline/forecast.ts');
      // with neither --ees nor --data, the default data folder (as for `run`)
      const { result: res, bySize, warnings, span, notScored } = o.ees
        ? await backtestFromEes({ files: o.ees, las: o.la?.flat(), all: o.all || !o.la?.length, origins: o.origins, horizon: o.horizon, fresh: o.fresh })
        : await backtestFromData({ dir: o.data ?? 'data-samples', la: o.la?.[0], origins: o.origins, horizon: o.horizon, fresh: o.fresh });
      if (res.n_series === 0 || Object.keys(res.horizons).length === 0 || !Object.values(res.horizons).some((ms) => Number.isFinite((ms as Record<string, { mape: number }>).model?.mape))) {
        throw inputError(cliMsg.nothingToBacktest(res.origins, o.horizon, span));
      }
      // the model's forecasts at each horizon: a score of a handful of them (one LA over three origins) is said to be one
      const models = Object.entries(res.horizons).map(([h, ms]) => ({ h: Number(h), n: ms.model.forecasts }));
      const few = models.filter((m) => m.n > 0).some((m) => m.n < SHARE_FROM_FORECASTS) ? [backtestMsg.fewForecasts(models.filter((m) => m.n > 0))] : [];
      warn(io, o, [...warnings, ...(notScored ? [notScored] : []), ...few]);
      // a method with too little history for an origin has no score: null in JSON, n/a in text (never NaN)
      if (o.json) return printJson(io, finiteOrNull(res));
      const methods = Object.keys(res.horizons['1'] ?? {});
      answer(io, o, `origins ${res.origins.join(', ')}; ${res.n_series} series scored`);
      // which LAs each origin left out of every method's scores, and why (forecast's reasons, or no outcome)
      for (const [origin, left] of Object.entries(res.left_out)) if (left.length) answer(io, o, backtestMsg.leftOutOfOrigin(Number(origin), left));
      answer(io, o, `horizon  forecasts${methods.map((m) => m.padStart(11)).join('')}   (MAPE %; n/a: not enough history to score)`);
      for (const [h, ms] of Object.entries(res.horizons)) {
        answer(io, o, `${h.padStart(7)}  ${String(ms.model.forecasts).padStart(9)}${methods.map((m) => fixedOrNa(ms[m as keyof typeof ms].mape).padStart(11)).join('')}`);
      }
      // a coverage of fewer than ten forecasts is their count ('2 of 3'), not a share ('0.67')
      const cov = Object.entries(res.horizons).map(([h, ms]) => `${h}y ${backtestMsg.coverageShown(ms.model.coverage80, ms.model.forecasts)}`);
      answer(io, o, `model 80% interval coverage: ${cov.join(', ')}`);
      // size thirds need three series at least: one LA's backtest printed thirds cut at its own size, two of them empty
      if (res.n_series >= 3)
        for (const [h, t] of Object.entries(bySize.byHorizon)) {
          const n = bySize.forecasts[h]!;
          const third = (k: 'small' | 'medium' | 'large'): string => (t[k] === null ? '–' : backtestMsg.coverageShown(t[k], n[k]));
          answer(io, o, `  ${h}y by LA size: small (< ${Math.round(bySize.cuts[0])} plans) ${third('small')}, medium ${third('medium')}, large (≥ ${Math.round(bySize.cuts[1])}) ${third('large')}`);
        }
      // and by fixed bands of plans at the origin, the same LAs from one release to the next
      if (res.n_series >= 3) for (const line of backtestMsg.coverageByBand(bySize.bands)) answer(io, o, line);
    });
}

/** A score with two decimals, or `n/a` when there was nothing to score (never NaN). */
function fixedOrNa(x: number | undefined): string {
  return x !== undefined && Number.isFinite(x) ? x.toFixed(2) : 'n/a';
}

/** A copy of a JSON-like value with every non-finite number replaced by null. */
function finiteOrNull<T>(v: T): T {
  return JSON.parse(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? null : x))) as T;
}

/**
 * The caveat comparison: `forecast`, `backtest` and `run` are one model (docs/model.md "One model for run, forecast
 * and backtest"), and a reader must get the same caveats from each. This runs the three commands of the same LA on
 * the same inputs (the sample's published tables; the real 2022 release; the real 2025 layout; both together; a large
 * county, small LAs, successors of a reorganisation) and lists each kind of caveat one command gives that another omits where it
 * applies equally, with the P50s of forecast and run side by side (they agree to the documented 1%).
 *
 *   npx tsx test/caveats/compare.ts [--draws N] [--only NAME] [--raw FILE.json]
 *
 * Prints a report and exits 1 when a caveat is omitted where it applies or a P50 is out of tolerance. Needs the real
 * published files for the real cases (test/model/real-files.ts; skipped without them). Four to six minutes (13 cases).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { HAVE_REAL, REAL_EES_FILES } from '../model/real-files.ts';
import { saidBy, type CaveatCase, type Said } from './commands.ts';
import { CAVEATS, omissions, type Command } from './kinds.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const draws = Number(arg('--draws') ?? 1000);

const SAMPLE = ['sen2_age_caseload.csv', 'sen2_age_new_plans.csv', 'sen2_estab_caseload.csv'].map((f) => join('data-samples', f));
const SAMPLE_POP = ['ons_mye_2015.csv', 'ons_mye_2016.csv', 'ons_mye_2017.csv', 'ons_mye_2018.csv', 'ons_mye_2019.csv', 'ons_mye_2020.csv', 'ons_mye_2021.csv', 'snpp_2022based_E99999999.csv'].map((f) => join('data-samples', f));
const REAL = dirname(dirname(dirname(REAL_EES_FILES[0]!)));
const R22 = ['sen2_age_caseload.csv', 'sen2_estab_caseload.csv', 'sen2_age_new_plans.csv', 'sen2_mi.csv'].map((f) => join(REAL, 'ees-ehcp-2022/data', f));
const R25 = ['caseload.csv', 'newplans.csv', 'requests.csv', 'assessments.csv', 'timeliness_20_week.csv'].map((f) => join(REAL, 'ees-ehcp-2025-to-2022/data', f));
const ONS = ['ONS2019_PopnByAgeYearEstimate.csv', 'ONS2020_PopnByAgeYearEstimate.csv'].map((f) => join(REAL, 'ons-mye-2019-2020', f));

const CASES: CaveatCase[] = [
  { name: 'sample published tables, Anyshire 999', ees: SAMPLE, extra: SAMPLE_POP, la: '999', baseYear: 2022, horizon: 3, origins: [2018, 2019], backtestHorizon: 3 },
  ...(HAVE_REAL
    ? [
        ...['886', '857', '201', '420'].map((la) => ({ name: `2022 release, ${la}`, ees: R22, extra: ONS, la, baseYear: 2022, horizon: 3, origins: [2017, 2018, 2019], backtestHorizon: 3 })),
        ...['886', '857', '201', '420', '940', '941'].map((la) => ({ name: `2025 layout, ${la}`, ees: R25, la, baseYear: 2022, horizon: 3, origins: [2020, 2021], backtestHorizon: 1 })),
        // the two releases together (a later release revising an earlier one's figures): Kent from January 2021, North
        // Northamptonshire from its first January
        ...[['886', 2021], ['940', 2022]].map(([la, baseYear]) => ({ name: `both releases, ${la}`, ees: [...R22, ...R25], la: String(la), baseYear: Number(baseYear), horizon: 3, origins: [2017, 2018], backtestHorizon: 3 })),
      ]
    : []),
].filter((c) => !arg('--only') || c.name.includes(arg('--only')!));

const work = mkdtempSync(join(tmpdir(), 'hn-caveats-'));
const said: Array<{ c: CaveatCase; s: Said }> = [];
try {
  for (const c of CASES) {
    process.stderr.write(`${c.name} …\n`);
    said.push({ c, s: await saidBy(c, work, draws) });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
const raw = arg('--raw');
if (raw) writeFileSync(raw, JSON.stringify(said, null, 1));

let failed = 0;
const lines: string[] = [];
for (const { c, s } of said) {
  lines.push(`\n## ${c.name} (base ${c.baseYear})`);
  const by: Record<Command, string[]> = { forecast: s.forecast.notes, backtest: s.backtest.notes, run: [...new Set([...s.run.stderr, ...s.run.dataQuality])] };
  for (const [cmd, exit] of Object.entries({ forecast: s.forecast.exit, backtest: s.backtest.exit, run: s.run.exit })) if (exit !== 0) lines.push(`- ${cmd} exit ${exit}`);
  const years = Object.keys(s.forecast.p50).map(Number);
  const p50 = years.map((y) => {
    const f = s.forecast.p50[y]!;
    const r = s.run.p50[y];
    const ok = r !== undefined && Math.abs(r - f) <= Math.max(0.01 * f, 0.5);
    if (!ok) failed++;
    return `${y} ${f.toLocaleString('en-GB')} / ${r === undefined ? 'none' : Math.round(r).toLocaleString('en-GB')}${ok ? '' : ' (beyond 1%)'}`;
  });
  lines.push(`- P50 forecast / run: ${p50.join('; ') || 'none'}`);
  for (const o of omissions(by)) {
    failed++;
    lines.push(`- OMITTED ${o.kind} by ${o.missing.join(', ')} (said by ${o.saidBy.join(', ')}): ${o.example.slice(0, 240)}`);
  }
  const unknown = Object.entries(by).flatMap(([cmd, ns]) => ns.filter((n) => !CAVEATS.some((k) => k.test(n))).map((n) => `${cmd}: ${n.slice(0, 200)}`));
  for (const u of unknown) lines.push(`- unclassified ${u}`);
}
process.stdout.write(`# Caveats of forecast, backtest and run on the same inputs (draws ${draws})\n${lines.join('\n')}\n\n${failed} finding(s)\n`);
if (!existsSync(REAL) && !HAVE_REAL) process.stdout.write('(the real published files are absent: the sample alone was compared)\n');
process.exitCode = failed > 0 ? 1 : 0;

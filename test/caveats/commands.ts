/**
 * Runs `forecast`, `backtest` and `run` (demand only) of one LA on the same inputs through the CLI, as an analyst
 * would, and returns what each said: forecast's CSV rows and `--json` notes, backtest's stderr warnings, run's
 * `--json` totals, its stderr notes and every line of its workbook's Data quality sheet. For the caveat comparison
 * (compare.ts).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';

const ROOT = resolve(import.meta.dirname, '../..');

/** One comparison: the files every command reads, the LA, the base year, and the backtest's origins and horizon. */
export interface CaveatCase {
  name: string;
  /** Published EES files (forecast and backtest read them; run reads them with `extra`). */
  ees: string[];
  /** Files only run reads (population, SEN2 returns), beside the EES files in its data folder. */
  extra?: string[];
  la: string;
  baseYear: number;
  horizon: number;
  origins: number[];
  backtestHorizon: number;
}

export interface Said {
  forecast: { notes: string[]; p50: Record<number, number>; skipped: string[]; exit: number; stderr: string };
  backtest: { notes: string[]; exit: number };
  run: { stderr: string[]; dataQuality: string[]; p50: Record<number, number>; exit: number };
}

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((done, fail) => {
    const p = spawn(process.execPath, [join(ROOT, 'bin/highneeds.js'), ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    p.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    p.on('error', fail);
    p.on('close', (code) => done({ code: code ?? 70, stdout, stderr }));
  });
}

/** The notes of run's stderr: the lines under 'N notes change what these figures mean'. */
function runStderrNotes(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((l) => l.startsWith('  - '))
    .map((l) => l.slice(4));
}

/** Every message of the Data quality sheet (its warnings and notes table: severity, message, …). */
async function dataQualityOf(outDir: string): Promise<string[]> {
  const xlsx = readdirSync(outDir).find((f) => f.endsWith('.xlsx'));
  if (!xlsx) return [];
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(outDir, xlsx));
  const sheet = wb.getWorksheet('Data quality');
  const out: string[] = [];
  sheet?.eachRow((row) => {
    const [severity, message] = [row.getCell(1).text, row.getCell(2).text];
    if ((severity === 'warning' || severity === 'info') && message) out.push(message);
  });
  return out;
}

/** Runs the three commands of `c` in `work` (a scratch folder of the caller's) and returns what each said. */
export async function saidBy(c: CaveatCase, work: string, draws: number): Promise<Said> {
  const dir = join(work, c.name.replace(/[^a-z0-9]+/gi, '-'));
  const data = join(dir, 'data');
  mkdirSync(data, { recursive: true });
  for (const f of [...c.ees, ...(c.extra ?? [])]) writeFileSync(join(data, f.split('/').pop()!), readFileSync(f));
  const env = { ...process.env, HIGHNEEDS_CACHE_DIR: join(work, 'cache') };
  const files = readdirSync(data).map((f) => join(data, f));
  const ees = files.filter((f) => c.ees.some((e) => e.endsWith(f.split('/').pop()!)));

  const csv = join(dir, 'forecast.csv');
  const f = await cli(['forecast', '--ees', ...ees, '--la', c.la, '--base-year', String(c.baseYear), '--horizon', String(c.horizon), '--draws', String(draws), '--out', csv, '--json'], env);
  const fj = f.code === 0 ? (JSON.parse(f.stdout) as { notes: string[]; skipped: Array<{ reason: string }> }) : { notes: [], skipped: [] };
  const fp50: Record<number, number> = {};
  if (f.code === 0) {
    const [head, ...rows] = readFileSync(csv, 'utf8').trim().split('\n');
    const cols = head!.split(',');
    for (const r of rows) {
      const v = r.split(',');
      fp50[Number(v[cols.indexOf('census_year')])] = Number(v[cols.indexOf('ehcp_p50')]);
    }
  }

  const b = await cli(['backtest', '--ees', ...ees, '--la', c.la, '--origins', c.origins.join(','), '--horizon', String(c.backtestHorizon), '--json'], env);
  const bNotes = b.stderr
    .split('\n')
    .filter((l) => l.startsWith('warning: '))
    .map((l) => l.slice('warning: '.length));

  const scenario = join(dir, 'scenario.yaml');
  writeFileSync(scenario, `id: caveats\nname: Caveats\nbase_year: ${c.baseYear}\nhorizon_years: ${c.horizon}\n`);
  const out = join(dir, 'run');
  const r = await cli(['run', scenario, '--data', data, '--la', c.la, '--demand-only', '--draws', String(draws), '--json', '--out', out], env);
  const rp50: Record<number, number> = {};
  if (r.code === 0) for (const [y, q] of Object.entries((JSON.parse(r.stdout) as { ehcp_total: Record<string, { p50: number }> }).ehcp_total)) rp50[Number(y)] = q.p50;
  return {
    forecast: { notes: [...fj.notes, ...fj.skipped.map((s) => `skipped: ${s.reason}`)], p50: fp50, skipped: fj.skipped.map((s) => s.reason), exit: f.code, stderr: f.code === 0 ? '' : f.stderr },
    backtest: { notes: b.code === 0 ? bNotes : [`exit ${b.code}: ${b.stderr.trim()}`], exit: b.code },
    run: { stderr: r.code === 0 ? runStderrNotes(r.stderr) : [`exit ${r.code}: ${r.stderr.trim()}`], dataQuality: r.code === 0 ? await dataQualityOf(out) : [], p50: rp50, exit: r.code },
  };
}

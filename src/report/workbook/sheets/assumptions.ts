/** Assumptions sheet: every effective parameter with its source, the scenario's levers, the inputs and the run. */
import { fmtMoneyExact } from '../../format.ts';
import type { RunReport } from '../../run-report.ts';
import type { Cell, Sheet } from '../model.ts';
import { col } from '../table-helpers.ts';
import { surgeInData } from '../../surge-words.ts';
import { counted } from '../../../util/plural.ts';
import { surgePeakYear } from '../../../model/levers/surge.ts';

function leverDetails(m: RunReport['scenario']['mitigations'][number], money: boolean): string {
  const parts = [`${m.kind}`, `effect ${Math.round(m.effect * 1000) / 10}%`, `from ${m.start_year}`, `ramp ${counted(m.ramp_years, 'year')}`, `delivery ${Math.round(m.delivery * 100)}%`];
  if (money && m.cost_gbp_per_year) parts.push(`cost ${fmtMoneyExact(m.cost_gbp_per_year)} a year`);
  if (m.from && m.to) parts.push(`${m.from} → ${m.to}`);
  return parts.join('; ');
}

/** A parameter value that is a plain number is stored as a number (Excel shows numeric text as an error). */
function asNumberIfNumeric(v: string): Cell {
  if (!/^-?\d+(\.\d+)?$/.test(v.trim())) return v;
  const n = Number(v);
  return { value: n, kind: Number.isInteger(n) ? 'year' : 'decimal' };
}

export function assumptionsSheet(r: RunReport): Sheet {
  const s = r.scenario;
  const run: Cell[][] = [
    ['Tool', `${r.tool.name} ${r.tool.version}`, '', 'default'],
    ['Run date', r.runDate, 'ISO 8601', 'default'],
    ['Local authority', `${r.la.name} (${r.la.oldCode}, ${r.la.newCode})`, '', 'data'],
    ['Scenario id', s.id, '', 'scenario'],
    ['Scenario name', s.name, '', 'scenario'],
    ['Scenario file', s.file, '', 'scenario'],
    ['Scenario SHA-256', s.sha256, '', 'scenario'],
    ...(s.extended ?? []).map((e): Cell[] => ['Scenario extends', `${e.file} (SHA-256 ${e.sha256})`, '', 'scenario']),
    ['Base year', { value: r.baseYear, kind: 'year' }, 'census year (January)', s.base_year !== undefined ? 'scenario' : 'data'],
    ['Horizon', { value: s.horizon_years, kind: 'year' }, 'years', 'scenario'],
    ['Monte Carlo draws', { value: r.projection.draws, kind: 'year' }, 'draws', 'default'],
    ['Seed', { value: r.projection.seed, kind: 'year' }, '', 'default'],
    ['Quantiles', s.uncertainty.quantiles.join(', '), 'shares', 'scenario'],
  ];
  const params: Cell[][] = [...r.projection.assumptions, ...(r.budget?.assumptions ?? [])].map((a) => [a.key, asNumberIfNumeric(a.value), a.unit ?? '', a.source]);
  const levers: Cell[][] = [
    ...s.surges.map((x) => {
      const inData = surgeInData(x, r.baseYear);
      return ['Surge', x.name, `uplift ${Math.round(x.peak_uplift * 100)}% at peak ${surgePeakYear(x)}, from ${x.start_year}, half-life ${counted(x.half_life_years, 'year')}${inData ? `. ${inData}` : ''}`];
    }),
    ...s.transition_shifts.map((x) => ['Transition shift', x.name ?? x.transition, `${Math.round(x.share * 100)}% of ${x.transition} moves ${x.from} → ${x.to} from ${x.start_year}`]),
    ...s.mitigations.map((m) => ['Mitigation', m.name, leverDetails(m, r.budget !== undefined)]),
    ...s.capacity.changes.map((c) => ['Capacity', c.placement, `${c.places} places from ${c.year}`]),
  ];
  if (levers.length === 0) levers.push(['None', 'This scenario has no surges, shifts, mitigations or capacity changes', '']);
  const inputs: Cell[][] = r.inputs.map((f) => [f.path, f.reader, f.rows, f.sha256]);
  return {
    name: 'Assumptions',
    title: 'Assumptions and provenance',
    intro: ['Every effective parameter, where it came from (scenario file, data, or default), and the files read. With these the run can be reproduced.'],
    tables: [
      {
        name: 'Assumptions_run',
        title: 'The run',
        columns: [col('Item', 'text'), col('Value', 'text'), col('Unit', 'text'), col('Source', 'text')],
        rows: run,
      },
      {
        name: 'Assumptions_parameters',
        title: 'Effective parameters',
        columns: [col('Parameter', 'text'), col('Value', 'text'), col('Unit', 'text'), col('Source', 'text')],
        rows: params.length ? params : [['(none reported)', '', '', '']],
      },
      {
        name: 'Assumptions_levers',
        title: 'Scenario levers',
        columns: [col('Lever type', 'text'), col('Name', 'text'), col('Settings', 'text')],
        rows: levers,
      },
      {
        name: 'Assumptions_inputs',
        title: 'Input files',
        columns: [col('File', 'text'), col('Reader', 'text'), col('Rows read', 'number'), col('SHA-256', 'text')],
        rows: inputs.length ? inputs : [['(no input files recorded)', '', null, '']],
      },
    ],
    charts: [],
    freezeColumns: 1,
  };
}

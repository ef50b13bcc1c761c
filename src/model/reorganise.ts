/**
 * Reorganised LAs joined to their predecessors (domain.md successions, cli.md `forecast`): a successor's history
 * before the reorganisation is its predecessors' summed figures times its share of the successors' first
 * published stock. That one rule covers a merger (one successor: share 1, the predecessors summed), a split
 * (Northamptonshire → North and West Northamptonshire) and both at once (Dorset, Poole and Bournemouth → Dorset and
 * Bournemouth, Christchurch and Poole). The apportioning key and the shares are written into the successor's notes.
 *
 *   predecessors' series (years < reorganisation) ─Σ─► × share(successor) ─► successor's series where it has none
 */
import { SUCCESSIONS, reorganisationOf, type LaIdentity, type Succession } from '../domain/index.ts';
import { historyJoined, projectedPastAbolition } from '../messages/model.ts';
import type { AgeCount, LaDataset } from './dataset.ts';

/**
 * The warning for a projection of an LA that a reorganisation ended (Cumbria, from January 2024) running into the
 * years after its end, or undefined: the figures then describe a council that no longer exists.
 * @example abolitionWarning({ oldCode: '909', newCode: 'E10000006', name: 'Cumbria' }, 2032) // 'Cumbria (909) ceased …'
 */
export function abolitionWarning(la: LaIdentity, lastProjectedYear: number): string | undefined {
  const s = reorganisationOf(la.oldCode);
  if (!s || !s.from.includes(la.oldCode) || lastProjectedYear < s.fromCensusYear) return undefined;
  return projectedPastAbolition(`${la.name} (${la.oldCode})`, s.fromCensusYear, s.note, s.to);
}

/** How a successor's history was built (the Data quality sheet says so). */
export interface JoinedHistory {
  succession: Succession;
  /** The successor's share of the predecessors' figures. */
  share: number;
  /** Census year whose successor stocks set the shares. */
  keyYear: number;
  /** What was joined, for a reader (also in the dataset's notes); absent when no stock year was filled. */
  note?: string;
}

type YearSeries = 'stockTotal' | 'newPlansTotal' | 'requests' | 'decidedToAssess' | 'assessIssued' | 'assessNotIssued';
const STOCK_SERIES: YearSeries[] = ['stockTotal'];
const FLOW_SERIES: YearSeries[] = ['newPlansTotal', 'requests', 'decidedToAssess', 'assessIssued', 'assessNotIssued'];

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/**
 * Returns the datasets with every successor's history joined from its predecessors (new objects for the successors;
 * the others unchanged). A reorganisation whose successors or predecessors are not all in the list is left alone.
 * @example joinReorganisations(datasets).find((d) => d.la.oldCode === '940')!.stockTotal[2019] // apportioned
 */
export function joinReorganisations(datasets: readonly LaDataset[]): LaDataset[] {
  const byCode = new Map(datasets.map((d) => [d.la.oldCode, d]));
  const replaced = new Map<string, LaDataset>();
  for (const s of SUCCESSIONS) {
    if (s.kind !== 'reorganisation') continue;
    const succ = s.to.map((c) => byCode.get(c));
    const pred = s.from.map((c) => byCode.get(c));
    if (succ.some((d) => !d) || pred.some((d) => !d)) continue;
    const keyYear = firstCommonYear(succ as LaDataset[], s.fromCensusYear);
    if (keyYear === undefined) continue;
    const total = succ.reduce((a, d) => a + d!.stockTotal[keyYear]!, 0);
    if (!(total > 0)) continue;
    for (const d of succ as LaDataset[]) {
      const share = d.stockTotal[keyYear]! / total;
      replaced.set(d.la.oldCode, joined(d, pred as LaDataset[], s, share, keyYear));
    }
  }
  return datasets.map((d) => replaced.get(d.la.oldCode) ?? d);
}

/** First census year ≥ `from` at which every successor has a positive stock. */
function firstCommonYear(succ: LaDataset[], from: number): number | undefined {
  const years = Object.keys(succ[0]!.stockTotal).map(Number).filter((y) => y >= from).sort((a, b) => a - b);
  return years.find((y) => succ.every((d) => d.stockTotal[y]! > 0));
}

function joined(d: LaDataset, pred: LaDataset[], s: Succession, share: number, keyYear: number): LaDataset {
  const out: LaDataset = {
    ...d,
    stockTotal: { ...d.stockTotal },
    newPlansTotal: { ...d.newPlansTotal },
    requests: { ...d.requests },
    decidedToAssess: { ...d.decidedToAssess },
    assessIssued: { ...d.assessIssued },
    assessNotIssued: { ...d.assessNotIssued },
    stockByAge: [...d.stockByAge],
    newPlansByAge: [...d.newPlansByAge],
    stockByPlacement: { ...d.stockByPlacement },
    stockByNeed: { ...d.stockByNeed },
    notes: [...d.notes],
    history: { succession: s, share, keyYear },
  };
  // Stocks before the first successor census, flows of calendar years before it.
  const fill = (key: YearSeries, before: number): number[] => {
    const years = new Set(pred.flatMap((p) => Object.keys(p[key]).map(Number)));
    const filled: number[] = [];
    for (const y of years) {
      if (y >= before || out[key][y] !== undefined || pred.some((p) => p[key][y] === undefined)) continue;
      out[key][y] = share * pred.reduce((a, p) => a + p[key][y]!, 0);
      filled.push(y);
    }
    return filled;
  };
  const stockYears = STOCK_SERIES.flatMap((k) => fill(k, s.fromCensusYear));
  for (const k of FLOW_SERIES) fill(k, s.fromCensusYear - 1);
  out.stockByAge.push(...apportionRows(pred, 'stockByAge', share, s.fromCensusYear, d.stockByAge));
  out.newPlansByAge.push(...apportionRows(pred, 'newPlansByAge', share, s.fromCensusYear - 1, d.newPlansByAge));
  out.stockByAge.sort((a, b) => a.year - b.year || a.from - b.from || a.to - b.to);
  out.newPlansByAge.sort((a, b) => a.year - b.year || a.from - b.from || a.to - b.to);
  for (const key of ['stockByPlacement', 'stockByNeed'] as const) {
    const years = new Set(pred.flatMap((p) => Object.keys(p[key]).map(Number)));
    for (const y of years) {
      if (y >= s.fromCensusYear || out[key][y] || pred.some((p) => !p[key][y])) continue;
      const rec: Record<string, number> = {};
      for (const p of pred) for (const [c, v] of Object.entries(p[key][y]!)) rec[c] = (rec[c] ?? 0) + share * (v as number);
      (out[key] as Record<number, Record<string, number>>)[y] = rec;
    }
  }
  if (stockYears.length) {
    const note = historyJoined(d.la.name, s.fromCensusYear, pred.map((p) => `${p.la.name} (${p.la.oldCode})`).join(' + '), pct(share), keyYear, s.note);
    out.notes.push(note);
    out.history = { ...out.history!, note };
  }
  return out;
}

/** Predecessors' age rows (summed per year and range, all predecessors present) times `share`, for years < `before`. */
function apportionRows(pred: LaDataset[], key: 'stockByAge' | 'newPlansByAge', share: number, before: number, own: AgeCount[]): AgeCount[] {
  const ownYears = new Set(own.map((r) => r.year));
  const sums = new Map<string, { row: AgeCount; n: number }>();
  for (const p of pred)
    for (const r of p[key]) {
      if (r.year >= before || ownYears.has(r.year)) continue;
      const k = `${r.year}|${r.from}|${r.to}`;
      const cur = sums.get(k) ?? { row: { ...r, count: 0 }, n: 0 };
      cur.row.count += r.count;
      cur.n += 1;
      sums.set(k, cur);
    }
  return [...sums.values()].filter((x) => x.n === pred.length).map((x) => ({ ...x.row, count: x.row.count * share }));
}

/**
 * The ONS codes an LA's published plans carry, January by January (the stock rows of its DfE code). A release that
 * spans a code change gives an LA two codes in one file (Buckinghamshire E10000002, E06000060 from 2020/21, and
 * E10000002 again from 2023/24 in the 2025 release): the codes of its latest January name it. A change that
 * domain/la.ts SUCCESSIONS does not know (Kent's E10000016 becoming an E06 unitary's code from one January) was
 * joined into one history with no word; it is now a note of the LA (ees-datasets.ts buildDatasets), since a
 * county that became a unitary may have changed its area, and a code typed over is another LA's.
 */
import { canonicalNewCode } from '../domain/index.ts';
import { laCodeChanged } from '../messages/releases.ts';

type Row = Record<string, unknown>;

/** One ONS code of an LA and the first and last January of its plans under it. */
export interface CodeSpan {
  code: string;
  first: number;
  last: number;
}

/**
 * For each DfE code of the LA rows of `stock`: the ONS code of its latest January (`latest`), and, where its Januaries
 * carry ONS codes that are not one council's by SUCCESSIONS (canonicalNewCode), every code with its Januaries
 * (`changes`, earliest first).
 * @example laCodesByYear([{ geographic_level: 'Local authority', old_la_code: '886', new_la_code: 'E10000016', census_year: 2021 }, { …, new_la_code: 'E06000099', census_year: 2022 }]).changes.get('886') // [{ code: 'E10000016', first: 2021, last: 2021 }, { code: 'E06000099', first: 2022, last: 2022 }]
 */
export function laCodesByYear(stock: readonly Row[]): { latest: Map<string, { year: number; codes: string }>; changes: Map<string, CodeSpan[]> } {
  const latest = new Map<string, { year: number; codes: string }>();
  const spans = new Map<string, Map<string, CodeSpan>>();
  for (const r of stock) {
    if (r.geographic_level !== 'Local authority') continue;
    const [old, code, year] = [String(r.old_la_code), String(r.new_la_code), r.census_year as number];
    const cur = latest.get(old);
    if (!cur || year > cur.year) latest.set(old, { year, codes: code });
    if (!code) continue;
    const byCode = spans.get(old) ?? spans.set(old, new Map()).get(old)!;
    const s = byCode.get(code);
    if (!s) byCode.set(code, { code, first: year, last: year });
    else [s.first, s.last] = [Math.min(s.first, year), Math.max(s.last, year)];
  }
  const changes = new Map<string, CodeSpan[]>();
  for (const [old, byCode] of spans) {
    const list = [...byCode.values()];
    if (new Set(list.map((s) => canonicalNewCode(s.code))).size > 1) changes.set(old, list.sort((a, b) => a.first - b.first || a.last - b.last));
  }
  return { latest, changes };
}

/** The note of an LA whose ONS code changes inside its history in a way SUCCESSIONS does not know, or undefined. */
export function codeChangeNote(name: string, oldCode: string, changes: ReadonlyMap<string, readonly CodeSpan[]>): string | undefined {
  const spans = changes.get(oldCode);
  return spans ? laCodeChanged(name, oldCode, spans) : undefined;
}

/**
 * Local authority codes: DfE 3-digit `old_la_code`, ONS 9-character `new_la_code`, and the one table of
 * reorganisations and code changes (domain.md) used to join series across them.
 */
import { nearest } from '../util/suggest.ts';

export interface LaIdentity {
  oldCode: string;
  newCode: string;
  name: string;
}

/** What guessLa makes of an `--la` value that is no LA's code. */
export type LaGuess = { kind: 'named'; las: LaIdentity[] } | { kind: 'england' | 'region' } | { kind: 'code'; code: string };
/**
 * What an `--la` value that is no LA's code most likely meant: the LA whose name it is (or, failing that, up to four
 * whose names contain it), England's or a region's ONS code (not an LA's), or the nearest code by spelling.
 * @example guessLa('kent', las) // { kind: 'named', las: [{ oldCode: '886', newCode: 'E10000016', name: 'Kent' }] }
 */
export function guessLa(input: string, las: readonly LaIdentity[]): LaGuess | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  const want = norm(input);
  if (/^E92\d{6}$/i.test(input.trim())) return { kind: 'england' };
  if (/^E12\d{6}$/i.test(input.trim())) return { kind: 'region' };
  let named = las.filter((l) => norm(l.name) === want);
  if (named.length === 0 && want.length >= 3 && /[a-z]/.test(want)) named = las.filter((l) => norm(l.name).includes(want)).slice(0, 4);
  if (named.length > 0) return { kind: 'named', las: named };
  const code = nearest(input.trim(), las.flatMap((l) => [l.oldCode, l.newCode]));
  return code === undefined ? undefined : { kind: 'code', code };
}

export function isOldLaCode(s: string): boolean {
  return /^\d{3}$/.test(s.trim());
}
export function isNewLaCode(s: string): boolean {
  return /^[EWSN]\d{8}$/.test(s.trim().toUpperCase());
}

/** A reorganisation: predecessors ended and successors began in census year `fromCensusYear`. */
export interface Succession {
  kind: 'reorganisation' | 'code-change';
  from: string[];
  to: string[];
  fromCensusYear: number;
  note: string;
}

/** Every succession and code inconsistency the published files show (codes are DfE 3-digit or ONS codes). */
export const SUCCESSIONS: readonly Succession[] = [
  {
    kind: 'reorganisation',
    from: ['835', '836', '837'],
    to: ['838', '839'],
    fromCensusYear: 2020,
    note: 'Dorset, Poole and Bournemouth became Dorset and Bournemouth, Christchurch and Poole from 2019/20',
  },
  {
    kind: 'reorganisation',
    from: ['928'],
    to: ['940', '941'],
    fromCensusYear: 2022,
    note: 'Northamptonshire became North and West Northamptonshire from 2021/22',
  },
  {
    kind: 'reorganisation',
    from: ['909'],
    to: ['942', '943'],
    fromCensusYear: 2024,
    note: 'Cumbria became Cumberland and Westmorland and Furness from 2023/24',
  },
  { kind: 'code-change', from: ['E08000020'], to: ['E08000037'], fromCensusYear: 2014, note: 'Gateshead ONS code change' },
  { kind: 'code-change', from: ['E06000048'], to: ['E06000057'], fromCensusYear: 2010, note: 'Northumberland ONS code change' },
  {
    kind: 'code-change',
    from: ['E10000002'],
    to: ['E06000060'],
    fromCensusYear: 2021,
    note: 'Buckinghamshire became a unitary (E06000060) from 2020/21; the 2025 release uses E10000002 again from 2023/24',
  },
  { kind: 'code-change', from: ['E10000023'], to: ['E06000065'], fromCensusYear: 2024, note: 'North Yorkshire: DfE E10000023, ONS E06000065' },
  { kind: 'code-change', from: ['E10000027'], to: ['E06000066'], fromCensusYear: 2024, note: 'Somerset: DfE E10000027, ONS E06000066' },
];

/** ONS codes that name the same council (code changes only): each maps to one canonical code. */
const CANONICAL_NEW_CODE: Record<string, string> = Object.fromEntries(
  SUCCESSIONS.filter((s) => s.kind === 'code-change').flatMap((s) => s.from.map((f) => [f, s.to[0]!])),
);

/** The canonical ONS code of a council whose code changed without a reorganisation. */
export function canonicalNewCode(code: string): string {
  const c = code.trim().toUpperCase();
  return CANONICAL_NEW_CODE[c] ?? c;
}

/**
 * Every ONS code of the council a code names, the code itself first: the code it changed to and those changed to it
 * (population files name North Yorkshire E10000023 to mid-2022 and E06000065 after, whichever code a release uses).
 * @example councilNewCodes('E06000065') // ['E06000065', 'E10000023']
 */
export function councilNewCodes(code: string): string[] {
  const c = code.trim().toUpperCase();
  const canonical = canonicalNewCode(c);
  return [...new Set([c, canonical, ...Object.keys(CANONICAL_NEW_CODE).filter((k) => CANONICAL_NEW_CODE[k] === canonical)])];
}

/** The reorganisation that ended or created an LA (by DfE code), if any. */
export function reorganisationOf(oldCode: string): Succession | undefined {
  return SUCCESSIONS.find((s) => s.kind === 'reorganisation' && (s.from.includes(oldCode) || s.to.includes(oldCode)));
}

/**
 * Whether an LA's series is broken by a reorganisation inside [firstYear, lastYear]: a successor whose
 * history starts at the reorganisation, or a predecessor that ended.
 */
export function isBrokenByReorganisation(oldCode: string, firstYear: number, lastYear: number): Succession | undefined {
  const s = reorganisationOf(oldCode);
  if (!s) return undefined;
  if (s.fromCensusYear > firstYear && s.fromCensusYear <= lastYear) return s;
  return undefined;
}

/** The fictional LA of the bundled sample. */
export const SAMPLE_LA: LaIdentity = { oldCode: '999', newCode: 'E99999999', name: 'Anyshire' };

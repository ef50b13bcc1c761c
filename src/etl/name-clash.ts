/**
 * An LA code given two names by two files that share no word of a place (region-clash.ts gives the same for regions):
 * no published release gives one code two LAs' names (none of the 156 LA codes of the real 2022 and 2025 releases has
 * two names at all), so one file has another LA's code on its rows (a row copied, codes swapped or typed over), and
 * the run would read two LAs' figures as one's. Before, sen2_age_new_plans.csv giving Kent's code 886 the name Medway
 * (Medway's new plans under Kent's code) was forecast with no word, and the forecast's rows were labelled Medway.
 * Spellings of one name (`Bristol, City of` and `Bristol`, `St. Helens` and `St Helens`, `Southend-on-Sea` and
 * `Southend`) share a word and are not clashes.
 */
import type { LaRegionRow, RegionClashAcross } from './region-clash.ts';

/** Words of an LA's name that say what kind of place it is, not which ('thames': Kingston upon Thames and Richmond upon Thames). */
const GENERIC = new Set(['city', 'of', 'county', 'the', 'and', 'borough', 'council', 'royal', 'upon', 'on', 'district', 'metropolitan', 'sea', 'thames', 'st', 'saint']);

/** The words of a name that say which place it is (lower case, without punctuation or generic words). */
export function placeWords(name: string): Set<string> {
  return new Set(
    name
      .toLowerCase()
      .replace(/&/g, ' and ')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w && !GENERIC.has(w)),
  );
}

/**
 * Words of a name that tell two LAs sharing a place word apart (East and West Sussex, North and North East
 * Lincolnshire), each as the compass points it holds ('northeast': north and east).
 */
const POINTS: Readonly<Record<string, readonly string[]>> = {
  north: ['north'],
  south: ['south'],
  east: ['east'],
  west: ['west'],
  central: ['central'],
  northeast: ['north', 'east'],
  northwest: ['north', 'west'],
  southeast: ['south', 'east'],
  southwest: ['south', 'west'],
};

/** Compass points abbreviated ('NE Lincolnshire', 'N. Somerset'): a name with one may be spelling any of them. */
const ABBREVIATED = new Set(['n', 's', 'e', 'w', 'ne', 'nw', 'se', 'sw']);

/** The compass points of a name's place words, sorted and joined ('' for none). */
function pointsOf(words: ReadonlySet<string>): string {
  return [...new Set([...words].flatMap((w) => POINTS[w] ?? []))].sort().join(' ');
}

/**
 * Whether two names can be one LA's: they share a place word other than a compass point (or either has none to
 * compare), and where both have compass points, the same ones. East Sussex and West Sussex share 'sussex' and were
 * taken for one LA: sen2_age_new_plans.csv giving East Sussex's code 845 the name West Sussex (the two LAs' rows
 * swapped) was read with no word. A name with compass points and one without are two LAs' too ('Lincolnshire' and
 * 'North East Lincolnshire', 'Somerset' and 'North Somerset', each a council of its own: before, taken for one), unless
 * the one without has a compass point abbreviated ('NE Lincolnshire'), which may be any.
 * @example sameLaName('Bristol, City of', 'Bristol') // true
 * @example sameLaName('East Sussex', 'West Sussex') // false
 * @example sameLaName('Somerset', 'North Somerset') // false
 * @example sameLaName('Kent', 'Medway') // false
 */
export function sameLaName(a: string, b: string): boolean {
  const [x, y] = [placeWords(a), placeWords(b)];
  const [px, py] = [pointsOf(x), pointsOf(y)];
  if (px && py && px !== py) return false;
  const [bx, by] = [[...x].filter((w) => !POINTS[w]), [...y].filter((w) => !POINTS[w])];
  if (bx.length === 0 || by.length === 0) return true;
  const unpointed = !px && py ? bx : px && !py ? by : undefined;
  if (unpointed && !unpointed.some((w) => ABBREVIATED.has(w))) return false;
  return bx.some((w) => by.includes(w));
}

/**
 * One clash per LA code that two files name as two LAs (blank names, England's and the regions' own rows, and codes
 * `regionClashes` already names are not compared), the first file's name first; only clashes with a file `isNew` says
 * is new, when given.
 * @example nameClashesAcrossFiles([{ old_la_code: '886', la_name: 'Kent', file_id: 1, … }, { old_la_code: '886', la_name: 'Medway', file_id: 2, … }]) // one clash
 */
export function nameClashesAcrossFiles(rows: readonly LaRegionRow[], isNew: (fileId: number) => boolean = () => true, regionClashes: readonly RegionClashAcross[] = []): RegionClashAcross[] {
  const named = new Set(regionClashes.map((c) => c.other.old_la_code));
  const first = new Map<string, LaRegionRow>();
  const out = new Map<string, RegionClashAcross>();
  const sorted = rows.filter((r) => r.la_name && r.old_la_code && r.old_la_code !== 'ALL' && !named.has(r.old_la_code)).sort((a, b) => a.file_id - b.file_id);
  for (const r of sorted) {
    const f = first.get(r.old_la_code);
    if (!f) first.set(r.old_la_code, r);
    else if (f.file_id !== r.file_id && !sameLaName(f.la_name, r.la_name) && (isNew(f.file_id) || isNew(r.file_id)) && !out.has(r.old_la_code))
      out.set(r.old_la_code, { first: f, other: r, what: 'name' });
  }
  return [...out.values()];
}

/**
 * Small-count suppression for publication: every count of plans (children and young people) above zero and below
 * the threshold is replaced by the marker `[c]` (the GSS symbol for "confidential"). Zeros stay, money and rates
 * stay, totals stay; where a line of a table that adds up (a column to its total, placements to their group) would
 * hold one `[c]` alone, a second count of it is suppressed too (complementaryCells: secondary suppression).
 */
import type { PlacementGroup } from '../domain/index.ts';
import { smallGroupsLabel } from '../messages/report.ts';
import { cellNumber, type Cell, type ColumnKind, type Table, type WorkbookModel } from './workbook/model.ts';

/**
 * What the workbook shows of the base year's placements under suppression, by which the explorer page pools its
 * starting plans (explorer/suppress-input.ts placementPools): each placement's count (by PLACEMENTS' order), the
 * groups its placement chart draws in its grey band, and the placements its Plans by placement sheet hides (small or
 * secondary).
 */
export interface PlacementsShown {
  counts: readonly number[];
  band: readonly PlacementGroup[];
  hidden: readonly number[];
}

/** The marker written in place of a suppressed count. */
export const SUPPRESSED = '[c]';

/** Whether a count is small enough to suppress. */
export function isSmallCount(v: number, threshold: number): boolean {
  return v > 0 && v < threshold;
}

function suppressCell(c: Cell, kind: ColumnKind, threshold: number): Cell {
  if (typeof c === 'number') return kind === 'count' ? suppressedCount(c, threshold) : c;
  if (typeof c === 'string') return suppressedText(c, threshold);
  if (c !== null && typeof c === 'object') return c.kind === 'count' && suppressedCount(c.value, threshold) === SUPPRESSED ? SUPPRESSED : c;
  return c;
}

/**
 * A count of plans as a document for publication gives it: the marker in place of a small count (isSmallCount), else
 * the count; no threshold (or one of 1 or less) gives every count. The one rule of the workbook's cells, applied to a
 * figure outside it (`run --json`, the explorer's CSV download).
 * @example suppressedCount(3, 5) // '[c]'
 * @example suppressedCount(12, 5) // 12
 */
export function suppressedCount(v: number, threshold: number | undefined): number | typeof SUPPRESSED {
  return threshold !== undefined && threshold > 1 && isSmallCount(v, threshold) ? SUPPRESSED : v;
}

/**
 * A count of plans as a table for publication shows it: the marker for a small count (suppressedCount), else the count
 * in `fmt`'s words. The explorer page's tables, cards and chart tooltips show counts so, as the workbook's cells do.
 * @example countText(3, 5, String) // '[c]'
 */
export function countText(v: number, threshold: number | undefined, fmt: (v: number) => string): string {
  return suppressedCount(v, threshold) === SUPPRESSED ? SUPPRESSED : fmt(v);
}

/**
 * The Januaries before the base year whose total plans a chart or sentence shows: every one with a total; with
 * suppression, the unbroken run of years up to the base year, back to (not including) a year the data have no total
 * for or whose total is small. Charts put years side by side on their axis, so a year left out inside the run drew its neighbours one year
 * apart (the explorer page's Isles of Scilly at 10: 2014, then 2017, its 2015 and 2016 left out as small); and the
 * growth from a small total to a shown one gives the small one back ('up from fewer than 10 in January 2010: growth of
 * 12.2% a year … over 12 years' from 16 is 4).
 * @example pastYearsShown({ 2014: 10, 2015: 7, 2016: 12, 2017: 14 }, 2018, 10) // [2016, 2017]
 */
export function pastYearsShown(totals: Readonly<Record<number, number>>, baseYear: number, threshold?: number): number[] {
  // without suppression every past January with a total: a history cut at a gap, without a word, hid the years before it
  if (threshold === undefined || threshold <= 1) return Object.keys(totals).map(Number).filter((y) => y < baseYear && Number.isFinite(totals[y])).sort((a, b) => a - b);
  const out: number[] = [];
  for (let y = baseYear - 1; Number.isFinite(totals[y]) && suppressedCount(totals[y]!, threshold) !== SUPPRESSED; y--) out.unshift(y);
  return out;
}

/** The sentence explaining the marker, for sheets and the report. */
export function suppressionNote(threshold: number): string {
  return `Counts of plans from 1 to ${threshold - 1} are shown as ${SUPPRESSED} (suppressed for publication), and so is a second count beside one where a total would give it back by subtraction; totals are not suppressed.`;
}

/**
 * An additive line of a table for publication: the count `total` is the sum of `parts` less the sum of `minus`
 * (a column to its total row, placements to their group, the projection's identity), its cells named by key.
 */
export interface SumLine<K = string> {
  total: K;
  parts: readonly K[];
  minus?: readonly K[];
}

/**
 * Secondary (complementary) suppression, the Government Statistical Service's practice for a table for publication:
 * the cells `hidden` (the small counts, isSmallCount) and, while a line holds exactly one hidden cell (which the other
 * cells and the shown total give back by subtraction), its smallest non-zero other count too (the total itself only
 * where no other count is left: the hidden part is then the total), until no line holds one alone. Totals stay. A cell
 * with no number (`value` not finite) is never taken.
 * @example complementaryCells((k) => ({ a: 1, b: 10, c: 20, t: 31 })[k]!, [{ total: 't', parts: ['a', 'b', 'c'] }], new Set(['a'])) // Set { 'a', 'b' }
 */
export function complementaryCells<K>(value: (k: K) => number, lines: readonly SumLine<K>[], hidden: ReadonlySet<K>): Set<K> {
  const out = new Set(hidden);
  for (let changed = true; changed; ) {
    changed = false;
    for (const l of lines) {
      const others = [...l.parts, ...(l.minus ?? [])];
      if ([l.total, ...others].filter((k) => out.has(k)).length !== 1) continue;
      const free = others.filter((k) => !out.has(k) && Number.isFinite(value(k)) && value(k) !== 0);
      const pick = free.length ? free.reduce((a, b) => (Math.abs(value(b)) < Math.abs(value(a)) ? b : a)) : l.total;
      if (out.has(pick) || !Number.isFinite(value(pick))) continue;
      out.add(pick);
      changed = true;
    }
  }
  return out;
}

/**
 * Which of a placement's funded places, plans and plans beyond places in a year a table for publication hides: the
 * small ones, and one more where plans = places + plans beyond places (beyond places above 0) would give a hidden one
 * back (the Places and plans sheet's line, its `sums`; the report's table of places against plans).
 * @example placesHidden({ places: 40, plans: 45, gap: 5 }, 10) // Set { 'gap', 'places' }
 */
export function placesHidden(g: { places: number; plans: number; gap: number }, threshold: number | undefined): Set<'places' | 'plans' | 'gap'> {
  if (threshold === undefined || threshold <= 1) return new Set();
  const keys = ['places', 'plans', 'gap'] as const;
  const primary = new Set(keys.filter((k) => isSmallCount(g[k], threshold)));
  return complementaryCells((k) => g[k], g.gap > 0 ? [{ total: 'plans' as const, parts: ['places', 'gap'] as const }] : [], primary);
}

/** A cell of a workbook table: in the table's `sums`, `table` (an Excel table name) defaults to the table's own. */
const cellKey = (table: string, row: number, col: number): string => `${table}\u0000${row}\u0000${col}`;

/** The lines of a workbook's tables (their `sums`), their cells named by cellKey. */
function linesOf(tables: readonly Table[]): SumLine[] {
  return tables.flatMap((t) => {
    const k = (r: { table?: string; row: number; col: number }) => cellKey(r.table ?? t.name, r.row, r.col);
    return (t.sums ?? []).map((l) => ({ total: k(l.total), parts: l.parts.map(k), ...(l.minus ? { minus: l.minus.map(k) } : {}) }));
  });
}

/**
 * A copy of a workbook model with small counts suppressed, in its cells and in the words of its notes
 * (suppressedText), and the counts complementaryCells adds over the tables' `sums` (lines may reach another table of
 * the workbook by name). The copy has no `sums`. Returns the model without `sums` when `threshold` ≤ 1.
 * @example suppressWorkbook(model, 5) // counts 1–4 (and fractions below 5) become '[c]', and one more count in a line with one alone
 */
export function suppressWorkbook(model: WorkbookModel, threshold: number | undefined): WorkbookModel {
  const bare = (t: Table): Table => {
    const rest = { ...t };
    delete rest.sums;
    return rest;
  };
  if (threshold === undefined || threshold <= 1) return { ...model, sheets: model.sheets.map((s) => ({ ...s, tables: s.tables.map(bare) })) };
  const tables = model.sheets.flatMap((s) => s.tables);
  const byName = new Map(tables.map((t) => [t.name, t]));
  const primary = new Set<string>();
  for (const t of tables) t.rows.forEach((row, r) => row.forEach((c, j) => suppressCell(c, t.columns[j]!.kind, threshold) === SUPPRESSED && typeof c !== 'string' && primary.add(cellKey(t.name, r, j))));
  const value = (k: string): number => {
    const [name, r, j] = k.split('\u0000');
    return cellNumber(byName.get(name!)?.rows[Number(r)]?.[Number(j)] ?? null) ?? NaN;
  };
  const hidden = complementaryCells(value, linesOf(tables), primary);
  return {
    ...model,
    sheets: model.sheets.map((s) => ({
      ...s,
      // the notes written for publication give no small count of plans in their words either (a note's text cells too)
      intro: s.intro.map((l) => suppressedText(l, threshold)),
      tables: s.tables.map((t) => {
        let n = 0;
        const rows = t.rows.map((row, r) =>
          row.map((c, j) => {
            const out = hidden.has(cellKey(t.name, r, j)) ? SUPPRESSED : suppressCell(c, t.columns[j]!.kind, threshold);
            if (out !== c && typeof c !== 'string') n++;
            return out;
          }),
        );
        const note = t.note === undefined ? undefined : suppressedText(t.note, threshold);
        return { ...bare(t), rows, ...(n > 0 ? { note: [note, suppressionNote(threshold)].filter(Boolean).join(' ') } : note === undefined ? {} : { note }) };
      }),
    })),
  };
}

/**
 * A count of plans (or children, young people) in prose: the number, up to three words, then the noun. Funded places
 * are counted so too ("the 2 funded places"), as the workbook's cells count them (Places and plans sheet): a small
 * number of places beside the plans beyond them gives the plans back.
 */
const COUNT_IN_TEXT = /(?<![\w.,£$%-])((?:[Tt]he|[Ii]ts) )?(\d{1,3}(?:,\d{3})*(?:\.\d+)?)((?: (?!years?\b)[A-Za-z’'-]+){0,3}? )(plan\(s\)|plans?\b|children\b|young people\b|places?\b(?! funding| rates?\b))/g;
/** "N of … M plans … (p%)": a share that gives N back from M. */
const SHARE_OF = /(?<![\w.,£$%-])((?:[Tt]he|[Ii]ts) )?(\d{1,3}(?:,\d{3})*(?:\.\d+)?) of ((?:[^\s()]+ ){0,3}?\d{1,3}(?:,\d{3})* (?:[A-Za-z-]+ ){0,2}?(?:plans|children)\b)(?:([^().;:]{0,60}?) \(\d+(?:\.\d+)?%\))?/g;

/** "72 (42%) are projected …": a count of them, its noun a sentence before, with its share. */
const COUNT_WITH_SHARE = /(?<![\w.,£$%-])(\d{1,3}(?:,\d{3})*) \(\d+(?:\.\d+)?%\)(?= (?:are|were|is|was) )/g;

/** "shared evenly (1.3 each)": the count of plans each of several placements is given. */
const EACH = /\((\d{1,3}(?:,\d{3})*(?:\.\d+)?) each\)/g;
/** "7% (199 children)": a share with its count in brackets (the report's independent placements), which gives the count back from the total. */
const SHARE_THEN_COUNT = /(?<![\w.,£$-])\d+(?:\.\d+)?% \((\d{1,3}(?:,\d{3})*) (children|plans?|young people)\)/g;

const N = String.raw`\d{1,3}(?:,\d{3})*(?:\.\d+)?`;
/** "plans go from 16 in January 2022 to 41 by January 2032", "from 10 to 16 by January 2022": a census's count of plans, the noun before. */
const AT_CENSUS = new RegExp(String.raw`(?<=\b(?:from|reaches|reach|were|was|is|are) |(?<![\d,.]) to |\bfrom ${N} to )(${N})(?= (?:in|by) January \d{4}| to ${N} (?:in|by) January \d{4})`, 'g');

/** "and 2 in independent … schools": a count in a setting, the noun before. */
const IN_SETTING = new RegExp(String.raw`(?<![\w.,£$%-])(${N})(?= in [a-z])`, 'g');
/** "plans for children under 5 from 1 to 2": a count's change, the noun before (not ages, years or shares). */
const FROM_TO = new RegExp(String.raw`(?<!\b(?:ages?|aged|Years?) )\bfrom (${N}) to (${N})(?![\d,%]| years?\b| (?:in|by) January)`, 'g');

const numberIn = (s: string): number => Number(s.replace(/,/g, ''));

/**
 * A note as written for publication with small counts suppressed: every count of plans (or of children or young
 * people) from above 0 to below `threshold` in its words reads "fewer than N" (and a share that gives such a count
 * back from a total, "6 of 3,007 plans (0.2%)" or "72 (42%) are projected", loses its percentage); so does a census's
 * count with its noun before it ("plans go from 16 in January 2022"). The one rule of the workbook's cells
 * (isSmallCount), for the notes the workbook, report and explorer page write; stderr keeps the figures. No threshold
 * (or one of 1 or less) gives the note unchanged.
 * @example suppressedText('its 2 new plans are too few', 5) // 'fewer than 5 new plans are too few'
 */
export function suppressedText(text: string, threshold: number | undefined): string {
  if (threshold === undefined || threshold <= 1) return text;
  // the sentence that says what [c] stands for is not a count of plans: rewritten, the report's read 'Counts of plans
  // from fewer than 1,000 to fewer than 1,000 are shown as [c]'
  const said = suppressionNote(threshold);
  if (text.includes(said)) return text.split(said).map((part) => suppressedText(part, threshold)).join(said);
  const fewer = `fewer than ${threshold.toLocaleString('en-GB')}`;
  // "the 1 plan" reads "fewer than 5 plans" ("The" at the start of a sentence, "Fewer")
  const lead = (article: string | undefined): string => (article && /^[A-Z]/.test(article) ? `F${fewer.slice(1)}` : fewer);
  return text
    .replace(SHARE_OF, (m, article: string | undefined, n: string, rest: string, tail: string | undefined) =>
      isSmallCount(numberIn(n), threshold) ? `${lead(article)} of ${rest}${tail ?? ''}` : m,
    )
    .replace(AT_CENSUS, (m, n: string) => (isSmallCount(numberIn(n), threshold) ? fewer : m))
    .replace(IN_SETTING, (m, n: string) => (isSmallCount(numberIn(n), threshold) ? fewer : m))
    .replace(FROM_TO, (m, a: string, b: string) => (isSmallCount(numberIn(a), threshold) || isSmallCount(numberIn(b), threshold) ? `from ${isSmallCount(numberIn(a), threshold) ? fewer : a} to ${isSmallCount(numberIn(b), threshold) ? fewer : b}` : m))
    .replace(SHARE_THEN_COUNT, (m, n: string, noun: string) => (isSmallCount(numberIn(n), threshold) ? `${fewer} ${noun === 'plan' ? 'plans' : noun}` : m))
    .replace(EACH, (m, n: string) => (isSmallCount(numberIn(n), threshold) ? `(${fewer} each)` : m))
    .replace(COUNT_WITH_SHARE, (m, n: string) => (isSmallCount(numberIn(n), threshold) ? fewer : m))
    .replace(COUNT_IN_TEXT, (m, article: string | undefined, n: string, words: string, noun: string) =>
      isSmallCount(numberIn(n), threshold) ? `${lead(article)}${words}${noun === 'plan' || noun === 'place' ? `${noun}s` : noun}` : m,
    );
}

const sum = (xs: readonly number[]): number => xs.reduce((s, v) => s + v, 0);

/**
 * The placement groups' chart beside the tables that show the groups, made to agree: the groups smallGroupsBanded
 * draws in its grey band, and also every group a table hides in a year the chart shows (`hiddenBeside`, given the
 * band's members, whose sum its height shows: a table hides one more of them where it shows all the others but one),
 * until the band holds every group the tables hide. A group drawn whole is never `[c]` in the tables beside it, and no
 * `[c]` of the tables is the band's height less the members they show.
 * @example bandBesideTables(groups, 10, (members) => hiddenGroups(members)) // the series the chart draws
 */
export function bandBesideTables<T extends { label: string; values: readonly number[] }>(
  series: readonly T[],
  threshold: number | undefined,
  hiddenBeside: (members: readonly string[]) => ReadonlySet<string>,
): Array<T | { label: string; values: number[]; members: string[] }> {
  const also = new Set<string>();
  for (;;) {
    const drawn = smallGroupsBanded(series, threshold, also);
    const members = drawn.flatMap((s) => ('members' in s && Array.isArray(s.members) ? (s.members as string[]) : []));
    const more = [...hiddenBeside(members)].filter((l) => !members.includes(l) && series.some((s) => s.label === l));
    if (!more.length) return drawn;
    for (const l of more) also.add(l);
  }
}

/**
 * Placement groups as a stacked chart for publication draws them: a group holding from 1 to N − 1 plans in any year
 * the chart shows is drawn in one band with the other such groups (smallGroupsLabel), in every year, so no height on
 * the axis is a small count of one group (the report's chart drew Isles of Scilly's mainstream 9 of January 2019 on
 * a grid line at 10). Where the band would hold a small count in all that year (one group's alone, or two small
 * groups' together: its height would be that count), the smallest other group of that year joins it, until none does. The band's members
 * are named in `members`; a group drawn whole is given as it is. No threshold (or one of 1 or less), or no small
 * group, gives the series unchanged.
 * @example smallGroupsBanded([{ label: 'A', values: [9, 12] }, { label: 'B', values: [20, 30] }, { label: 'C', values: [40, 50] }], 10)
 * // [{ label: 'C', values: [40, 50] }, { label: 'Groups with fewer than 10 plans in a year', values: [29, 42], members: ['A', 'B'] }]
 */
export function smallGroupsBanded<T extends { label: string; values: readonly number[] }>(
  series: readonly T[],
  threshold: number | undefined,
  also: ReadonlySet<string> = new Set(),
): Array<T | { label: string; values: number[]; members: string[] }> {
  if (threshold === undefined || threshold <= 1) return [...series];
  const banded = new Set(series.filter((s) => also.has(s.label) || s.values.some((v) => isSmallCount(v, threshold))));
  if (!banded.size) return [...series];
  // a band of one group is that group drawn whole: one taken in for a table's sake (`also`) takes the smallest other in
  const others = series.filter((s) => !banded.has(s) && s.values.some((v) => v > 0));
  if (banded.size === 1 && others.length) banded.add(others.reduce((a, b) => (sum(b.values) < sum(a.values) ? b : a)));
  for (;;) {
    const years = series[0]?.values.map((_, i) => i) ?? [];
    // a year whose band holds a small count in all (one group's, or two small groups' together): its height gives
    // that count back
    const bare = years.find((i) => isSmallCount([...banded].reduce((t, s) => t + s.values[i]!, 0), threshold));
    const rest = series.filter((s) => !banded.has(s) && (bare === undefined || s.values[bare]! > 0));
    if (bare === undefined || !rest.length) break;
    banded.add(rest.reduce((a, b) => (b.values[bare]! < a.values[bare]! ? b : a)));
  }
  const members = series.filter((s) => banded.has(s));
  const band = { label: smallGroupsLabel(threshold), values: members[0]!.values.map((_, i) => members.reduce((t, s) => t + s.values[i]!, 0)), members: members.map((s) => s.label) };
  return [...series.filter((s) => !banded.has(s)), band];
}

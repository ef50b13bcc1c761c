/**
 * A hostile-input corpus: malformed variants of every kind of file highneeds reads (published EES tables of both
 * layouts, ONS estimates and projections, money tables as CSV and XLSX, scenario YAML, SEN2 XML returns and Blade
 * exports, ZIP archives), each differing from a good real-shaped file in one way. The variants are generated (never
 * stored), seeded where they draw anything, and written by `writeVariant` into a folder the caller removes.
 *
 * A variant says which commands read it (`uses`); corpus.test.ts runs each through them and checks the general
 * contract of docs/cli.md (exit 0/1/2, the file named, no stack trace, no NaN/Infinity/undefined, nothing half written).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { joinCsv, splitCsv } from './csv-text.ts';
import { zipBytes } from '../etl/zip-writer.ts';

/**
 * The commands a variant is run through (validate and load read every kind): `run-json` is run with --json and
 * --suppress-small-counts, `init` is init --from the variant, `backtest-data` is backtest --data of a folder holding it.
 */
export type Use = 'validate' | 'load' | 'forecast' | 'backtest' | 'run' | 'run-json' | 'goal-seek' | 'init' | 'backtest-data';

export interface Variant {
  /** `<kind>/<mutation>`, unique. */
  id: string;
  /** The file name the variant is written as (a folder's name for a Blade export). */
  name: string;
  /** The bytes of the file (for a Blade export, the module changed; the others are written beside it). */
  bytes: () => Buffer | Promise<Buffer>;
  uses: Use[];
  /** Text the variant puts in the file that a message may quote back (so 'NaN' in quotes is not the tool's). */
  quoted?: string;
  /** Extra files to write beside it (name → bytes), e.g. a Blade export's other modules. */
  beside?: Record<string, Buffer>;
  /** Whether the file is a scenario (given to `run` as the scenario, not put in the data folder). */
  scenario?: boolean;
  /** A variant every sample keeps (the bombs, the huge ones, entities and nesting): the rarest and most hostile. */
  always?: boolean;
}

/**
 * The variants marked `always`: the bombs and the huge ones, and an LA's and a scenario's name that a spreadsheet would
 * run as a formula, run through to the workbook and CSVs (the brief's check of exceljs's cell types and CSV escaping).
 */
const ALWAYS = /50mb|million-columns|billion-laughs|external-|deep-nesting|alias-bomb|traversal|absolute|^(ees-2022\/label|scenario\/name)="=HYPERLINK/;

const ROOT = join(import.meta.dirname, '../..');
const read = (p: string): Buffer => readFileSync(join(ROOT, p));

/** A good CSV file and the roles of its columns, which the cell-level mutations change. */
interface CsvBase {
  kind: string;
  name: string;
  text: string;
  /** A count or amount column. */
  count: string;
  year?: string;
  code?: string;
  label?: string;
  uses: Use[];
  beside?: Record<string, Buffer>;
}

/**
 * The bytes of `text` with its first `find` replaced by `n` bytes `fill` (an ASCII character): the same bytes as
 * Buffer.from(text.replace(find, fill.repeat(n))), made without a 50 MB string and its UTF-8 copy.
 */
function spliced(text: string, find: string, fill: string, n: number): Buffer {
  const at = text.indexOf(find);
  if (at < 0) throw new Error(`no '${find}' to replace`);
  return Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.alloc(n, fill), Buffer.from(text.slice(at + find.length))]);
}

/** The first `n` lines of a text (a short file keeps each run quick). */
function headLines(text: string, n: number): string {
  return text.split('\n').slice(0, n).join('\n') + '\n';
}

function csvBases(): CsvBase[] {
  const blade = join(ROOT, 'test/fixtures/sen2/blade');
  const bladeOthers: Record<string, Buffer> = {};
  for (const f of readdirSync(blade)) if (!f.endsWith('_placementdetail.csv')) bladeOthers[f] = readFileSync(join(blade, f));
  return [
    {
      kind: 'ees-2022', name: 'sen2_age_caseload.csv', text: read('data-samples/sen2_age_caseload.csv').toString(),
      count: 'Total_all', year: 'time_period', code: 'old_la_code', label: 'la_name', uses: ['validate', 'load', 'forecast', 'backtest', 'run', 'run-json', 'init', 'backtest-data'],
    },
    {
      kind: 'ees-2025', name: 'caseload.csv', text: read('test/fixtures/etl/layouts/caseload-2026.csv').toString(),
      count: 'ehcplans', year: 'time_period', code: 'old_la_code', label: 'la_name', uses: ['validate', 'load', 'init'],
    },
    {
      kind: 'ons-mye', name: 'ons_mye_2020.csv', text: read('data-samples/ons_mye_2020.csv').toString(),
      count: '5', code: 'Code', label: 'Name', uses: ['validate', 'load', 'run', 'run-json', 'init', 'backtest-data'],
    },
    {
      kind: 'ons-snpp', name: 'snpp_2022based_E99999999.csv', text: headLines(read('data-samples/snpp_2022based_E99999999.csv').toString(), 30),
      count: '2026', code: 'AREA_CODE', label: 'AREA_NAME', uses: ['validate', 'load', 'init'],
    },
    {
      kind: 'other-spend', name: 'other_spend.csv', text: read('data-samples/other_spend.csv').toString(),
      count: 'amount_gbp', year: 'financial_year', label: 'line', uses: ['validate', 'load', 'run', 'run-json', 'goal-seek'],
    },
    {
      kind: 'unit-costs', name: 'unit_costs.csv', text: read('data-samples/unit_costs.csv').toString(),
      count: 'annual_cost_gbp', year: 'price_year', code: 'placement', uses: ['validate', 'load', 'run', 'run-json', 'goal-seek'],
    },
    {
      kind: 'funding', name: 'funding.csv', text: read('data-samples/funding.csv').toString(),
      count: 'hn_block_gbp', year: 'financial_year', uses: ['validate', 'load', 'run', 'run-json', 'goal-seek'],
    },
    {
      kind: 'blade', name: 'Blade-Export_28-01-2025_placementdetail.csv',
      text: readFileSync(join(blade, 'Blade-Export_28-01-2025_placementdetail.csv')).toString(),
      count: 'placementrank', year: 'entrydate', code: 'sensetting', uses: ['validate', 'load'], beside: bladeOthers,
    },
  ];
}

/** Values a number cell is given: each must be read as that number or refused, never as something else. */
export const ODD_NUMBERS = ['1e400', '-1e400', '-0', '0x10', 'NaN', 'Infinity', '-Infinity', ' 12 ', '1,2,3', '-5', '1e-400', '99999999999999999999999'];
/** Years no input holds. */
export const ODD_YEARS = ['0', '99999', '2022.5', '-2022', '２０２２'];
/** Codes and names that a spreadsheet would read as a formula, or that hold control characters. */
export const FORMULA_TEXT = ['=1+2', '+805', '-805', '@SUM(A1)', '=HYPERLINK("http://x","y")', '8\u000705', '\tx', 'a\u001bb'];

/** A mulberry32 generator: the corpus's only randomness, seeded. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** UTF-16 bytes of a text, little- or big-endian, with or without a byte-order mark. */
function utf16(text: string, endian: 'le' | 'be', bom: boolean): Buffer {
  const le = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
  if (endian === 'le') return le;
  const be = Buffer.from(le);
  for (let i = 0; i + 1 < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1]!, be[i]!];
  return be;
}

/** Byte-level and line-level variants that apply to any text file. */
function textVariants(kind: string, name: string, text: string, uses: Use[], extra: Partial<Variant> = {}): Variant[] {
  const v = (mutation: string, bytes: () => Buffer | Promise<Buffer>, quoted?: string): Variant => ({ id: `${kind}/${mutation}`, name, bytes, uses, quoted, ...extra });
  const lines = text.split('\n');
  const mid = Math.max(1, Math.floor(lines.length / 2));
  const cutAt = lines.slice(0, mid).join('\n').length + 1 + Math.floor((lines[mid] ?? '').length / 2);
  return [
    v('empty', () => Buffer.alloc(0)),
    v('one-space', () => Buffer.from(' \n')),
    v('header-only', () => Buffer.from(lines[0] + '\n')),
    v('truncated-mid-line', () => Buffer.from(text.slice(0, cutAt))),
    v('bom-utf8', () => Buffer.from('\ufeff' + text)),
    v('bom-utf8-twice', () => Buffer.from('\ufeff\ufeff' + text)),
    v('utf16le-bom', () => utf16(text, 'le', true)),
    v('utf16be-bom', () => utf16(text, 'be', true)),
    v('utf16le-no-bom', () => utf16(text, 'le', false)),
    v('cr-only', () => Buffer.from(text.replaceAll('\r\n', '\n').replaceAll('\n', '\r'))),
    v('mixed-eol', () => Buffer.from(lines.map((l, i) => l + (i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\n' : '\r')).join('').replace(/[\r\n]+$/, '\n'))),
    v('nul-bytes', () => Buffer.from(text.slice(0, cutAt) + '\0\0' + text.slice(cutAt))),
    v('invalid-utf8', () => Buffer.concat([Buffer.from(text.slice(0, cutAt)), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(text.slice(cutAt))])),
    v('binary-garbage', () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) & 0xff))),
  ];
}

/** Replaces the cell of `column` in data row `row` (1-based data rows; 0 = every data row). */
function withCell(rows: string[][], column: string, value: string, row = 1): string[][] {
  const j = rows[0]!.indexOf(column);
  if (j < 0) throw new Error(`no column ${column}`);
  return rows.map((r, i) => (i > 0 && (row === 0 || i === row) ? r.map((c, k) => (k === j ? value : c)) : r));
}

/** Cell- and header-level variants of a CSV base. */
function csvVariants(b: CsvBase): Variant[] {
  const rows = splitCsv(b.text);
  const head = rows[0]!;
  const out: Variant[] = textVariants(b.kind, b.name, b.text, b.uses, { beside: b.beside });
  const v = (mutation: string, make: () => string[][] | string | Buffer, quoted?: string): Variant => ({
    id: `${b.kind}/${mutation}`,
    name: b.name,
    uses: b.uses,
    quoted,
    beside: b.beside,
    bytes: () => {
      const m = make();
      return Buffer.isBuffer(m) ? m : Buffer.from(typeof m === 'string' ? m : joinCsv(m));
    },
  });
  const rnd = seeded(b.kind.length * 7919);
  const shuffled = head.map((_, i) => i).sort(() => rnd() - 0.5);
  const ci = head.indexOf(b.count);
  out.push(
    v('header-duplicated-agrees', () => rows.map((r) => [...r, r[ci]!]).map((r, i) => (i === 0 ? r.map((c, k) => (k === r.length - 1 ? b.count : c)) : r))),
    v('header-duplicated-differs', () => rows.map((r, i) => [...r, i === 0 ? b.count : `${r[ci]}1`])),
    v('header-missing-count', () => rows.map((r) => r.filter((_, k) => k !== ci))),
    v('header-missing-first', () => rows.map((r) => r.slice(1))),
    v('header-reordered', () => rows.map((r) => shuffled.map((k) => r[k] ?? ''))),
    v('header-blank-name', () => rows.map((r, i) => (i === 0 ? r.map((c, k) => (k === ci ? '' : c)) : r))),
    v('row-short', () => rows.map((r, i) => (i === 1 ? r.slice(0, Math.max(1, Math.floor(r.length / 2))) : r))),
    v('row-long', () => rows.map((r, i) => (i === 1 ? [...r, '1', '2', '3'] : r))),
    v('rows-repeated', () => [...rows, ...rows.slice(1)]),
    v('unclosed-quote', () => joinCsv(rows).replace(`\n${rows[1]![0]}`, `\n"${rows[1]![0]}`)),
    v('cell-1mb', () => withCell(rows, b.label ?? b.count, 'x'.repeat(1 << 20))),
    v('long-name', () => withCell(rows, b.label ?? b.count, 'Long '.repeat(20_000).trim())),
  );
  for (const n of ODD_NUMBERS) out.push(v(`count=${JSON.stringify(n)}`, () => withCell(rows, b.count, n), n.trim()));
  if (b.year) for (const y of ODD_YEARS) out.push(v(`year=${y}`, () => withCell(rows, b.year!, y, 0), y));
  for (const t of FORMULA_TEXT) {
    if (b.code) out.push(v(`code=${JSON.stringify(t)}`, () => withCell(rows, b.code!, t, 0), t));
    if (b.label) out.push(v(`label=${JSON.stringify(t)}`, () => withCell(rows, b.label!, t, 0), t));
  }
  out.push(v('windows-1252', () => Buffer.from(joinCsv(b.label ? withCell(rows, b.label, 'Café Prévost', 0) : rows), 'latin1')));
  return out;
}

/** The few variants too large to make for every kind: a 50 MB line and a million columns (one CSV kind each). */
function hugeVariants(): Variant[] {
  const caseload = read('data-samples/sen2_age_caseload.csv').toString();
  const [header, first] = caseload.split('\n');
  return [
    {
      id: 'ees-2022/cell-50mb', name: 'sen2_age_caseload.csv', uses: ['validate'],
      bytes: () => spliced(`${header}\n${first!}\n`, 'Anyshire', 'A', 50 << 20),
    },
    {
      id: 'funding/million-columns', name: 'funding.csv', uses: ['validate'],
      bytes: () => Buffer.from(`financial_year,hn_block_gbp${',x'.repeat(1_000_000)}\n2025-26,57170000${',1'.repeat(1_000_000)}\n`),
    },
  ];
}

/** SEN2 XML returns: text variants, element-level ones, entity tricks and deep nesting. */
function xmlVariants(): Variant[] {
  const name = 'sen2_2025.xml';
  const text = read('test/fixtures/sen2/xml/sen2-2025.xml').toString();
  const uses: Use[] = ['validate', 'load'];
  const v = (mutation: string, make: () => string | Buffer, quoted?: string): Variant => ({
    id: `sen2-xml/${mutation}`, name, uses, quoted, bytes: () => {
      const m = make();
      return Buffer.isBuffer(m) ? m : Buffer.from(m);
    },
  });
  const firstRank = (value: string) => text.replace('<PlacementRank>1</PlacementRank>', `<PlacementRank>${value}</PlacementRank>`);
  const out = textVariants('sen2-xml', name, text, uses);
  const cut = text.indexOf('<Surname>Testsurtwo') + 4;
  const body = text.replace(/^<\?xml[^>]*>\n/, '');
  const lol = ['<!ENTITY a0 "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY a${i + 1} "${`&a${i};`.repeat(10)}">`)].join('');
  out.push(
    v('truncated-mid-element', () => text.slice(0, cut)),
    v('truncated-mid-tag', () => text.slice(0, text.indexOf('<PersonBirthDate>2008') + 7)),
    v('billion-laughs', () => `<?xml version="1.0"?>\n<!DOCTYPE Message [${lol}]>\n${body.replace('Testsurone', '&a9;')}`),
    v('external-entity', () => `<?xml version="1.0"?>\n<!DOCTYPE Message [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n${body.replace('Testsurone', '&x;')}`),
    v('external-dtd', () => `<?xml version="1.0"?>\n<!DOCTYPE Message SYSTEM "http://127.0.0.1:9/x.dtd">\n${body}`),
    v('deep-nesting', () => text.replace('<Surname>Testsurone</Surname>', `${'<X>'.repeat(100_000)}${'</X>'.repeat(100_000)}<Surname>Testsurone</Surname>`)),
    v('huge-element-50mb', () => spliced(text, 'Testsurone', 'S', 50 << 20)),
    v('lea-formula', () => text.replace('<LEA>999</LEA>', '<LEA>=999</LEA>'), '=999'),
    v('lea-control', () => text.replace('<LEA>999</LEA>', '<LEA>9&#7;99</LEA>')),
    v('year=99999', () => text.replace('<Year>2025</Year>', '<Year>99999</Year>'), '99999'),
    v('year=2025.5', () => text.replace('<Year>2025</Year>', '<Year>2025.5</Year>'), '2025.5'),
    v('windows-1252', () => Buffer.from(text.replace('Testsurone', 'Prévost'), 'latin1')),
    v('encoding-declared-1252', () => Buffer.from(text.replace('UTF-8', 'windows-1252').replace('Testsurone', 'Prévost'), 'latin1')),
  );
  for (const n of ODD_NUMBERS) out.push(v(`rank=${JSON.stringify(n)}`, () => firstRank(n), n.trim()));
  return out;
}

/** Scenario YAML: text variants, alias bombs, huge numbers, formula-prefixed names. */
function scenarioVariants(): Variant[] {
  const name = 'hostile.yaml';
  const text = read('scenarios/baseline.yaml').toString().replace('id: baseline', 'id: hostile');
  const uses: Use[] = ['run', 'run-json', 'goal-seek'];
  const v = (mutation: string, make: () => string, quoted?: string): Variant => ({ id: `scenario/${mutation}`, name, uses, quoted, scenario: true, bytes: () => Buffer.from(make()) });
  const bomb = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`)].join('\n');
  const out = textVariants('scenario', name, text, uses, { scenario: true });
  out.push(
    v('alias-bomb', () => `${text}\nbomb:\n${bomb.replace(/^/gm, '  ')}\n`),
    v('alias-bomb-in-costs', () => text.replace('costs:\n', `costs:\n  extra: &e [1, 1]\n  more: [*e, *e, *e]\n`)),
    v('horizon=1e400', () => text.replace('horizon_years: 10', 'horizon_years: 1e400'), '1e400'),
    v('horizon=99999999999999999999', () => text.replace('horizon_years: 10', 'horizon_years: 99999999999999999999'), '99999999999999999999'),
    v('inflation=1e400', () => text.replace('inflation: 0.03', 'inflation: 1e400'), '1e400'),
    v('inflation=.nan', () => text.replace('inflation: 0.03', 'inflation: .nan'), '.nan'),
    v('inflation=-.inf', () => text.replace('inflation: 0.03', 'inflation: -.inf'), '-.inf'),
    v('inflation=-0', () => text.replace('inflation: 0.03', 'inflation: -0')),
    v('base-year=0', () => `${text}base_year: 0\n`, '0'),
    v('base-year=99999', () => `${text}base_year: 99999\n`, '99999'),
    v('base-year=2022.5', () => `${text}base_year: 2022.5\n`, '2022.5'),
    v('deep-nesting', () => `${text}costs2: ${'['.repeat(5000)}${']'.repeat(5000)}\n`),
    v('name-long', () => text.replace('name: Baseline', `name: ${'N'.repeat(100_000)}`)),
    v('id-formula', () => text.replace('id: hostile', "id: '=1+2'"), '=1+2'),
  );
  for (const t of FORMULA_TEXT) out.push(v(`name=${JSON.stringify(t)}`, () => text.replace('name: Baseline', `name: ${JSON.stringify(t)}`), t));
  return out;
}

/** Money tables in an Excel workbook: odd numbers, formula-prefixed text, a formula cell. */
function xlsxVariants(): Variant[] {
  const name = 'money.xlsx';
  const uses: Use[] = ['validate', 'load', 'run', 'run-json', 'goal-seek'];
  const book = (line: unknown, amount: unknown) => async (): Promise<Buffer> => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('other_spend');
    ws.addRow(['line', 'financial_year', 'amount_gbp']);
    for (const fy of ['2025-26', '2026-27']) ws.addRow([line, fy, amount]);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const v = (mutation: string, bytes: () => Promise<Buffer>, quoted?: string): Variant => ({ id: `money-xlsx/${mutation}`, name, uses, quoted, bytes });
  const out: Variant[] = [
    v('good', book('Outreach', 100_000)),
    v('formula-cell', book('Outreach', { formula: '1/0', result: { error: '#DIV/0!' } })),
    v('formula-cell-with-result', book('Outreach', { formula: 'A1*2', result: 5 })),
    v('shared-string-number', book('Outreach', '1,000')),
    v('empty-file', async () => Buffer.alloc(0)),
    v('not-a-zip', async () => Buffer.from('PK\u0003\u0004 not really')),
  ];
  for (const n of ODD_NUMBERS) out.push(v(`amount=${JSON.stringify(n)}`, book('Outreach', n), n.trim()));
  out.push(v('amount=1e308*10', book('Outreach', Number.MAX_VALUE)));
  for (const t of FORMULA_TEXT) out.push(v(`line=${JSON.stringify(t)}`, book(t, 100_000), t));
  return out;
}

/** ZIP archives of a release: names that climb out, absolute names, a damaged entry. */
function zipVariants(): Variant[] {
  const csv = read('data-samples/sen2_age_caseload.csv');
  const uses: Use[] = ['validate', 'load', 'forecast', 'init'];
  const v = (mutation: string, entries: { name: string; data: Buffer | string }[], method: 'store' | 'deflate' = 'deflate'): Variant => ({
    id: `zip/${mutation}`, name: 'release.zip', uses,
    bytes: () => zipBytes(entries.map((e) => ({ name: e.name, chunks: [e.data], method }))),
  });
  const good = zipBytes([{ name: 'data/sen2_age_caseload.csv', chunks: [csv] }]);
  return [
    v('good', [{ name: 'data/sen2_age_caseload.csv', data: csv }]),
    v('traversal', [{ name: '../../evil/sen2_age_caseload.csv', data: csv }]),
    v('absolute', [{ name: '/tmp/sen2_age_caseload.csv', data: csv }]),
    v('windows-absolute', [{ name: 'C:\\data\\sen2_age_caseload.csv', data: csv }]),
    v('backslash-traversal', [{ name: '..\\..\\sen2_age_caseload.csv', data: csv }]),
    v('nul-in-name', [{ name: 'data/sen2\0age.csv', data: csv }]),
    v('control-in-name', [{ name: 'data/sen2\u001b[2Jage.csv', data: csv }]),
    v('entry-truncated-csv', [{ name: 'data/sen2_age_caseload.csv', data: csv.subarray(0, Math.floor(csv.length / 2)) }]),
    v('entry-utf16', [{ name: 'data/sen2_age_caseload.csv', data: utf16(csv.toString(), 'le', true) }]),
    v('nested-zip', [{ name: 'inner.zip', data: good }]),
    { id: 'zip/truncated', name: 'release.zip', uses, bytes: () => good.subarray(0, Math.floor(good.length * 0.6)) },
    { id: 'zip/empty', name: 'release.zip', uses, bytes: () => Buffer.alloc(0) },
  ];
}

/** Every variant of the corpus, in a fixed order. */
export function corpus(): Variant[] {
  const all = [...csvBases().flatMap(csvVariants), ...hugeVariants(), ...xmlVariants(), ...scenarioVariants(), ...xlsxVariants(), ...zipVariants()];
  return all.map((v) => (ALWAYS.test(v.id) ? { ...v, always: true } : v));
}

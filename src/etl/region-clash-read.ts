/**
 * region-clash.ts on files read one after another without a warehouse (validate.ts), so that `validate` refuses in
 * the same words what `load` refuses (region-clash-warehouse.ts): each file's LA rows are kept as it is read
 * (laRowsSink), and where two files give an LA code two regions, those files are read again for the first line of
 * the LA's rows in each. Only then: a clash is rare, and a set-based read hands its LA rows without lines.
 */
import type { Problem } from '../errors.ts';
import { readInput, type InputFile } from './inputs.ts';
import type { Reader, RowSink } from './reader.ts';
import { regionClashesAcrossFiles, regionClashProblems, type LaRegionRow } from './region-clash.ts';
import { nameClashesAcrossFiles } from './name-clash.ts';
import { detached } from '../util/detached.ts';

/** A file read, with its reader. */
export interface ReadFile {
  input: InputFile;
  reader: Reader;
}

/**
 * A sink keeping the LA rows (the `la` table) of file `fileId` in `into`, as the warehouse's `la` table holds them;
 * it wants no other table. Each text is kept as a copy of its own (util/detached.ts): a name cut from a chunk of the
 * file kept that whole chunk alive until the last file was read: validating the bench's 100 MB file (about 840 LA codes)
 * grew memory by 234 MB, 73 MB with copies.
 * @example await scratch.read(reader, path, laRowsSink(3, rows), ctx)
 */
export function laRowsSink(fileId: number, into: LaRegionRow[]): RowSink {
  const text = (v: unknown): string => (v === null || v === undefined ? '' : detached(String(v)));
  return {
    tables: ['la'],
    add(table, row) {
      if (table !== 'la') return;
      into.push({ old_la_code: text(row.old_la_code), la_name: text(row.la_name), region_code: text(row.region_code), region_name: text(row.region_name), file_id: fileId });
    },
  };
}

/**
 * The problems of LA codes that two of the files give two regions, each at the second file's first line of the LA
 * (naming the first file and its line), as `load` gives them. `rows`: the files' LA rows (laRowsSink); `fileOf`: file
 * `id`'s input and reader, read again for the lines.
 */
export async function regionClashesOfFiles(rows: readonly LaRegionRow[], fileOf: (id: number) => ReadFile, today: Date): Promise<Problem[]> {
  const regions = regionClashesAcrossFiles(rows);
  const clashes = [...regions, ...nameClashesAcrossFiles(rows, undefined, regions)];
  if (clashes.length === 0) return [];
  const lines = new Map<string, number>();
  const involved = clashes.flatMap(({ first, other }) => [first, other]);
  for (const id of new Set(involved.map((r) => r.file_id))) {
    const codes = new Set(involved.filter((r) => r.file_id === id).map((r) => r.old_la_code));
    const sink: RowSink = {
      add(table, row) {
        if ((table !== 'stock' && table !== 'flow') || row.geographic_level !== 'Local authority' || !codes.has(String(row.old_la_code))) return;
        const key = `${id}|${String(row.old_la_code)}`;
        const line = Number(row.line);
        if (Number.isFinite(line) && !((lines.get(key) ?? Infinity) <= line)) lines.set(key, line);
      },
    };
    const { input, reader } = fileOf(id);
    await readInput(reader, input, sink, { fileId: id, hashKey: 'validate', today });
  }
  return regionClashProblems(clashes, (id, code) => ({ file: fileOf(id).input.path, line: lines.get(`${id}|${code}`) }));
}

/**
 * The explorer page named no file it rests on: its footnote read 'run in this page on the rates estimated from the
 * data on 2026-12-05', where the report lists every file loaded ('data/sen2_age_caseload.csv (ees-2022-age-caseload,
 * 803 rows)') and the workbook has a Files loaded table; a page made from the 2022 release looked like one made from
 * the 2025 release. The run now gives the page the files it loaded (path, reader, rows), and its footnote names them.
 */
import { describe, expect, it } from 'vitest';
import { payloadSource } from './payload-source.ts';
import { sourcesNote } from '../../src/messages/explorer.ts';
import { explorerPayload } from '../../src/explorer/payload.ts';

const files = [
  { path: 'data/sen2_age_caseload.csv', sha256: 'ab', reader: 'ees-2022-age-caseload', rows: 803 },
  { path: 'data/funding.csv', sha256: 'cd', reader: 'funding', rows: 1 },
];

describe('the explorer page names the files it rests on', () => {
  it('sourcesNote: each file with its reader and rows', () => {
    expect(sourcesNote(files)).toBe('Data loaded: data/sen2_age_caseload.csv (ees-2022-age-caseload, 803 rows); data/funding.csv (funding, 1 row).');
    expect(sourcesNote([])).toBe('');
  });

  it('the page carries the files, without their hashes', () => {
    const source = payloadSource({ stockTotal: { 2024: 2700, 2025: 2959 }, sources: files });
    expect(explorerPayload(source).sources).toEqual(files.map(({ path, reader, rows }) => ({ path, reader, rows })));
    expect(explorerPayload({ ...source, suppressSmallCounts: 5 }).sources).toHaveLength(2);
  });
});

/**
 * Hostile Blade exports: an unterminated quote, a quote in a header, duplicate columns and ragged rows are located
 * errors (file and line; exit 1 from the command line, never an internal error), and no error repeats a row's
 * personal data. A BOM and CRLF line endings are not hostile: such a copy reads as the original.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readSen2Blade } from '../../../src/etl/readers/sen2-blade.ts';
import { validatePaths } from '../../../src/etl/validate.ts';
import { runCli } from '../../cli/helpers.ts';
import { TODAY } from '../helpers.ts';
import { bladeCopy, collect, ctx } from './helpers.ts';

async function read(p: string) {
  const sink = collect();
  const report = await readSen2Blade(p, sink, ctx(p));
  return { report, rows: sink.rows };
}

describe('Blade export against hostile files', () => {
  it('a record whose parent id matches no parent record is a warning at its line, not a plan dropped unseen', async () => {
    // active plan 61 names request 999, which the requests module does not hold: read as it stands, the plan
    // belongs to no person and the stock counts one plan fewer: said, with its file and line (and its placement's)
    const p = bladeCopy({ edit: { module: 'activeplans', from: '61,61,1,1,21,', to: '61,61,1,1,999,' } });
    const { report } = await read(p);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toContainEqual(expect.objectContaining({
      file: join(dirname(p), 'Blade-Export_28-01-2025_activeplans.csv'), line: 2,
      message: expect.stringMatching(/1 activeplans record\(s\) name a requests record that is not in the export \(requeststableid '999' here\)/),
    }));
  });

  it('an unterminated quote is an error at its line, without the row in the message', async () => {
    const p = bladeCopy({ edit: { module: 'person', from: '11,11,1,1,1,Testsurone,', to: '11,11,1,1,1,"Testsurone,' } });
    const { report, rows } = await read(p);
    expect(rows).toEqual([]);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ file: p, line: 2, message: expect.stringMatching(/'person' module file .*unterminated quote/) });
    expect(report.errors[0]!.message).not.toMatch(/Testsur|Testfore|ZZ99/);
  });

  it('a row with more fields than the header is an error at its line', async () => {
    const p = bladeCopy({ edit: { module: 'requests', from: '22,22,2,1,12,,,,,,,', to: '22,22,2,1,12,,,,,,,,x' } });
    const { report } = await read(p);
    expect(report.errors[0]).toMatchObject({ file: expect.stringMatching(/_requests\.csv$/), line: 3, message: expect.stringMatching(/expected 12 fields as in the header, found 13/) });
  });

  it('a row with one field too many whose last is empty is an error at its line, not a row read shifted', async () => {
    // an unquoted comma before the ULN: read_csv alone took the row, the ULN in upnunknown and uniquelearnernumber
    // empty, and the person was keyed on the wrong identifier without a word
    const p = bladeCopy({ edit: { module: 'person', from: ',ZZ99 3CC,,9990000003,', to: ',ZZ99 3CC,,,9990000003,' } });
    const { report, rows } = await read(p);
    expect(rows).toEqual([]);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ file: p, line: 3, message: expect.stringMatching(/expected 14 fields as in the header, found 15, the last empty/) });
    expect(report.errors[0]!.message).not.toMatch(/Testsur|Testfore|ZZ99|999000/);
  });

  it('a module file DuckDB fails on internally is a located error however the module reads interleave', async () => {
    // six bytes inserted at byte 256 of the assessment module (a fuzzed case): read_csv fails with an internal error,
    // which ends the in-memory database, and a module being linked beside the read then failed too: that failure
    // escaped as an internal error in about one read in six. Several reads, as the order of the two varies.
    const p = bladeCopy();
    const file = join(dirname(p), 'Blade-Export_28-01-2025_assessment.csv');
    const bytes = readFileSync(file);
    writeFileSync(file, Buffer.concat([bytes.subarray(0, 256), Buffer.from([67, 167, 59, 242, 195, 196]), bytes.subarray(256)]));
    for (let k = 0; k < 8; k++) {
      const { report, rows } = await read(p);
      expect(rows).toEqual([]);
      expect(report.errors[0]).toMatchObject({ file: expect.stringMatching(/_assessment\.csv$/), message: expect.stringMatching(/'assessment' module file could not be read as CSV/) });
      // validate reads it set-based, in a staging database of the warehouse's DuckDB
      const { files: [f] } = await validatePaths([p], { today: TODAY });
      expect(f!.errors[0]!.message).toMatch(/'assessment' module file could not be read as CSV/);
    }
  });

  it('two columns of one name (also up to case) are an error naming the column and both positions', async () => {
    const p = bladeCopy({ edit: { module: 'person', from: ',forename,', to: ',SURNAME,' } });
    const { report } = await read(p);
    expect(report.errors[0]).toMatchObject({ file: p, line: 1, message: expect.stringMatching(/column 'surname' twice \(columns 6 and 7\)/) });
  });

  it('a quote in a header is exit 1 naming the file and line 1, not an internal error', async () => {
    const p = bladeCopy({ edit: { module: 'requests', from: 'receiveddate', to: '"receiveddate' } });
    const { report } = await read(p);
    expect(report.errors[0]).toMatchObject({ file: expect.stringMatching(/_requests\.csv$/), line: 1, message: expect.stringMatching(/quote character/) });
    const r = await runCli('validate', dirname(p));
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/_requests\.csv.*quote character/);
  });

  it('a copy with a BOM and CRLF line endings reads as the original', async () => {
    const original = await read(bladeCopy());
    const p = bladeCopy();
    for (const f of readdirSync(dirname(p))) {
      const file = join(dirname(p), f);
      writeFileSync(file, `\ufeff${readFileSync(file, 'utf8').replace(/\r?\n/g, '\r\n')}`);
    }
    const copy = await read(p);
    expect(copy.report.errors).toEqual([]);
    expect(copy.rows).toEqual(original.rows);
    expect(copy.rows.length).toBeGreaterThan(5);
  });
});

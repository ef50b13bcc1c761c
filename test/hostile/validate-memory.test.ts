/**
 * validate's memory on hostile sizes in one file of a folder: since it loads the files of a folder together in memory
 * once each passes alone (src/etl/load-together.ts), one huge file among several must still keep the process bounded
 * (peak resident memory of the child, test/peak-rss.ts, under 1 GB) and say what is wrong with that file.
 * Measured with /usr/bin/time on the sample's tables: a 50 MB name 380 MB, 50 MB cells of a column no reader reads
 * 456 MB for one, 665 MB for five and 678 MB for twelve (a 600 MB file: bounded, not growing with the cells), a million
 * columns 130 MB, 21,000 columns in two of the files 188 MB. The test writes three such cells.
 */
import { describe, expect, it } from 'vitest';
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { copySampleTables } from '../cli/helpers.ts';
import { runCliMeasured } from '../cli/spawn-measured.ts';
import { tempDir } from '../temp.ts';

const LIMIT_MB = 1024;
const CELL = 50 << 20;

/** Writes `file` as the lines of `lines`, each cell marked '@@' replaced by 50 MB of 'A' (written in pieces). */
function writeWithHugeCells(file: string, lines: string[]): void {
  const fd = openSync(file, 'w');
  try {
    for (const line of lines) {
      const parts = line.split('@@');
      parts.forEach((p, i) => {
        writeSync(fd, p);
        if (i < parts.length - 1) writeSync(fd, Buffer.alloc(CELL, 'A'));
      });
      writeSync(fd, '\n');
    }
  } finally {
    closeSync(fd);
  }
}

describe('validate of a folder with one huge file among several', () => {
  const caseload = readFileSync('data-samples/sen2_age_caseload.csv', 'utf8').trimEnd().split('\n');

  it('a 50 MB name: refused naming the file, line and column, memory bounded', () => {
    const d = join(tempDir('hn-hostile-mem-'), 'data');
    copySampleTables(d);
    writeWithHugeCells(join(d, 'sen2_age_caseload.csv'), caseload.map((l, i) => (i === 1 ? l.replace('Anyshire', '@@') : l)));
    const r = runCliMeasured(['validate', d]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/sen2_age_caseload\.csv:2 \[la_name\]: expected a name of at most 200 characters/);
    expect(r.peakRssMb).toBeLessThan(LIMIT_MB);
  }, 120_000);

  it('50 MB cells in a column no reader reads: the column is said to be ignored, memory bounded', () => {
    const d = join(tempDir('hn-hostile-mem-'), 'data');
    copySampleTables(d);
    writeWithHugeCells(join(d, 'sen2_age_caseload.csv'), caseload.map((l, i) => (i === 0 ? `${l},notes` : `${l},${i <= 3 ? '@@' : ''}`)));
    const r = runCliMeasured(['validate', d]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/sen2_age_caseload\.csv[^\n]*\n\s+warning: line 1: unknown column 'notes' is ignored/);
    expect(r.peakRssMb).toBeLessThan(LIMIT_MB);
  }, 180_000);

  it('a million columns: refused naming the file, memory bounded', () => {
    const d = join(tempDir('hn-hostile-mem-'), 'data');
    copySampleTables(d);
    const [head, ...rows] = caseload;
    writeFileSync(join(d, 'sen2_age_caseload.csv'), `${head}${',x'.repeat(1_000_000)}\n${rows.map((l) => l + ',1'.repeat(1_000_000)).slice(0, 3).join('\n')}\n`);
    const r = runCliMeasured(['validate', d]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/INVALID [^\n]*sen2_age_caseload\.csv[\s\S]*the first line runs past 64 KB/);
    expect(r.peakRssMb).toBeLessThan(LIMIT_MB);
  }, 120_000);
});

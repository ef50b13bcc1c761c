/**
 * A run with no --la on data of several LAs lists them: with a return whose Header LEA was mistyped (998 beside the
 * council's 999) the message was "the warehouse holds data for 2 LAs: choose one with --la (for example --la 998)",
 * suggesting the mistyped code. The LAs are now named (every one, however many), and one known only by a code says so.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reorganisationOf } from '../../src/domain/index.ts';
import { datasetChooseLa } from '../../src/messages/etl.ts';
import { copySampleTables, runCli } from '../cli/helpers.ts';
import { tempDir } from '../temp.ts';

describe('choosing an LA', () => {
  it('names a few LAs, and says which is known by a code alone', () => {
    const m = datasetChooseLa([
      { oldCode: '998', name: 'LA 998' },
      { oldCode: '999', name: 'Anyshire' },
    ]);
    expect(m).toBe("the warehouse holds data for 2 LAs: 998 (no name: an SEN2 return's LEA, or a table's la_code, with no published row), 999 (Anyshire); choose one with --la");
    expect(m).not.toMatch(/for example --la 998/);
  });

  it('names every LA of a whole release, not one example', () => {
    // the 2025-layout release without --la said 'the warehouse holds data for 156 LAs: choose one with --la (for
    // example --la 201)', naming none but City of London: the analyst had to look their council's code up elsewhere
    const many = Array.from({ length: 152 }, (_, i) => ({ oldCode: String(201 + i), name: `Council ${i}` }));
    const m = datasetChooseLa(many);
    expect(m).toMatch(/^the warehouse holds data for 152 LAs: 201 \(Council 0\), 202 \(Council 1\), /);
    for (const l of many) expect(m).toContain(`${l.oldCode} (${l.name})`);
    expect(m).toMatch(/352 \(Council 151\); choose one with --la$/);
    expect(m).not.toMatch(/for example/);
  });
});

describe('one council under two DfE codes', () => {
  it('says that two LAs of one name may be one council under a mistyped code, and the run of either names no NaN', async () => {
    // the sample's age tables under 998, its placements under 999 (E99999999 both): "998 (Anyshire), 999 (Anyshire)"
    // with no word of why, and `--la 999` (placements only) was "cannot be projected from January NaN"
    expect(datasetChooseLa([{ oldCode: '998', name: 'Anyshire' }, { oldCode: '999', name: 'Anyshire' }])).toBe(
      'the warehouse holds data for 2 LAs: 998 (Anyshire), 999 (Anyshire); choose one with --la. 998 and 999 are both named Anyshire: if they are one council, a file gives it under another DfE code (old_la_code), which splits its rows between the two; correct the code in that file',
    );
    // Dorset before (835) and after (838) its 2019 reorganisation is two councils of one name
    expect(datasetChooseLa([{ oldCode: '835', name: 'Dorset' }, { oldCode: '838', name: 'Dorset' }], (a, b) => reorganisationOf(a) !== undefined && reorganisationOf(a) === reorganisationOf(b))).toBe(
      'the warehouse holds data for 2 LAs: 835 (Dorset), 838 (Dorset); choose one with --la',
    );
    const dir = tempDir('hn-two-codes-');
    const data = join(dir, 'data');
    copySampleTables(data);
    for (const f of ['sen2_age_caseload.csv', 'sen2_age_new_plans.csv']) {
      const p = join(data, f);
      writeFileSync(p, readFileSync(p, 'utf8').replaceAll(',999,E99999999,', ',998,E99999999,'));
    }
    const all = await runCli('run', '--data', data, '--demand-only', '--draws', '0', '--out', join(dir, 'a'));
    expect(all.code).toBe(2);
    expect(all.stderr).toContain('998 and 999 are both named Anyshire');
    const one = await runCli('run', '--data', data, '--la', '999', '--demand-only', '--draws', '0', '--out', join(dir, 'b'));
    expect(one.code).toBe(1);
    expect(one.stderr).toContain('Anyshire (999) cannot be projected: the data hold no stock of plans.');
    expect(one.stderr).not.toMatch(/NaN/);
  });
});

/**
 * The JSON documents give the names of files and folders as they are, and a name may be a word the output guard
 * looks for: `validate NaN/ --json` (a folder so named) and `load undefined.csv --json` were refused as holding
 * half-truths ('refusing to write outputs holding NaN, Infinity or 'undefined' (a bug in highneeds …)', exit 70),
 * the load after its warehouse had been committed. Names are not our words; a NaN or 'undefined' of ours still is.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './helpers.ts';
import { tempDir } from '../temp.ts';
import { valueBlemishes } from '../../src/report/output-guard.ts';

describe('file and folder names in --json documents', () => {
  const root = tempDir('hn-json-names-');
  const folder = join(root, 'NaN');
  mkdirSync(folder);
  copyFileSync('data-samples/funding.csv', join(folder, 'undefined.csv'));
  copyFileSync('data-samples/places.csv', join(folder, 'Infinity.csv'));

  it('validate, load and status give them, exit 0', async () => {
    const v = await runCli('validate', folder, '--json');
    expect(v.code, v.stderr).toBe(0);
    expect((JSON.parse(v.stdout) as { files: Array<{ path: string }> }).files.map((f) => f.path)).toEqual([join(folder, 'Infinity.csv'), join(folder, 'undefined.csv')]);
    const wh = join(root, 'NaN.duckdb');
    const l = await runCli('load', folder, '--warehouse', wh, '--json');
    expect(l.code, l.stderr).toBe(0);
    expect((JSON.parse(l.stdout) as { warehouse: string; loaded: unknown[] })).toMatchObject({ warehouse: wh, loaded: [{ reader: 'places' }, { reader: 'funding' }] });
    const s = await runCli('status', '--warehouse', wh, '--json');
    expect(s.code, s.stderr).toBe(0);
  });

  it('a refusal naming them is a refusal (exit 1), not an internal error', async () => {
    const r = await runCli('validate', join(folder, 'undefined.xlsx'), '--json');
    expect(r.code, r.stderr).toBe(1);
    expect((JSON.parse(r.stdout) as { files: Array<{ errors: Array<{ message: string }> }> }).files[0]!.errors[0]!.message).toContain('undefined.xlsx: no such file');
  });

  it('still refuses a NaN or undefined of ours beside them', () => {
    const names = [join(folder, 'undefined.csv')];
    expect(valueBlemishes({ path: names[0], message: `${names[0]}: read` }, 'doc', names)).toEqual([]);
    expect(valueBlemishes({ path: names[0], message: `${names[0]}: spend £NaNm` }, 'doc', names)).toHaveLength(1);
    expect(valueBlemishes({ path: names[0], message: `${names[0]}: undefined rows` }, 'doc', names)).toHaveLength(1);
    expect(valueBlemishes({ path: names[0], rows: Number.NaN }, 'doc', names)).toHaveLength(1);
  });
});

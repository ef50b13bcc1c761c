/**
 * A module file of another Blade export (another date) mixed into a folder with a whole export: nothing reads it, and
 * it was passed with a warning saying it was 'read with' a person file of its own date that did not exist, so a
 * newer activeplans module beside an older export looked used. It is an error naming the person file it lacks.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePaths } from '../../../src/etl/validate.ts';
import { BLADE_DIR, bladeCopy } from './helpers.ts';

const TODAY = new Date('2026-03-01T00:00:00Z');

describe('a Blade module without its export', () => {
  it('a module of another date beside a whole export is an error naming the person file it lacks; the export still reads', async () => {
    const dir = dirname(bladeCopy());
    // another export's module: its rows are not the same (the last dropped), so it is not skipped as a copy
    const rows = readFileSync(join(BLADE_DIR, 'Blade-Export_28-01-2025_activeplans.csv'), 'utf8').trimEnd().split('\n');
    writeFileSync(join(dir, 'Blade-Export_04-02-2025_activeplans.csv'), rows.slice(0, -1).join('\n') + '\n');
    const { files } = await validatePaths([dir], { today: TODAY });
    const stray = files.find((f) => f.path.endsWith('04-02-2025_activeplans.csv'))!;
    expect(stray.errors.map((e) => e.message)).toEqual([
      `this Blade 'activeplans' module file is not read: its export's person module file ${join(dir, 'Blade-Export_04-02-2025_person.csv')} is not beside it. A module of another export (another date) mixed into the folder? Keep the nine module files of one export together, with their names as COLLECT gave them`,
    ]);
    const person = files.find((f) => f.path.endsWith('28-01-2025_person.csv'))!;
    expect(person.errors).toEqual([]);
    expect(person.rows).toBeGreaterThan(0);
    const companion = files.find((f) => f.path.endsWith('28-01-2025_activeplans.csv'))!;
    expect(companion).toMatchObject({ errors: [], warnings: [{ message: expect.stringMatching(/^read with the return's person module file/) }] });
  });

  it('a module renamed out of the export names is an error saying so, by the module its header names', async () => {
    const dir = dirname(bladeCopy());
    renameSync(join(dir, 'Blade-Export_28-01-2025_senneed.csv'), join(dir, 'needs.csv'));
    const { files } = await validatePaths([join(dir, 'needs.csv')], { today: TODAY });
    expect(files[0]!.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^this Blade 'senneed' module file is not read: its name is not a Blade export's/)]);
  });
});

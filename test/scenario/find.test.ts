import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findScenarioFile, installRoot, scenarioCandidates } from '../../src/scenario/find.ts';
import { HighneedsError } from '../../src/errors.ts';
import { withTempDir } from '../temp.ts';

describe('findScenarioFile', () => {
  it('takes the path as given when it exists (from where the user stands)', () => {
    expect(findScenarioFile('scenarios/baseline.yaml', { dataDir: 'data-samples' })).toBe('scenarios/baseline.yaml');
  });

  it('then looks beside the data (the folder and the one above it), then among the shipped scenarios', () =>
    withTempDir((dir) => {
      mkdirSync(join(dir, 'data'));
      mkdirSync(join(dir, 'scenarios'));
      writeFileSync(join(dir, 'scenarios', 'mine.yaml'), 'name: Mine\n');
      writeFileSync(join(dir, 'data', 'inner.yaml'), 'name: Inner\n');
      const data = join(dir, 'data');
      expect(findScenarioFile('mine.yaml', { dataDir: data })).toBe(join(dir, 'scenarios', 'mine.yaml'));
      expect(findScenarioFile('inner', { dataDir: data })).toBe(join(data, 'inner.yaml'));
      // a shipped scenario by its name, whatever the data folder
      expect(resolve(findScenarioFile('covid-surge.yaml', { dataDir: data }))).toBe(resolve('scenarios/covid-surge.yaml'));
      expect(resolve(findScenarioFile('scenarios/capacity.yaml', { dataDir: data, root: installRoot() }))).toBe(resolve('scenarios/capacity.yaml'));
    }));

  it('says every place it looked when the file is nowhere (exit 1)', () =>
    withTempDir((dir) => {
      const data = join(dir, 'data');
      let err: unknown;
      try {
        findScenarioFile('nowhere.yaml', { dataDir: data, root: '/opt/hn' });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(HighneedsError);
      expect((err as HighneedsError).exitCode).toBe(1);
      const m = (err as HighneedsError).message;
      for (const p of scenarioCandidates('nowhere.yaml', { dataDir: data, root: '/opt/hn' })) expect(m).toContain(resolve(p));
      expect(m).toContain(resolve('nowhere.yaml'));
      expect(m).toContain(join(data, 'nowhere.yaml'));
      expect(m).toContain('/opt/hn/scenarios/nowhere.yaml');
    }));

  it('looks nowhere else for an absolute path', () => {
    expect(scenarioCandidates('/x/y.yaml', { dataDir: 'd', root: '/r' })).toEqual(['/x/y.yaml']);
  });
});

/**
 * `init --from` given ONS population files (docs/inputs.md §2) copies them whole into data/ as the population the
 * folder's README asks for, and says so: ONS2020_PopnByAgeYearEstimate.csv was refused as 'not a published EES file'.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCli } from './helpers.ts';
import { withTempDir } from '../temp.ts';

const SAMPLE = resolve(import.meta.dirname, '../../data-samples');
const CASELOAD = [
  'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehcplans',
  '202122,Academic year,National,E92000001,England,,,,,,All EHC plans,All EHC plans,473255',
  '202122,Academic year,Local authority,E92000001,England,E12000008,South East,E10000016,886,Kent,All EHC plans,All EHC plans,17733',
].join('\n');

describe('init --from an ONS population file', () => {
  it('copies mid-year estimates and projections whole into data/, says so on stderr and in the README', async () => {
    await withTempDir(async (dir) => {
      const from = join(dir, 'downloads');
      mkdirSync(from);
      writeFileSync(join(from, 'caseload.csv'), CASELOAD + '\n');
      cpSync(join(SAMPLE, 'ons_mye_2020.csv'), join(from, 'ONS2020_PopnByAgeYearEstimate.csv'));
      cpSync(join(SAMPLE, 'snpp_2022based_E99999999.csv'), join(from, 'snpp.csv'));
      const r = await runCli('init', join(dir, 'la'), '--la', '886', '--from', join(from, 'caseload.csv'), join(from, 'ONS2020_PopnByAgeYearEstimate.csv'), join(from, 'snpp.csv'));
      expect(r.code, r.stderr).toBe(0);
      for (const name of ['ONS2020_PopnByAgeYearEstimate.csv', 'snpp.csv'])
        expect(readFileSync(join(dir, 'la', 'data', name))).toEqual(readFileSync(join(from, name)));
      expect(r.stderr).toMatch(/copied \S+ONS2020_PopnByAgeYearEstimate\.csv into data\/ONS2020_PopnByAgeYearEstimate\.csv whole, as the population \(ONS mid-year population estimates; a run reads your LA's rows of it\)/);
      expect(r.stderr).toMatch(/copied \S+snpp\.csv into data\/snpp\.csv whole, as the population \(ONS subnational population projections/);
      expect(r.stderr).not.toMatch(/not a published EES file/);
      const readme = readFileSync(join(dir, 'la', 'README.md'), 'utf8');
      expect(readme).toContain("- `ONS2020_PopnByAgeYearEstimate.csv`: the ONS population file you gave, copied whole (every area in it; a run reads your LA's rows).");
      expect(readme).toMatch(/- `caseload\.csv`: your LA's rows, England's and the regions'/);
      expect(readme).not.toMatch(/- `snpp\.csv`: your LA's rows/);
    });
  });

  it('a folder holding a population file copies it too; a file that is neither is still refused', async () => {
    await withTempDir(async (dir) => {
      const from = join(dir, 'downloads');
      mkdirSync(from);
      writeFileSync(join(from, 'caseload.csv'), CASELOAD + '\n');
      cpSync(join(SAMPLE, 'ons_mye_2020.csv'), join(from, 'ons_mye_2020.csv'));
      const r = await runCli('init', join(dir, 'la'), '--la', '886', '--from', from);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(join(dir, 'la', 'data', 'ons_mye_2020.csv'))).toEqual(readFileSync(join(from, 'ons_mye_2020.csv')));
      writeFileSync(join(dir, 'budget.csv'), 'financial_year,budget_gbp\n2025-26,1000\n');
      const bad = await runCli('init', join(dir, 'la2'), '--la', '886', '--from', join(dir, 'budget.csv'));
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/not a published EES file/);
    });
  });
});

import { describe, expect, it } from 'vitest';
import {
  EES_PLACEMENT_LEAVES,
  PLACEMENTS,
  groupOf,
  isPlacementPossibleAt,
  placementFromEes2022EstablishmentType,
  placementFromEesColumn,
  placementFromGiasType,
  placementFromSen2Setting,
  withUnitFlags,
} from '../../src/domain/placements.ts';
import { needFromEesColumn, needFromSourceCode } from '../../src/domain/needs.ts';
import { canonicalNewCode, isBrokenByReorganisation } from '../../src/domain/la.ts';

describe('placements', () => {
  it('maps every EES leaf column and never a total', () => {
    expect(placementFromEesColumn('special_independent')).toBe('ISS');
    expect(placementFromEesColumn('Mainstream_Academy_SENunit')).toBe('RP');
    expect(placementFromEesColumn('special_academy')).toBe('SSA');
    expect(placementFromEesColumn('mainstream_total')).toBeUndefined();
    expect(placementFromEesColumn('special_total_pc')).toBeUndefined();
    expect(new Set(Object.values(EES_PLACEMENT_LEAVES)).size).toBe(PLACEMENTS.length - 1); // WBL has no EES column
  });

  it('maps the 2022 establishment types', () => {
    expect(placementFromEes2022EstablishmentType('Mainstream - LA maintained')).toBe('MS');
    expect(placementFromEes2022EstablishmentType('Mainstream - Academy - Resourced provision')).toBe('RP');
    expect(placementFromEes2022EstablishmentType('Mainstream - Independent')).toBe('IMS');
    expect(placementFromEes2022EstablishmentType('Special - Independent')).toBe('ISS');
    expect(placementFromEes2022EstablishmentType('Special - Non-maintained')).toBe('NMSS');
    expect(placementFromEes2022EstablishmentType('Special - Academy/free')).toBe('SSA');
    expect(placementFromEes2022EstablishmentType('Total')).toBeUndefined();
    expect(placementFromEes2022EstablishmentType('Educated elsewhere - NEET')).toBe('NEET');
    expect(placementFromEes2022EstablishmentType('Educated elsewhere - Elective home education')).toBe('EOTAS');
  });

  it('maps SEN2 settings, GIAS types and unit flags', () => {
    expect(placementFromSen2Setting('ehe')).toBe('EOTAS');
    expect(placementFromSen2Setting('NIEC')).toBe('NEET');
    expect(placementFromSen2Setting('EYP')).toBe('EY');
    expect(placementFromSen2Setting('XYZ')).toBeUndefined();
    expect(placementFromGiasType('Community special school')).toBe('SSM');
    expect(placementFromGiasType('Academy special converter')).toBe('SSA');
    expect(placementFromGiasType('Other independent special school')).toBe('ISS');
    expect(placementFromGiasType('Academy converter')).toBe('MS');
    expect(withUnitFlags('MS', true, false)).toBe('RP');
    expect(withUnitFlags('SSM', true, false)).toBe('SSM');
  });

  it('groups placements as the DSG management plan does and knows impossible ages', () => {
    expect(groupOf('ISS')).toBe('INDEPENDENT_SPECIAL');
    expect(groupOf('WBL')).toBe('POST16');
    expect(isPlacementPossibleAt('FE', 8)).toBe(false);
    expect(isPlacementPossibleAt('EY', 12)).toBe(false);
  });
});

describe('needs and LAs', () => {
  it('maps need codes', () => {
    expect(needFromSourceCode('SpLD')).toBe('SPLD');
    expect(needFromSourceCode('asd')).toBe('ASD');
    expect(needFromSourceCode('XX')).toBeUndefined();
    expect(needFromEesColumn('number_SpLD')).toBe('SPLD');
  });

  it('joins LA code changes and flags reorganisations', () => {
    expect(canonicalNewCode('E08000020')).toBe('E08000037');
    expect(canonicalNewCode('E10000019')).toBe('E10000019');
    expect(isBrokenByReorganisation('940', 2015, 2022)?.note).toMatch(/Northamptonshire/);
    expect(isBrokenByReorganisation('925', 2015, 2022)).toBeUndefined();
    expect(isBrokenByReorganisation('909', 2015, 2022)).toBeUndefined();
  });
});

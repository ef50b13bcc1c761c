import { describe, expect, it } from 'vitest';
import { ageBandOf, ncyLabel, parseAgeLabel, phaseOfAge } from '../../src/domain/ages.ts';
import { DEFAULT_TRANSITION_AGES, transitionAt } from '../../src/domain/transitions.ts';

describe('ages, NCY and phases', () => {
  it('labels national curriculum years', () => {
    expect(ncyLabel(2)).toBe('N1');
    expect(ncyLabel(4)).toBe('R');
    expect(ncyLabel(10)).toBe('Y6');
    expect(ncyLabel(11)).toBe('Y7');
    expect(ncyLabel(18)).toBe('Y14');
    expect(ncyLabel(19)).toBe('Post-19');
  });

  it('puts ages in phases and bands', () => {
    expect(phaseOfAge(3)).toBe('EARLY_YEARS');
    expect(phaseOfAge(4)).toBe('PRIMARY');
    expect(phaseOfAge(15)).toBe('SECONDARY');
    expect(phaseOfAge(18)).toBe('POST16');
    expect(phaseOfAge(25)).toBe('POST19');
    expect(() => phaseOfAge(26)).toThrow(/Got: 26/);
    expect(ageBandOf(4)).toBe('UNDER_5');
    expect(ageBandOf(19)).toBe('AGE_16_19');
  });

  it('parses the age labels of every release', () => {
    expect(parseAgeLabel('Under 5')).toEqual({ from: 0, to: 4 });
    expect(parseAgeLabel('Age 5 to 10')).toEqual({ from: 5, to: 10 });
    expect(parseAgeLabel('under 3')).toEqual({ from: 0, to: 2 });
    expect(parseAgeLabel('age 3')).toEqual({ from: 3, to: 3 });
    expect(parseAgeLabel('age 2 and under')).toEqual({ from: 0, to: 2 });
    expect(parseAgeLabel('age 20 and over')).toEqual({ from: 20, to: 25 });
    expect(parseAgeLabel('Total')).toEqual({ from: 0, to: 25 });
    expect(parseAgeLabel('Age unknown')).toBeUndefined();
  });

  it('does not read a label typed wrong as ages no EHC plan holds', () => {
    // before: 'Age 400' (a band relabelled by hand) was read as age 400, and its 780 plans left the model without a word
    expect(parseAgeLabel('Age 400')).toBeUndefined();
    expect(parseAgeLabel('Age 26 to 30')).toBeUndefined();
    expect(parseAgeLabel('Age 10 to 5')).toBeUndefined();
    expect(parseAgeLabel('Age 26 and over')).toBeUndefined();
    expect(parseAgeLabel('Age 20 to 30')).toEqual({ from: 20, to: 30 });
  });

  it("parses the word 'age' or 'aged' on either side of 'under' and a range (new plans by age when the plan started)", () => {
    // before: 'Under age 5' was not recognised, so a newplans.csv banded so had no new plans under 5 (EY plans fell to 0)
    expect(parseAgeLabel('Under age 5')).toEqual({ from: 0, to: 4 });
    expect(parseAgeLabel('Aged under 5')).toEqual({ from: 0, to: 4 });
    expect(parseAgeLabel('Aged 5 to 10')).toEqual({ from: 5, to: 10 });
    expect(parseAgeLabel('Aged 25 and over')).toEqual({ from: 25, to: 25 });
    // the 2026 release's assessments.csv labels its ages so
    expect(parseAgeLabel('Aged 2 and under')).toEqual({ from: 0, to: 2 });
    expect(parseAgeLabel('Aged 10')).toEqual({ from: 10, to: 10 });
    expect(parseAgeLabel('Aged 20 and over')).toEqual({ from: 20, to: 25 });
    expect(parseAgeLabel('age 2 and under')).toEqual({ from: 0, to: 2 });
    expect(parseAgeLabel('Under age')).toBeUndefined();
  });

  it('finds transition points at the default ages and at configured ones', () => {
    expect(transitionAt(3)).toBe('EY-R');
    expect(transitionAt(10)).toBe('Y6-Y7');
    expect(transitionAt(15)).toBe('Y11-Y12');
    expect(transitionAt(18)).toBe('Y14-P19');
    expect(transitionAt(7)).toBeUndefined();
    const threeTier = { ...DEFAULT_TRANSITION_AGES, 'Y6-Y7': 12 };
    expect(transitionAt(12, threeTier)).toBe('Y6-Y7');
    expect(transitionAt(10, threeTier)).toBeUndefined();
  });
});

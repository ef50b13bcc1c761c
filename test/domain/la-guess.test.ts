/**
 * An `--la` value that is no LA's code: the refusal says what it probably meant (an LA's name typed for its code,
 * England's or a region's code, a code mistyped), in forecast's, backtest's and run's messages alike.
 */
import { describe, expect, it } from 'vitest';
import { guessLa, type LaIdentity } from '../../src/domain/index.ts';
import { datasetUnknownLa } from '../../src/messages/etl.ts';
import { unknownLaCode } from '../../src/messages/model.ts';

const LAS: LaIdentity[] = [
  { oldCode: '886', newCode: 'E10000016', name: 'Kent' },
  { oldCode: '928', newCode: 'E10000021', name: 'Northamptonshire' },
  { oldCode: '940', newCode: 'E06000061', name: 'North Northamptonshire' },
  { oldCode: '941', newCode: 'E06000062', name: 'West Northamptonshire' },
  { oldCode: '808', newCode: 'E08000021', name: 'Newcastle upon Tyne' },
];

describe('guessLa', () => {
  it('finds the LA whose name was typed, then names that contain it, England and regions, then the nearest code', () => {
    expect(guessLa(' kent ', LAS)).toEqual({ kind: 'named', las: [LAS[0]] });
    expect(guessLa('Northamptonshire', LAS)).toEqual({ kind: 'named', las: [LAS[1]] });
    expect(guessLa('northampton', LAS)).toEqual({ kind: 'named', las: [LAS[1], LAS[2], LAS[3]] });
    expect(guessLa('newcastle-upon-tyne', LAS)).toEqual({ kind: 'named', las: [LAS[4]] });
    expect(guessLa('E92000001', LAS)).toEqual({ kind: 'england' });
    expect(guessLa('e12000008', LAS)).toEqual({ kind: 'region' });
    expect(guessLa('887', LAS)).toEqual({ kind: 'code', code: '886' });
    expect(guessLa('xyzzy', LAS)).toBeUndefined();
  });

  it('ends the messages that refuse the value', () => {
    expect(unknownLaCode('Kent', guessLa('Kent', LAS))).toMatch(/is not in the EES files .*; --la takes a code: did you mean 886 \(Kent\)\?$/);
    expect(unknownLaCode('E92000001', guessLa('E92000001', LAS))).toMatch(/that is England's code: --la takes one local authority/);
    expect(unknownLaCode('xyzzy', undefined)).toMatch(/E10000019\)\.$/);
    expect(datasetUnknownLa('kent', ['886', '928'], guessLa('kent', LAS))).toBe("no data for LA 'kent' in the data files read (LAs with data: 886, 928); --la takes a code: did you mean 886 (Kent)?");
  });
});

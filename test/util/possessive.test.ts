/** A name ending in s takes a bare apostrophe in every message that makes its possessive ("East Midlands's" before). */
import { describe, expect, it } from 'vitest';
import { ceasingByAgePooled, newPlanAgesPooled } from '../../src/messages/model-pooling.ts';
import { placementsFromEarlierYear, pooledTowardsReference } from '../../src/messages/model.ts';
import { possessive } from '../../src/util/possessive.ts';

describe('possessive', () => {
  it.each([
    ['East Midlands', "East Midlands'"],
    ['Tower Hamlets', "Tower Hamlets'"],
    ['St Helens', "St Helens'"],
    ['Kingston upon Thames', "Kingston upon Thames'"],
    ['Wandsworth', "Wandsworth's"],
    ['Kent', "Kent's"],
    ['Kent (886)', "Kent (886)'s"],
    ['England', "England's"],
  ])('%s → %s', (name, expected) => {
    expect(possessive(name)).toBe(expected);
  });

  it('the messages built on a name use it', () => {
    expect(newPlanAgesPooled('St Helens', 2021, 120, 0.7, "North West's", 300)).toMatch(/^New plans by age: St Helens' own 120 new plans of 2021/);
    expect(ceasingByAgePooled('Tower Hamlets', [2017, 2018], 40, 0.6, "London's", 300)).toMatch(/Tower Hamlets' own cohorts/);
    expect(placementsFromEarlierYear('St Helens', 2022, 2021)).toMatch(/^No placement breakdown of St Helens' plans at January 2022/);
    expect(pooledTowardsReference('Kingston upon Thames', 2025)).toContain("Kingston upon Thames' trend is pooled");
    expect(newPlanAgesPooled('Wandsworth', 2021, 120, 0.7, "London's", 300)).toMatch(/^New plans by age: Wandsworth's own/);
  });
});

import { describe, expect, it } from 'vitest';
import {
  academicYearLabel,
  censusYearFromTimePeriod,
  censusYearOfFlow,
  financialYearLabel,
  financialYearValue,
  isAcademicTimePeriod,
  monthsBeforeChange,
  parseFinancialYear,
} from '../../src/domain/years.ts';

describe('years', () => {
  it('maps EES academic and calendar codes to census years', () => {
    expect(censusYearFromTimePeriod('202425')).toBe(2025);
    expect(censusYearFromTimePeriod(201819)).toBe(2019);
    expect(censusYearFromTimePeriod('2022')).toBe(2022);
    expect(censusYearFromTimePeriod('202426')).toBeUndefined();
    expect(censusYearFromTimePeriod('Jan 2022')).toBeUndefined();
  });

  it('reads an academic year written with a separator (2024/25, 2024/2025, 2024-25) as its code is read', () => {
    for (const p of ['2024/25', '2024/2025', '2024-25', ' 2024/25 ']) {
      expect([censusYearFromTimePeriod(p), isAcademicTimePeriod(p)]).toEqual([2025, true]);
    }
    expect([censusYearFromTimePeriod('1999/00'), censusYearFromTimePeriod('2024/26'), censusYearFromTimePeriod('2024/2026')]).toEqual([2000, undefined, undefined]);
    expect(isAcademicTimePeriod('2024/26')).toBe(false);
  });

  it('puts plans issued in calendar year Y-1 into census Y', () => {
    expect(censusYearOfFlow(2024)).toBe(2025);
  });

  it('labels and parses financial years', () => {
    expect(financialYearLabel(2025)).toBe('2025-26');
    expect(financialYearLabel(2099)).toBe('2099-00');
    expect(parseFinancialYear('2024-25')).toBe(2024);
    expect(parseFinancialYear('2024/25')).toBe(2024);
    expect(parseFinancialYear('202425')).toBe(2024);
    expect(parseFinancialYear('2024-26')).toBeUndefined();
    expect(academicYearLabel(2025)).toBe('2024/25');
  });

  it('converts academic to financial year on hand-worked numbers', () => {
    // 5/12 × 1,200 + 7/12 × 2,400 = 500 + 1,400 = 1,900
    expect(financialYearValue(1200, 2400)).toBeCloseTo(1900, 10);
    // 100 plans at census 2025 and 112 at 2026 at £12,000: 5/12×1.2m + 7/12×1.344m = 500,000 + 784,000
    expect(financialYearValue(100 * 12000, 112 * 12000)).toBeCloseTo(1_284_000, 6);
    // placements changing in April: the whole year is the later census
    expect(financialYearValue(10, 20, 4)).toBe(20);
    expect(monthsBeforeChange(9)).toBe(5);
    expect(monthsBeforeChange(1)).toBe(9);
    expect(() => monthsBeforeChange(13)).toThrow(/between|1 to 12/);
  });
});

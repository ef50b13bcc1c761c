import { describe, expect, it } from 'vitest';
import { baselineForecast } from '../../src/model/backtest/baselines.ts';

// A hand-made series: 100, 110, 120, 130, 140, 150 (2017–2022).
const s = { 2017: 100, 2018: 110, 2019: 120, 2020: 130, 2021: 140, 2022: 150 };

describe('naive baselines', () => {
  it('last value', () => expect(baselineForecast('naive_last', s, 2022, 3)).toBe(150));
  it('drift over 3 and 5 years', () => {
    expect(baselineForecast('drift3', s, 2022, 1)).toBe(160); // (150 − 120) / 3 = 10 a year
    expect(baselineForecast('drift5', s, 2022, 2)).toBe(170); // (150 − 100) / 5 = 10 a year
  });
  it('constant growth over 3 and 5 years', () => {
    expect(baselineForecast('growth3', s, 2022, 3)).toBeCloseTo(150 * (150 / 120), 10);
    expect(baselineForecast('growth5', s, 2022, 5)).toBeCloseTo(225, 10); // 150 × 1.5
  });
  it('undefined when the series is too short', () => {
    expect(baselineForecast('drift5', { 2021: 1, 2022: 2 }, 2022, 1)).toBeUndefined();
  });
});

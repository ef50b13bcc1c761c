/** Flag parsers shared by commands: each throws a usage error (exit 2) naming the flag and what it got. */
import { InvalidArgumentError } from 'commander';

export function intFlag(name: string, min: number, max = Number.MAX_SAFE_INTEGER, why?: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || n < min || n > max) {
      throw new InvalidArgumentError(`${name} must be a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ''}${why ? `: ${why}` : ''}. Got: ${value}`);
    }
    return n;
  };
}

export function yearListFlag(value: string): number[] {
  const parts = value.split(',').map((s) => s.trim()).filter(Boolean);
  const years = parts.map(Number);
  if (parts.length === 0 || years.some((y, i) => !/^\d{4}$/.test(parts[i]!) || y < 2000 || y > 2100)) {
    throw new InvalidArgumentError(`--origins must be census years separated by commas, e.g. 2017,2018,2019. Got: ${value}`);
  }
  return years;
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Default Monte Carlo draws of `run`. */
export const DEFAULT_DRAWS = 1000;
export const DEFAULT_SEED = 1;
export const DEFAULT_WAREHOUSE = '.highneeds/warehouse.duckdb';

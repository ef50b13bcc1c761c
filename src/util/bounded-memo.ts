/**
 * A memo of at most `limit` results, keyed by a string the caller makes from the inputs; the oldest entry goes first
 * when it is full. For a pure function asked the same question many times over (each LA's fits across calibration,
 * forecast and backtest origins); the caller copies a result it hands out when its callers may change it.
 * @example const memo = boundedMemo<number>(2); memo.get('a', () => 1) // 1, then from the memo
 */
export interface BoundedMemo<T> {
  get(key: string, make: () => T): T;
  readonly size: number;
}

export function boundedMemo<T>(limit: number): BoundedMemo<T> {
  const entries = new Map<string, T>();
  return {
    get(key, make) {
      const hit = entries.get(key);
      if (hit !== undefined) return hit;
      const value = make();
      if (entries.size >= limit) entries.delete(entries.keys().next().value!);
      entries.set(key, value);
      return value;
    },
    get size() {
      return entries.size;
    },
  };
}

/**
 * A memo key for numbers, exact: each number as its shortest round-trip spelling, -0 as -0, so two keys are equal
 * only when every number is the same double (NaN equals NaN, as Object.is has it).
 * @example numbersKey([1, 0.1], [-0]) === numbersKey([1, 0.1], [0]) // false
 */
export function numbersKey(...parts: readonly ArrayLike<number>[]): string {
  let key = '';
  for (const p of parts) {
    key += '|';
    for (let i = 0; i < p.length; i++) key += (Object.is(p[i], -0) ? '-0' : String(p[i])) + ',';
  }
  return key;
}

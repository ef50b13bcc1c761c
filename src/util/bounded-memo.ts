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
 * A memo key for numbers, exact: each list's length and its numbers' 64 bits, as UTF-16 code units (four a number),
 * so two keys are equal only when every number is the same double (-0 is not 0; a NaN equals a NaN of the same bits,
 * and one of other bits only costs the memo a miss). Cheaper than spelling the numbers out in decimal.
 * @example numbersKey([1, 0.1], [-0]) === numbersKey([1, 0.1], [0]) // false
 */
export function numbersKey(...parts: readonly ArrayLike<number>[]): string {
  let n = 0;
  for (const p of parts) n += p.length + 1;
  const bits = new Float64Array(n);
  let i = 0;
  for (const p of parts) {
    bits[i++] = p.length;
    for (let k = 0; k < p.length; k++) bits[i++] = p[k]!;
  }
  const units = new Uint16Array(bits.buffer);
  let key = '';
  // in slices: String.fromCharCode takes its code units as arguments
  for (let k = 0; k < units.length; k += 4096) key += String.fromCharCode(...units.subarray(k, k + 4096));
  return key;
}

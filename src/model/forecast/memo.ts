/**
 * Central forecasts remembered by what they depend on: a central forecast from an origin is a pure function of the
 * batch known at that origin, the settings and the projector (central.ts), so two batches that hold the same data
 * up to an origin share its forecasts, whichever objects hold them. `run` calibrates on every LA of its data at
 * each past origin; runs of the same data in one process (several LAs, several base years) forecast each past origin
 * once.
 *
 *   batch ─knownAt(origin)─► canonical text (+ origin, settings, projector) ─► LRU of central forecasts
 *
 * Entries are found by comparing the whole text, never a hash alone.
 */
import type { OriginCache } from './calibrate.ts';
import type { CentralForecast, ForecastSettings, TotalsProjector } from './central.ts';
import { projectTotals } from './engine-adapter.ts';
import type { Batch } from './pool.ts';
import { knownAt } from './truncate.ts';

/**
 * A text that two JSON-like values share only when they hold the same data: typed arrays by type and elements,
 * -0, NaN, ±Infinity and undefined each written apart (JSON.stringify would write the first as 0 and the rest as
 * null or nothing). Property order counts: the same data in another order is only a miss.
 * @example canonicalText({ a: new Float64Array([1, NaN]) }) !== canonicalText({ a: [1, null] }) // true
 */
export function canonicalText(value: unknown): string {
  return JSON.stringify(value, replace) ?? '\u0000undefined';
}

function replace(_key: string, v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0) ? v : `\u0000${Object.is(v, -0) ? '-0' : String(v)}`;
  if (v === undefined) return '\u0000undefined';
  if (ArrayBuffer.isView(v)) return { '\u0000': v.constructor.name, v: Array.from(v as unknown as ArrayLike<number>) };
  if (typeof v === 'string' && v.startsWith('\u0000')) return `\u0000${v}`;
  return v;
}

/** How many origins' forecasts a memo keeps (least recently used dropped first). */
const CAPACITY = 16;

/** Central forecasts by the content of the batch known at their origin; see the module comment. */
export class CentralMemo {
  private readonly entries = new Map<string, CentralForecast[]>();
  private readonly projectors = new Map<TotalsProjector, number>();

  constructor(private readonly capacity = CAPACITY) {}

  /** How many origins' forecasts are kept. */
  get size(): number {
    return this.entries.size;
  }

  /**
   * A per-origin cache (calibrate.ts) of `batch` that reads and writes this memo: what another batch with the same
   * data up to an origin forecast from it is found, and what is forecast here is kept for the next.
   */
  cacheOf(batch: Batch, settings: ForecastSettings, project: TotalsProjector = projectTotals): OriginCache {
    let id = this.projectors.get(project);
    if (id === undefined) this.projectors.set(project, (id = this.projectors.size));
    const head = `${id}\n${canonicalText(settings)}\n`;
    const keys = new Map<number, string>();
    const keyOf = (origin: number): string => {
      let k = keys.get(origin);
      if (k === undefined) {
        const known: Batch = { datasets: batch.datasets.map((d) => knownAt(d, origin)), national: batch.national && knownAt(batch.national, origin), regions: batch.regions.map((r) => knownAt(r, origin)) };
        keys.set(origin, (k = `${head}${origin}\n${canonicalText(known)}`));
      }
      return k;
    };
    return {
      get: (origin) => {
        const k = keyOf(origin);
        const hit = this.entries.get(k);
        if (hit) {
          this.entries.delete(k);
          this.entries.set(k, hit);
        }
        return hit;
      },
      set: (origin, forecasts) => {
        const k = keyOf(origin);
        this.entries.delete(k);
        this.entries.set(k, forecasts);
        while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
      },
    };
  }
}

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
import type { OriginCache, PastForecast } from './calibrate.ts';
import type { ForecastSettings, TotalsProjector } from './central.ts';
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

/**
 * One origin's forecasts in the memo, made through cache `owner` (a cacheOf call). Its key (the text of the data
 * known at the origin) is made only when another cache looks something up: a process that forecasts one batch,
 * as the usual `run` does, makes none.
 */
interface Slot {
  owner: number;
  origin: number;
  forecasts: PastForecast[];
  keyOf: () => string;
  key?: string;
  /** The owner's slots by origin. */
  home: Map<number, Slot>;
}

/** Central forecasts by the content of the batch known at their origin; see the module comment. */
export class CentralMemo {
  /** Every slot, least recently used first. */
  private readonly slots = new Set<Slot>();
  /** Keyed slots by key. */
  private readonly byKey = new Map<string, Slot>();
  private readonly projectors = new Map<TotalsProjector, number>();
  private caches = 0;
  /** Keys made so far (none while one cache alone has used the memo). */
  keysMade = 0;

  constructor(private readonly capacity = CAPACITY) {}

  /** How many origins' forecasts are kept. */
  get size(): number {
    return this.slots.size;
  }

  /**
   * A per-origin cache (calibrate.ts) of `batch` that reads and writes this memo: what another batch with the same
   * data up to an origin forecast from it is found, and what is forecast here is kept for the next.
   */
  cacheOf(batch: Batch, settings: ForecastSettings, project: TotalsProjector = projectTotals): OriginCache {
    let id = this.projectors.get(project);
    if (id === undefined) this.projectors.set(project, (id = this.projectors.size));
    const owner = ++this.caches;
    const head = `${id}\n${canonicalText(settings)}\n`;
    const keys = new Map<number, string>();
    const keyOf = (origin: number): string => {
      let k = keys.get(origin);
      if (k === undefined) {
        const known: Batch = { ...batch, datasets: batch.datasets.map((d) => knownAt(d, origin)), national: batch.national && knownAt(batch.national, origin), regions: batch.regions.map((r) => knownAt(r, origin)) };
        keys.set(origin, (k = `${head}${origin}\n${canonicalText(known)}`));
        this.keysMade++;
      }
      return k;
    };
    const own = new Map<number, Slot>();
    return {
      get: (origin) => {
        const mine = own.get(origin);
        let hit: Slot | undefined = mine;
        if (!hit && [...this.slots].some((s) => s.owner !== owner)) {
          // another cache's forecasts: compared by the text of their data
          this.keyAll();
          hit = this.byKey.get(keyOf(origin));
        }
        if (!hit) return undefined;
        this.slots.delete(hit);
        this.slots.add(hit);
        return hit.forecasts;
      },
      set: (origin, forecasts) => {
        const old = own.get(origin);
        if (old) this.drop(old);
        const slot: Slot = { owner, origin, forecasts, keyOf: () => keyOf(origin), home: own };
        this.slots.add(slot);
        own.set(origin, slot);
        while (this.slots.size > this.capacity) this.drop(this.slots.values().next().value!);
      },
    };
  }

  /** Makes the key of every slot without one; of two slots with one key, the one used last stays. */
  private keyAll(): void {
    const order = [...this.slots];
    const at = new Map(order.map((s, i) => [s, i]));
    for (const s of order) {
      if (!this.slots.has(s)) continue;
      if (s.key === undefined) s.key = s.keyOf();
      const other = this.byKey.get(s.key);
      if (other && other !== s && this.slots.has(other) && at.get(other)! > at.get(s)!) {
        this.drop(s);
        continue;
      }
      if (other && other !== s) this.drop(other);
      this.byKey.set(s.key, s);
    }
  }

  private drop(s: Slot): void {
    this.slots.delete(s);
    if (s.key !== undefined && this.byKey.get(s.key) === s) this.byKey.delete(s.key);
    if (s.home.get(s.origin) === s) s.home.delete(s.origin);
  }
}

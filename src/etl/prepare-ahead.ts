/**
 * Set-based files prepared ahead, side by side (Reader.prepare), while the caller works on the files before them:
 * each is staged and checked in a staging database of its own on a connection of its own, where DuckDB runs its
 * statements on that connection's thread (even with `threads` = 1), and the caller takes each at its turn, in its
 * own order, to insert its rows. At most `slots` files are prepared at once, the largest first: the caller waits
 * for the longest. `load` (load-files.ts) and the scratch reads of `validate`, `forecast` and `backtest`
 * (scratch-read.ts) prepare this way.
 */
import { availableParallelism } from 'node:os';
import type { PreparedLoad } from './reader.ts';

/** Files prepared at once by default: one per core. */
export const PREPARE_SLOTS = availableParallelism();

/** A file that can be prepared: its size (the largest go first) and how to prepare it. */
export interface Preparable {
  size: number;
  prepare: () => Promise<PreparedLoad | undefined>;
}

export class PrepareAhead {
  private readonly started = new Map<number, Promise<PreparedLoad | undefined>>();
  private readonly queue: number[];
  private running = 0;

  /** `items[i]` undefined: file i is not prepared ahead. Preparing starts at once. */
  constructor(
    private readonly items: ReadonlyArray<Preparable | undefined>,
    private readonly slots: number,
  ) {
    const ready = items.flatMap((f, i) => (slots > 0 && f ? [i] : []));
    this.queue = ready.sort((a, b) => items[b]!.size - items[a]!.size || a - b);
    this.fill();
  }

  private fill(): void {
    while (this.running < this.slots && this.queue.length > 0) {
      const i = this.queue.shift()!;
      this.running++;
      const done = this.items[i]!.prepare().finally(() => {
        this.running--;
        this.fill();
      });
      done.catch(() => undefined); // a failure surfaces at the file's turn (take)
      this.started.set(i, done);
    }
  }

  /**
   * File i as prepared ahead (`prepared` undefined: the row reader must read it), or undefined when it was not
   * prepared ahead: then the caller reads it itself.
   */
  async take(i: number): Promise<{ prepared: PreparedLoad | undefined } | undefined> {
    const done = this.started.get(i);
    if (!done) return undefined;
    this.started.delete(i);
    return { prepared: await done };
  }

  /** Starts no more files (after a failure only messages are wanted). */
  stop(): void {
    this.queue.length = 0;
  }

  /** Stops, waits for the files being prepared and lets go of every prepared file not taken. */
  async close(): Promise<void> {
    this.stop();
    for (const done of this.started.values()) {
      try {
        await (await done)?.close();
      } catch {
        // its failure does not matter now: the caller has failed or finished without it
      }
    }
    this.started.clear();
  }
}

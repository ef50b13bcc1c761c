/**
 * Packages that only some inputs or some runs need, loaded on first use rather than when the command starts: a
 * `load` of CSV files in UTF-8 never needs the ZIP reader (yauzl), the XML parser (saxes) or the Windows-1252
 * decoder (iconv-lite), and importing the three cost about 80 ms of every start (measured by `await import` of each
 * in a fresh Node, the least of seven: 24, 28 and 25 ms, plus the CommonJS loader they bring up).
 */
import { createRequire } from 'node:module';

const requireHere = createRequire(import.meta.url);

/**
 * A getter that loads the CommonJS package `id` when first called, and returns the same module after.
 * @example const yauzl = lazyPackage<typeof Yauzl>('yauzl'); … yauzl().open(path, …)
 */
export function lazyPackage<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireHere(id) as T);
}

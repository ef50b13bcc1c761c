/** A synthetic LA's series for the backtest and track-record tests: stock growing by `g` a year from `base` at `from`, with a wobble of 1%. */
import { emptyDataset, type LaDataset } from '../../src/model/dataset.ts';

/**
 * An LA `code` with a stock at each January `first`–`last`: `base` × (1 + g)^(year − from), times 1 + 1% × sin(year + base).
 * @example growingLa('800', 'LA 0', 2012, 2024, 1000, 0.06).stockTotal[2012] // 1000 × (1 + 0.01 sin 3012)
 */
export function growingLa(code: string, name: string, first: number, last: number, base: number, g: number, from = 2012): LaDataset {
  const ds = emptyDataset({ oldCode: code, newCode: `E0600${code}`, name });
  for (let y = first; y <= last; y++) ds.stockTotal[y] = Math.round(base * (1 + g) ** (y - from) * (1 + 0.01 * Math.sin(y + base)));
  return ds;
}

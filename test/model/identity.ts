/** Checks the stock identity of one step per age (model.md): S[Y+1][b] = S[Y][b−1] − ceased[b−1] + new[b] + migration[b]. */
import { expect } from 'vitest';
import { N_AGES } from '../../src/domain/index.ts';
import { cubeByAge } from '../../src/model/cube.ts';
import type { StepWork } from '../../src/model/step.ts';

export function identityErrors(S: Float64Array, next: Float64Array, w: StepWork): number {
  const before = cubeByAge(S);
  const after = cubeByAge(next);
  let worst = Math.abs(after[0]! - w.newByAge[0]! - w.migration[0]!);
  for (let b = 1; b < N_AGES; b++) {
    const expected = before[b - 1]! - w.ceased[b - 1]! + w.newByAge[b]! + w.migration[b]!;
    worst = Math.max(worst, Math.abs(after[b]! - expected) / Math.max(1, Math.abs(expected)));
  }
  worst = Math.max(worst, Math.abs(w.agedOut - before[N_AGES - 1]!));
  return worst;
}

export function expectIdentity(S: Float64Array, next: Float64Array, w: StepWork): void {
  expect(identityErrors(S, next, w)).toBeLessThan(1e-9);
  for (let i = 0; i < next.length; i++) if (next[i]! < -1e-9) expect.fail(`negative stock ${next[i]} at cell ${i}`);
}

/** The memory limits' measure (peak-rss.ts): a child's peak is its own, not its parent's. */
import { describe, expect, it } from 'vitest';
import { runCliMeasured } from './cli/spawn-measured.ts';

describe('peak resident memory of a child', () => {
  it('is what the child used, whatever its parent holds (maxRSS alone reported the parent on Linux)', () => {
    // this process holds 300 MB more, every page touched, while it starts `highneeds --version`
    const held = Array.from({ length: 30 }, () => Buffer.alloc(10 << 20, 1));
    const r = runCliMeasured(['--version']);
    expect(r.code, r.stderr).toBe(0);
    expect(process.memoryUsage().rss / 1024 / 1024).toBeGreaterThan(300);
    expect(r.peakRssMb).toBeGreaterThan(10);
    expect(r.peakRssMb).toBeLessThan(200);
    expect(held.length).toBe(30);
  });
});

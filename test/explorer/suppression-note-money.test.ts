/**
 * The explorer's note on small-count suppression gives how far it moves the balance in the report's money words: a
 * small council's difference of £38k read 'by up to £0.0m (31 March 2032: -£0.4m here, -£0.4m in the run)', a
 * non-zero sum written as none; a large council's reads in £m as before.
 */
import { describe, expect, it } from 'vitest';
import { suppressionNote } from '../../src/messages/explorer.ts';

describe('suppression note money', () => {
  it('a difference under £50k is not £0.0m', () => {
    const note = suppressionNote(5, { balance: { fy: 2031, page: -412_000, run: -374_000 } });
    expect(note).toContain('the cumulative DSG balance by up to £38k (31 March 2032: -£412k here, -£374k in the run)');
    expect(note).not.toContain('£0.0m');
  });

  it('a large council reads £m', () => {
    expect(suppressionNote(5, { balance: { fy: 2029, page: -327_200_000, run: -307_350_000 } })).toContain('by up to £19.9m (31 March 2030: -£327.2m here, -£307.4m in the run)');
  });
});

/**
 * The note on new plans spread over another series's ages wrote the count without thousands separators: Kent on the
 * 2025 layout alone (real files) read 'its 2910 new plans are spread over ages like England's new plans of 2021'
 * on stderr and the Data quality sheet, where every other count of the outputs reads 2,910.
 */
import { describe, expect, it } from 'vitest';
import { newPlansAgesBorrowed, newPlansSpreadLikeProfile } from '../../src/messages/model.ts';

describe('counts in the notes on new plans by age', () => {
  it('have thousands separators, and one plan is one', () => {
    expect(newPlansAgesBorrowed('Kent', 2021, 2910.4, "England's new plans of 2021")).toBe("No new plans by age for Kent in flow year 2021: its 2,910 new plans are spread over ages like England's new plans of 2021.");
    expect(newPlansAgesBorrowed('Rutland', 2021, 1, "East Midlands' new plans of 2021")).toContain('its 1 new plan is spread');
    expect(newPlansSpreadLikeProfile('Kent', 2021, 12_345, "England's new plans of 2021")).toContain('(12,345 issued)');
  });
});

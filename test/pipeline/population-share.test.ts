/**
 * A population of half the LA's people in every file (a table of one sex read as persons in every year) makes no step
 * between years and, for most LAs, no projection beyond 20% of the people: the sample with every population file halved
 * ran with no word, its 3,007 plans in January 2025 5.6% of the 53,821 people aged 0 to 25 it was given (every English
 * LA: 0.56% to 4.6%) and the workbook's new plans per head doubled. A base year beyond every LA's share (over 5%) is now
 * a note that a figure is probably wrong, on stderr and the Data quality sheet (run and goal-seek alike).
 */
import { describe, expect, it } from 'vitest';
import { N_AGES } from '../../src/domain/index.ts';
import { emptyDataset, type LaDataset } from '../../src/model/dataset.ts';
import { populationShareNote } from '../../src/pipeline/gates.ts';
import { RunNotes } from '../../src/pipeline/notes.ts';
import { addDataNotes } from '../../src/pipeline/run-warnings.ts';

/** Anyshire with `plans` in January 2025 and `perAge` people at each age 0–25 at mid-2023 and mid-2024. */
function anyshire(plans: number, perAge: number): LaDataset {
  const ds = emptyDataset({ oldCode: '999', newCode: 'E99999999', name: 'Anyshire' });
  ds.stockTotal = { 2024: plans * 0.9, 2025: plans };
  for (const y of [2024, 2025]) ds.population[y] = new Float64Array(N_AGES).fill(perAge);
  ds.populationFiles = { 2024: ['/d/ons_mye_2023.csv'], 2025: ['/d/ons_mye_2024.csv'] };
  return ds;
}

describe('a base year beyond every English LA\'s share of its people aged 0–25', () => {
  it('is a note naming the share, the file and the area code; an LA\'s share is not', () => {
    // 3,000 plans of 26 × 2,000 = 52,000 people: 5.8%
    const note = populationShareNote(anyshire(3000, 2000), 2025);
    expect(note).toBe(
      "Population: Anyshire (999)'s 3,000 plans in January 2025 are 5.8% of the 52,000 people aged 0 to 25 that ons_mye_2024.csv gives it for mid-2024, " +
        "more than the 5% no English LA reaches (every LA's plans are 0.56% to 4.6% of its people aged 0 to 25, January 2020 to 2022): the population " +
        "is probably not the LA's persons (a table of one sex read as persons gives half; a district's population instead of the county's gives less), " +
        'and the new plans per head the workbook gives are then too high. Check ons_mye_2024.csv against the ONS table of persons for E99999999.',
    );
    // the same plans of twice the people (2.9%), and a run without population
    expect(populationShareNote(anyshire(3000, 4000), 2025)).toBeUndefined();
    const none = anyshire(3000, 2000);
    none.population = {};
    expect(populationShareNote(none, 2025)).toBeUndefined();
    // a base year after the population's last: the latest population before it, named by its mid-year
    const later = anyshire(3000, 2000);
    later.stockTotal[2026] = 3300;
    expect(populationShareNote(later, 2026)).toMatch(/^Population: Anyshire \(999\)'s 3,300 plans in January 2026 are 6\.3% of the 52,000 people aged 0 to 25 that ons_mye_2024\.csv gives it for mid-2024/);
  });

  it('is said among the notes that a figure is probably wrong', () => {
    const ds = anyshire(3000, 2000);
    const w = new RunNotes();
    const note = populationShareNote(ds, 2025)!;
    addDataNotes(w, { ds, dataQuality: [], loaded: [], skipped: [], warnings: [], populationShare: [note], abolished: [], forecastNotes: [] });
    expect(w.ordered()).toEqual([note]);
    expect(w.isSuspect(note)).toBe(true);
  });
});

/** Primary need (type of SEN), with the mappings from every source (domain.md). */

export const Need = {
  ASD: { label: 'Autistic spectrum disorder', ees: 'number_asd' },
  SEMH: { label: 'Social, emotional and mental health', ees: 'number_semh' },
  SLCN: { label: 'Speech, language and communication needs', ees: 'number_slcn' },
  MLD: { label: 'Moderate learning difficulty', ees: 'number_mld' },
  SLD: { label: 'Severe learning difficulty', ees: 'number_sld' },
  PMLD: { label: 'Profound and multiple learning difficulty', ees: 'number_pmld' },
  SPLD: { label: 'Specific learning difficulty', ees: 'number_spld' },
  HI: { label: 'Hearing impairment', ees: 'number_hi' },
  VI: { label: 'Visual impairment', ees: 'number_vi' },
  MSI: { label: 'Multi-sensory impairment', ees: 'number_msi' },
  PD: { label: 'Physical disability', ees: 'number_pd' },
  DS: { label: 'Down syndrome', ees: 'number_ds' },
  OTH: { label: 'Other difficulty or disability', ees: 'number_oth' },
  NSA: { label: 'SEN support, no specialist assessment of need', ees: null },
  UNKNOWN: { label: 'Primary need not recorded', ees: 'number_need_unknown' },
} as const;
export type Need = keyof typeof Need;
/** Needs in report order; index = position on the engine's need axis. */
export const NEEDS = Object.keys(Need) as Need[];
export const N_NEEDS = NEEDS.length;
export function isNeed(x: unknown): x is Need {
  return typeof x === 'string' && x in Need;
}
export function needIndex(n: Need): number {
  return NEEDS.indexOf(n);
}

/** Maps a SEN2 or school census SENtype code (case-insensitive) to a need; undefined if unknown. */
export function needFromSourceCode(code: string): Need | undefined {
  const c = code.trim().toUpperCase();
  if (c === '') return undefined;
  if (c === 'SPLD') return 'SPLD';
  if (isNeed(c) && c !== 'UNKNOWN') return c;
  return undefined;
}

/** Maps a need's published label, in any case (`Autistic Spectrum Disorder`), to the need; undefined if none. */
export function needFromLabel(label: string): Need | undefined {
  const l = label.trim().toLowerCase();
  return NEEDS.find((n) => Need[n].label.toLowerCase() === l);
}

/** Maps an EES need column name (`number_asd`, `number_SpLD`) to a need. */
export function needFromEesColumn(column: string): Need | undefined {
  const c = column.trim().toLowerCase();
  for (const n of NEEDS) if (Need[n].ees === c) return n;
  return undefined;
}

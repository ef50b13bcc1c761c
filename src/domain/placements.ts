/**
 * Placement categories (type of setting), every source mapping, and the DSG management plan groups (domain.md).
 * Nothing else in the code spells a placement code as a bare string.
 */

export const Placement = {
  EY: { label: 'Non-maintained early years setting', group: 'OTHER' },
  MS: { label: 'State mainstream school', group: 'MAINSTREAM' },
  RP: { label: 'Resourced provision or SEN unit', group: 'RP' },
  IMS: { label: 'Independent mainstream school', group: 'MAINSTREAM' },
  SSM: { label: 'LA maintained special school', group: 'STATE_SPECIAL' },
  SSA: { label: 'Special academy or free school', group: 'STATE_SPECIAL' },
  ISS: { label: 'Independent special school', group: 'INDEPENDENT_SPECIAL' },
  NMSS: { label: 'Non-maintained special school', group: 'INDEPENDENT_SPECIAL' },
  AP: { label: 'Alternative provision or PRU', group: 'AP' },
  FE: { label: 'FE college, sixth form or other post-16 provider', group: 'POST16' },
  SPI: { label: 'Specialist post-16 institution', group: 'POST16' },
  WBL: { label: 'Apprenticeship, traineeship or supported internship', group: 'POST16' },
  EOTAS: { label: 'Educated otherwise than at school', group: 'OTHER' },
  NEET: { label: 'Not in education, employment or training', group: 'OTHER' },
  NONE: { label: 'Awaiting provision or not recorded', group: 'OTHER' },
} as const;
export type Placement = keyof typeof Placement;
/** Placements in report order; index = position on the engine's placement axis. */
export const PLACEMENTS = Object.keys(Placement) as Placement[];
export const N_PLACEMENTS = PLACEMENTS.length;
export function isPlacement(x: unknown): x is Placement {
  return typeof x === 'string' && x in Placement;
}
/**
 * Placements with no setting for the High Needs block to pay (not in education, employment or training; awaiting
 * provision): a unit cost of £0 there is expected, where in any other placement it is a figure missing.
 */
export const UNPAID_PLACEMENTS: readonly Placement[] = ['NEET', 'NONE'];
/**
 * Placements the High Needs block pays a full fee per plan (independent and non-maintained special schools, specialist
 * post-16 institutions: spec budget.md, inputs.md §5): their unit cost is the whole cost of the place, so they have no
 * place funding on top of it.
 */
export const FULL_FEE_PLACEMENTS: readonly Placement[] = ['ISS', 'NMSS', 'SPI'];
export function placementIndex(p: Placement): number {
  return PLACEMENTS.indexOf(p);
}

/** The DSG management plan's headline placement categories. */
export const PlacementGroup = {
  MAINSTREAM: { label: 'Mainstream' },
  RP: { label: 'Resourced provision and units' },
  STATE_SPECIAL: { label: 'State special' },
  INDEPENDENT_SPECIAL: { label: 'Independent and non-maintained special' },
  AP: { label: 'Alternative provision' },
  POST16: { label: 'Post-16 and further education' },
  OTHER: { label: 'Other' },
} as const;
export type PlacementGroup = keyof typeof PlacementGroup;
export const PLACEMENT_GROUPS = Object.keys(PlacementGroup) as PlacementGroup[];
export function groupOf(p: Placement): PlacementGroup {
  return Placement[p].group;
}

/** Ages at which a placement is possible (others have zero probability in the engine). */
export const PLACEMENT_AGES: Record<Placement, { from: number; to: number }> = {
  EY: { from: 0, to: 4 },
  MS: { from: 2, to: 18 },
  RP: { from: 2, to: 18 },
  IMS: { from: 2, to: 18 },
  SSM: { from: 2, to: 18 },
  SSA: { from: 2, to: 18 },
  ISS: { from: 2, to: 18 },
  NMSS: { from: 2, to: 18 },
  AP: { from: 5, to: 15 },
  FE: { from: 16, to: 25 },
  SPI: { from: 16, to: 25 },
  WBL: { from: 16, to: 25 },
  EOTAS: { from: 0, to: 25 },
  NEET: { from: 16, to: 25 },
  NONE: { from: 0, to: 25 },
};
export function isPlacementPossibleAt(p: Placement, age: number): boolean {
  const r = PLACEMENT_AGES[p];
  return age >= r.from && age <= r.to;
}

/** EES 2025/2026 caseload and new-plans leaf columns → placement. Totals and `_pc` columns are not leaves. */
export const EES_PLACEMENT_LEAVES: Record<string, Placement> = {
  nm_early_years: 'EY',
  mainstream_la_maintained: 'MS',
  mainstream_academy: 'MS',
  mainstream_free_school: 'MS',
  mainstream_la_maintained_resourced_provision: 'RP',
  mainstream_la_maintained_senunit: 'RP',
  mainstream_academy_resourced_provision: 'RP',
  mainstream_academy_senunit: 'RP',
  mainstream_free_school_resourced_provision: 'RP',
  mainstream_free_school_senunit: 'RP',
  mainstream_independent: 'IMS',
  special_la_maintained: 'SSM',
  special_academy_free: 'SSA',
  special_academy: 'SSA',
  special_free_school: 'SSA',
  special_independent: 'ISS',
  special_non_maintained: 'NMSS',
  ap_pru_academy: 'AP',
  ap_pru_free_school: 'AP',
  ap_pru_la_maintained: 'AP',
  general_fe_tertiary_colleges: 'FE',
  ukrlp_provider: 'FE',
  specialist_post_16_institutions: 'SPI',
  elective_home_education: 'EOTAS',
  other_arrangements_la: 'EOTAS',
  other_arrangements_parents: 'EOTAS',
  online_provider: 'EOTAS',
  w_settings: 'EOTAS',
  other_schools: 'EOTAS',
  other_placement_settings: 'EOTAS',
  neet: 'NEET',
  neet_ntci: 'NEET',
  neet_other: 'NEET',
  neet_other_csa: 'NEET',
  placement_unknown: 'NONE',
  await_prov_2022: 'NONE',
  perm_ex_2022: 'NONE',
};

/**
 * Leaves the 2025 layout publishes up to a January only (its data guidance: "Awaiting provision (pre 2023 only)",
 * "Permanently excluded (pre 2023 only)"): at a later January (new plans of a later calendar year) their cell is a
 * marker that holds no plans.
 */
export const EES_LEAF_LAST_JANUARY: Readonly<Record<string, number>> = { await_prov_2022: 2022, perm_ex_2022: 2022 };

/** EES subtotal columns: carried for identity checks, never summed with leaves. */
export const EES_PLACEMENT_TOTALS = ['mainstream_total', 'special_total', 'ap_pru_total', 'fe_total', 'ed_elsewhere'] as const;

/** The leaves each EES subtotal column sums (the published layout: each subtotal follows its leaves). */
export const EES_PLACEMENT_TOTAL_LEAVES: Record<(typeof EES_PLACEMENT_TOTALS)[number], readonly string[]> = {
  mainstream_total: Object.keys(EES_PLACEMENT_LEAVES).filter((l) => l.startsWith('mainstream_')),
  special_total: Object.keys(EES_PLACEMENT_LEAVES).filter((l) => l.startsWith('special_')),
  ap_pru_total: Object.keys(EES_PLACEMENT_LEAVES).filter((l) => l.startsWith('ap_pru_')),
  fe_total: ['general_fe_tertiary_colleges', 'ukrlp_provider', 'specialist_post_16_institutions'],
  // not other_placement_settings: published outside 'ed_elsewhere' (which is short of it on every row, 2019–2025)
  ed_elsewhere: ['elective_home_education', 'other_arrangements_la', 'other_arrangements_parents', 'online_provider',
    'w_settings', 'other_schools', 'neet', 'neet_ntci', 'neet_other', 'neet_other_csa'],
};
/**
 * Words of a new leaf's name that name a placement (eesNewLeaf), each counted only where its subtotal holds that
 * placement ('independent' is IMS under mainstream_total, ISS under special_total). A unit or resourced provision
 * makes a school RP whatever else its name says, as withUnitFlags does.
 */
const LEAF_NAME_UNIT: RegExp = /resourced_provision|sen_?unit/;
const LEAF_NAME_WORDS: Array<[RegExp, readonly Placement[]]> = [
  [/non_?maintained/, ['NMSS']],
  [/independent/, ['IMS', 'ISS']],
  [/(?<!non_?)maintained/, ['SSM']],
  [/academy|free_school/, ['SSA']],
  [/specialist/, ['SPI']],
  [/neet/, ['NEET']],
];

/** A column the layout does not know, placed by the subtotal whose prefix it bears (eesNewLeaf). */
export interface EesNewLeaf {
  column: string;
  total: (typeof EES_PLACEMENT_TOTALS)[number];
  /** The placement its name decides; undefined when the group holds several and the name does not decide. */
  placement?: Placement;
  /** Why: 'group' (every known leaf of the subtotal is that placement) or 'name'. */
  by?: 'group' | 'name';
  /** Placements of its subtotal its name names, when it names more than one (so decides none). */
  named?: Placement[];
  /** Placed by where it stands among its subtotal's leaves, its name bearing no prefix (ees-placement-leaves.ts). */
  byPlace?: boolean;
}

/** The prefix every known leaf of a subtotal shares, to its last underscore ('mainstream_'); '' when none. */
export function eesTotalPrefix(total: (typeof EES_PLACEMENT_TOTALS)[number]): string {
  const leaves = EES_PLACEMENT_TOTAL_LEAVES[total];
  let p = leaves[0] ?? '';
  for (const l of leaves) while (!l.startsWith(p)) p = p.slice(0, -1);
  return p.slice(0, p.lastIndexOf('_') + 1);
}

/** The placements of a subtotal's group (its known leaves'). */
export function eesTotalPlacements(total: (typeof EES_PLACEMENT_TOTALS)[number]): Placement[] {
  return [...new Set(EES_PLACEMENT_TOTAL_LEAVES[total].map((l) => EES_PLACEMENT_LEAVES[l]!))];
}

/**
 * An unknown column of the wide layout that bears a subtotal's prefix (a later release's new leaf, as
 * `mainstream_academy_utc`), with the placement that decides it: the group's one placement; else RP for a unit or
 * resourced provision; else the one placement of the group its name names (LEAF_NAME_WORDS); else, when its name
 * names none, the one placement of the group no word names (mainstream_academy_utc: MS). Undefined for known,
 * subtotal and `_pc` columns.
 */
export function eesNewLeaf(column: string): EesNewLeaf | undefined {
  const c = column.trim().toLowerCase();
  if (c in EES_PLACEMENT_LEAVES || (EES_PLACEMENT_TOTALS as readonly string[]).includes(c) || /_pc$/.test(c)) return undefined;
  const total = EES_PLACEMENT_TOTALS.find((t) => eesTotalPrefix(t) !== '' && c.startsWith(eesTotalPrefix(t)));
  return total ? newLeafIn(column, total) : undefined;
}

/** The placement a new leaf of a subtotal's group takes (eesNewLeaf). */
export function newLeafIn(column: string, total: (typeof EES_PLACEMENT_TOTALS)[number]): EesNewLeaf {
  const c = column.trim().toLowerCase();
  const inGroup = eesTotalPlacements(total);
  if (inGroup.length === 1) return { column, total, placement: inGroup[0]!, by: 'group' };
  if (inGroup.includes('RP') && LEAF_NAME_UNIT.test(c)) return { column, total, placement: 'RP', by: 'name' };
  const words = LEAF_NAME_WORDS.flatMap(([, ps]) => ps.filter((p) => inGroup.includes(p)));
  const named = inGroup.filter((p) => LEAF_NAME_WORDS.some(([re, ps]) => ps.includes(p) && re.test(c)));
  if (named.length === 1) return { column, total, placement: named[0]!, by: 'name' };
  if (named.length > 1) return { column, total, named };
  const rest = inGroup.filter((p) => p !== 'RP' && !words.includes(p));
  return rest.length === 1 ? { column, total, placement: rest[0]!, by: 'name' } : { column, total };
}

/** Maps an EES 2025/2026 placement leaf column (case-insensitive) to its placement. */
export function placementFromEesColumn(column: string): Placement | undefined {
  return EES_PLACEMENT_LEAVES[column.trim().toLowerCase()];
}

/** EES 2022 `establishment_type` → placement (matched case-insensitively, whitespace normalised). */
const EES2022_ESTABLISHMENT: Array<[RegExp, Placement]> = [
  [/^mainstream.*(resourced provision|sen unit)/, 'RP'],
  [/^mainstream - independent/, 'IMS'],
  [/^mainstream/, 'MS'],
  [/^special - (la maintained|hospital)/, 'SSM'],
  [/^hospital school/, 'SSM'],
  [/^special - (academy|free)/, 'SSA'],
  [/^special - independent/, 'ISS'],
  [/^special - non-maintained/, 'NMSS'],
  [/^(ap\/pru|alternative provision|pupil referral)/, 'AP'],
  [/^(general fe|sixth form college|other fe|further education)/, 'FE'],
  [/^(specialist post-16|independent specialist provider)/, 'SPI'],
  [/^(apprenticeship|traineeship|supported internship|work.based learning)/, 'WBL'],
  // before 'educated elsewhere': the later releases' 'Educated elsewhere - NEET' is NEET, not EOTAS
  [/^neet|- neet\b/, 'NEET'],
  [/^(other arrangements|elective home education|educated elsewhere|other$)/, 'EOTAS'],
  [/^non-maintained early years/, 'EY'],
  [/^(awaiting provision|permanently excluded|not recorded|unknown)/, 'NONE'],
];

/** Maps an EES 2022 `establishment_type` value to a placement; `Total` and unknown labels give undefined. */
export function placementFromEes2022EstablishmentType(type: string): Placement | undefined {
  const s = type.trim().toLowerCase().replace(/\s+/g, ' ');
  for (const [re, p] of EES2022_ESTABLISHMENT) if (re.test(s)) return p;
  return undefined;
}

/** SEN2 `SENsetting` codes used where there is no URN/UKPRN. */
export const SEN2_SETTING: Record<string, Placement> = {
  OLA: 'EOTAS',
  OPA: 'EOTAS',
  EHE: 'EOTAS',
  EYP: 'EY',
  NEET: 'NEET',
  NIEC: 'NEET',
  NIEO: 'NEET',
  OTH: 'EOTAS',
};
export function placementFromSen2Setting(code: string): Placement | undefined {
  return SEN2_SETTING[code.trim().toUpperCase()];
}

/**
 * Maps a Get Information About Schools `TypeOfEstablishment (name)` to a placement, before any SEN unit or
 * resourced provision flag (which makes it RP) is applied.
 */
const GIAS_TYPES: Array<[RegExp, Placement]> = [
  [/^(community|voluntary aided|voluntary controlled|foundation) special/, 'SSM'],
  [/^(academy special|free schools? special|special academy)/, 'SSA'],
  [/^non-maintained special/, 'NMSS'],
  [/^other independent special/, 'ISS'],
  [/^independent special/, 'ISS'],
  [/^other independent school/, 'IMS'],
  [/^(pupil referral unit|academy alternative provision|free schools? alternative provision|local authority alternative)/, 'AP'],
  [/^(further education|sixth form centres|sixth form college|institution funded by other government)/, 'FE'],
  [/^(special post 16 institution|specialist post-16|online provider)/, 'SPI'],
  [/^(community school|voluntary aided school|voluntary controlled school|foundation school|academy|free schools?|city technology|university technical|studio school|academy converter|academy sponsor led|free schools? 16|free schools?$)/, 'MS'],
  [/^(local authority nursery|children's centre|nursery)/, 'EY'],
];
export function placementFromGiasType(type: string): Placement | undefined {
  const s = type.trim().toLowerCase().replace(/\s+/g, ' ');
  for (const [re, p] of GIAS_TYPES) if (re.test(s)) return p;
  return undefined;
}

/** Turns a school placement into RP when the SEN unit or resourced provision indicator is set. */
export function withUnitFlags(p: Placement, senUnit: boolean, resourcedProvision: boolean): Placement {
  if ((senUnit || resourcedProvision) && (p === 'MS' || p === 'IMS')) return 'RP';
  return p;
}

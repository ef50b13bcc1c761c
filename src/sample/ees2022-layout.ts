/**
 * The EES 2022 release's categories: leading columns, age bands, and the establishment groups and types that
 * exist in each year (they changed between January 2015 and 2022), with the mapping from a simulated placement.
 */
import { AGE_BANDS, AgeBand, SAMPLE_LA, type Placement } from '../domain/index.ts';
import { P, S } from './codes.ts';
import { establishment } from './establishments.ts';
import type { Spell } from './types.ts';

export const REGION = { code: 'E12000009', name: 'South West' } as const;

/** The leading columns of every LA row: time_period … la_name. */
export function leadingColumns(year: number): string[] {
  return [String(year), 'Calendar year', 'Local authority', 'E92000001', 'England', REGION.code, REGION.name,
    SAMPLE_LA.oldCode, SAMPLE_LA.newCode, SAMPLE_LA.name];
}

export const LEADING_HEADER = ['time_period', 'time_identifier', 'geographic_level', 'country_code', 'country_name',
  'region_code', 'region_name', 'old_la_code', 'new_la_code', 'la_name'];

/** `characteristic_age` rows: Total then the five bands. */
export const AGE_ROWS: ReadonlyArray<{ label: string; from: number; to: number }> = [
  { label: 'Total', from: 0, to: 25 },
  ...AGE_BANDS.map((b: AgeBand) => ({ label: AgeBand[b].label, from: AgeBand[b].from, to: AgeBand[b].to })),
];

const AWAIT = 'Awaiting provision - ';

/** [establishment_group, establishment_type[]] in output order for census year `y`. */
export function estabLayout(y: number): Array<[string, string[]]> {
  const has = (from: number, to = 9999): boolean => y >= from && y <= to;
  const pick = (xs: Array<string | false>): string[] => xs.filter((x): x is string => x !== false);
  return [
    ['Mainstream school', pick(['Mainstream - LA maintained', 'Mainstream - LA maintained - Resourced provision',
      'Mainstream - LA maintained - SEN unit', 'Mainstream - Academy', has(2017) && 'Mainstream - Academy - Resourced Provision',
      has(2017) && 'Mainstream - Academy - SEN unit', 'Mainstream - Free school',
      has(2017) && 'Mainstream - Free school - Resourced provision', has(2017) && 'Mainstream - Free school - SEN unit',
      'Mainstream - Independent'])],
    ['Special school', pick(['Special - LA maintained', has(2015, 2016) && 'Special - Academy',
      has(2015, 2016) && 'Special - Free school', has(2017) && 'Special - Academy/free', 'Special - Non-maintained',
      'Special - Independent', 'Hospital School'])],
    ['Alternative provision/Pupil referral unit', ['AP/PRU - LA maintained', 'AP/PRU - Academy', 'AP/PRU - Free school']],
    ['Further education', pick(['General FE and tertiary colleges/HE', 'Sixth form college', 'Other FE',
      has(2015, 2015) && 'Independent specialist providers', has(2016) && 'Specialist post-16 institutions'])],
    ['Educated elsewhere', pick(['Other arrangements by local authority', 'Other arrangements by parents',
      has(2020) && 'Elective home education', 'Permanently excluded', has(2015, 2018) && `${AWAIT}total`,
      has(2020) && `${AWAIT}below compulsory school age and in education`,
      has(2020) && `${AWAIT}below compulsory school age and not in education`,
      has(2019) && `${AWAIT}compulsory school age and in education`, has(2019) && `${AWAIT}compulsory school age and not in education`,
      has(2019) && `${AWAIT}above compulsory school age and in education`,
      has(2019) && `${AWAIT}above compulsory school age and not in education`])],
    ['Non-maintained early years', ['Non-maintained early years']],
    ...(has(2019) ? ([['NEET', ['NEET']], ['Other', ['Other']]] as Array<[string, string[]]>) : []),
    ...(has(2015, 2015) ? ([['Unknown', ['Work-based learning']]] as Array<[string, string[]]>) : []),
    ...(has(2016, 2016) ? ([['Unknown', ['Apprenticeship', 'Traineeship', 'Supported Internship']]] as Array<[string, string[]]>) : []),
  ];
}

/** Groups where statements never applied (their statement columns are `z`). */
export const NO_STATEMENT_GROUPS: ReadonlySet<string> = new Set(['Further education', 'Unknown', 'NEET', 'Other']);

function mainstreamType(spell: Spell): string {
  const e = establishment(spell.estId!);
  const base = { la: 'Mainstream - LA maintained', academy: 'Mainstream - Academy', free: 'Mainstream - Free school' }[
    e.governance as 'la' | 'academy' | 'free'
  ] ?? 'Mainstream - Independent';
  if (spell.resourcedProvision) return `${base} - Resourced provision`;
  if (spell.senUnit) return `${base} - SEN unit`;
  return base;
}

/** The establishment_type a plan at census `y` is counted under. */
export function estabTypeOf(spell: Spell, age: number, y: number): string {
  const p: Placement = spell.placement;
  const gov = spell.estId ? establishment(spell.estId).governance : undefined;
  switch (p) {
    case P.MS: case P.RP: case P.IMS: return mainstreamType(spell);
    case P.SSM: return 'Special - LA maintained';
    case P.SSA: return y >= 2017 ? 'Special - Academy/free' : gov === 'free' ? 'Special - Free school' : 'Special - Academy';
    case P.ISS: return 'Special - Independent';
    case P.NMSS: return 'Special - Non-maintained';
    case P.AP: return gov === 'academy' ? 'AP/PRU - Academy' : gov === 'free' ? 'AP/PRU - Free school' : 'AP/PRU - LA maintained';
    case P.FE: return gov === 'sixthform' ? 'Sixth form college' : gov === 'otherfe' ? 'Other FE' : 'General FE and tertiary colleges/HE';
    case P.SPI: return y === 2015 ? 'Independent specialist providers' : 'Specialist post-16 institutions';
    case P.WBL: return y === 2015 ? 'Work-based learning' : y === 2016 ? 'Supported Internship' : 'Other FE';
    case P.EY: return 'Non-maintained early years';
    case P.EOTAS:
      if (spell.setting === S.OPA) return 'Other arrangements by parents';
      if (spell.setting === S.EHE) return y >= 2020 ? 'Elective home education' : 'Other arrangements by parents';
      if (spell.setting === S.OTH && y >= 2019) return 'Other';
      return 'Other arrangements by local authority';
    case P.NEET: return y >= 2019 ? 'NEET' : `${AWAIT}total`;
    case P.NONE:
      if (y <= 2018) return `${AWAIT}total`;
      if (age < 5) return y >= 2020 ? `${AWAIT}below compulsory school age and not in education` : `${AWAIT}compulsory school age and not in education`;
      return age <= 15 ? `${AWAIT}compulsory school age and not in education` : `${AWAIT}above compulsory school age and not in education`;
  }
  throw new RangeError(`no EES 2022 establishment type for ${p}`);
}

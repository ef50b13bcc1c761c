/**
 * The fictional schools and post-16 providers of Anyshire: URNs 9990001… (schools) and UKPRNs 19990001…
 * (post-16 providers), each with its Get Information About Schools type name and the placement it maps to.
 */
import type { Placement } from '../domain/index.ts';
import { P } from './codes.ts';

/** How the EES 2022 release names the establishment's governance. */
export type Governance = 'la' | 'academy' | 'free' | 'independent' | 'nonmaintained' | 'fe' | 'sixthform' | 'otherfe' | 'spi' | 'wbl';

export interface Establishment {
  id: string;
  idKind: 'URN' | 'UKPRN';
  name: string;
  typeName: string;
  /** The placement the lookup gives (before any SEN unit or resourced provision flag). */
  placement: Placement;
  /** The placement a person in it has (RP for the unit/resourced places of a mainstream school). */
  serves: Placement;
  governance: Governance;
  fromAge: number;
  toAge: number;
  unit?: 'senUnit' | 'resourcedProvision';
}

function urn(n: number): string {
  return String(9990000 + n);
}
function ukprn(n: number): string {
  return String(19990000 + n);
}

type Row = [id: string, name: string, typeName: string, placement: Placement, governance: Governance, from: number, to: number];

const SCHOOLS: Row[] = [
  [urn(1), 'Anyshire Brook Primary School', 'Community school', P.MS, 'la', 2, 10],
  [urn(2), 'Oakfield Primary School', 'Academy converter', P.MS, 'academy', 2, 10],
  [urn(3), "St Sample's CE Primary School", 'Voluntary aided school', P.MS, 'la', 4, 10],
  [urn(4), 'Hilltop Primary Academy', 'Academy sponsor led', P.MS, 'academy', 2, 10],
  [urn(5), 'Riverside Primary School', 'Foundation school', P.MS, 'la', 2, 10],
  [urn(6), 'Meadow Lane Primary School', 'Academy converter', P.MS, 'academy', 4, 10],
  [urn(7), 'Anyshire Free Primary School', 'Free schools', P.MS, 'free', 4, 10],
  [urn(11), 'Anyshire Valley School', 'Academy converter', P.MS, 'academy', 11, 18],
  [urn(12), 'Northgate Academy', 'Academy sponsor led', P.MS, 'academy', 11, 18],
  [urn(13), 'Kingsmead Community College', 'Community school', P.MS, 'la', 11, 18],
  [urn(14), 'Westfield School', 'Foundation school', P.MS, 'la', 11, 18],
  [urn(15), 'Southdown Free School', 'Free schools', P.MS, 'free', 11, 18],
  [urn(31), 'Anyshire Independent Grammar School', 'Other independent school', P.IMS, 'independent', 4, 18],
  [urn(41), 'Willow Bank School', 'Community special school', P.SSM, 'la', 2, 18],
  [urn(42), 'The Beeches School', 'Community special school', P.SSM, 'la', 2, 18],
  [urn(43), 'Orchard House School', 'Foundation special school', P.SSM, 'la', 4, 18],
  [urn(51), 'Anyshire Park Academy', 'Academy special converter', P.SSA, 'academy', 2, 18],
  [urn(52), 'Horizon Academy', 'Academy special sponsor led', P.SSA, 'academy', 4, 18],
  [urn(53), 'Bridgewater Free School', 'Free schools special', P.SSA, 'free', 4, 18],
  [urn(61), 'Larchwood School', 'Other independent special school', P.ISS, 'independent', 4, 18],
  [urn(62), 'Hollybrook School', 'Other independent special school', P.ISS, 'independent', 7, 18],
  [urn(63), 'Summerleigh School', 'Other independent special school', P.ISS, 'independent', 2, 18],
  [urn(64), 'Pinecroft School', 'Other independent special school', P.ISS, 'independent', 11, 18],
  [urn(71), 'The Anyshire School for the Deaf', 'Non-maintained special school', P.NMSS, 'nonmaintained', 2, 18],
  [urn(72), 'Chestnut Lodge School', 'Non-maintained special school', P.NMSS, 'nonmaintained', 4, 18],
  [urn(81), 'Anyshire Pupil Referral Service', 'Pupil referral unit', P.AP, 'la', 5, 15],
  [urn(82), 'Crossroads Academy', 'Academy alternative provision converter', P.AP, 'academy', 11, 15],
  [ukprn(1), 'Anyshire College', 'Further education', P.FE, 'fe', 16, 25],
  [ukprn(2), 'Anyshire Sixth Form College', 'Further education', P.FE, 'sixthform', 16, 18],
  [ukprn(3), 'Anyshire Adult and Community Learning', 'Further education', P.FE, 'otherfe', 19, 25],
  [ukprn(11), 'Anyshire Specialist College', 'Special post 16 institution', P.SPI, 'spi', 16, 25],
  [ukprn(12), 'Moorview Specialist College', 'Special post 16 institution', P.SPI, 'spi', 16, 25],
  [ukprn(21), 'Anyshire Supported Internships', 'Work-based learning provider', P.WBL, 'wbl', 16, 25],
];

/** Mainstream schools with a resourced provision or SEN unit (all LA maintained). */
const UNIT_SCHOOLS: Array<[id: string, name: string, typeName: string, from: number, to: number, unit: 'senUnit' | 'resourcedProvision']> = [
  [urn(21), 'Brookside Primary School', 'Community school', 4, 10, 'senUnit'],
  [urn(22), 'Greenway Primary School', 'Community school', 2, 10, 'resourcedProvision'],
  [urn(23), 'Castle Hill School', 'Community school', 11, 18, 'resourcedProvision'],
  [urn(24), 'Fernhill School', 'Foundation school', 11, 18, 'senUnit'],
];

/** Every establishment of the sample, in id order. */
export const ESTABLISHMENTS: readonly Establishment[] = [
  ...SCHOOLS.map(([id, name, typeName, placement, governance, fromAge, toAge]): Establishment => ({
    id, idKind: id.length === 8 ? 'UKPRN' : 'URN', name, typeName, placement, serves: placement, governance, fromAge, toAge,
  })),
  ...UNIT_SCHOOLS.map(([id, name, typeName, fromAge, toAge, unit]): Establishment => ({
    id, idKind: 'URN', name, typeName, placement: P.MS, serves: P.RP, governance: 'la', fromAge, toAge, unit,
  })),
].sort((a, b) => Number(a.id) - Number(b.id));

const BY_ID = new Map(ESTABLISHMENTS.map((e) => [e.id, e]));

/** The establishment with this URN/UKPRN. */
export function establishment(id: string): Establishment {
  const e = BY_ID.get(id);
  if (!e) throw new RangeError(`unknown sample establishment ${id}`);
  return e;
}

/** Establishments that serve `placement` at `age`, in id order. */
export function candidates(placement: Placement, age: number): Establishment[] {
  return ESTABLISHMENTS.filter((e) => e.serves === placement && age >= e.fromAge && age <= e.toAge);
}

/**
 * The nine modules of the COLLECT "Blade" CSV export of an SEN2 return (inputs.md §2): file names, surrogate keys
 * (`<module>tableid` and the parent's), and the columns the readers use. Column names are lower-case.
 */
import { basename, dirname, join } from 'node:path';

export const BLADE_MODULES = [
  'sen2', 'person', 'requests', 'assessment', 'namedplan', 'plandetail', 'activeplans', 'placementdetail', 'senneed',
] as const;
export type BladeModule = (typeof BLADE_MODULES)[number];

export interface BladeModuleSpec {
  parent?: BladeModule;
  /** Columns that must be present. */
  required: readonly string[];
  /** Columns read when present (NULL otherwise). */
  optional: readonly string[];
}

const PLACEMENT_COLS = ['urn', 'ukprn', 'sensetting', 'placementrank', 'senunitindicator', 'resourcedprovisionindicator'];

export const BLADE_SPEC: Record<BladeModule, BladeModuleSpec> = {
  sen2: { required: ['sen2tableid', 'collection', 'lea'], optional: ['year', 'referencedate'] },
  person: {
    parent: 'sen2',
    required: ['persontableid', 'personbirthdate'],
    optional: ['upn', 'uniquelearnernumber', 'sex', 'gendercurrent', 'ethnicity'],
  },
  requests: { parent: 'person', required: ['requeststableid'], optional: ['receiveddate', 'requestoutcome', 'requestoutcomedate'] },
  assessment: { parent: 'requests', required: ['assessmenttableid'], optional: ['assessmentoutcome', 'assessmentoutcomedate', 'week20'] },
  namedplan: { parent: 'assessment', required: ['namedplantableid'], optional: ['startdate', 'ceasedate', 'ceasereason'] },
  plandetail: { parent: 'namedplan', required: ['plandetailtableid'], optional: PLACEMENT_COLS },
  activeplans: { parent: 'requests', required: ['activeplanstableid'], optional: ['transferla', 'lastreview'] },
  placementdetail: { parent: 'activeplans', required: ['placementdetailtableid'], optional: [...PLACEMENT_COLS, 'entrydate', 'leavingdate'] },
  senneed: { parent: 'activeplans', required: ['senneedtableid', 'sentype'], optional: ['sentyperank'] },
};

export function idColumn(m: BladeModule): string {
  return `${m}tableid`;
}

/** The module of a Blade file from its header fields: the deepest module whose own table id is present. */
export function bladeModuleOfHeader(fields: readonly string[]): BladeModule | undefined {
  const set = new Set(fields.map((f) => f.trim().toLowerCase()));
  for (let i = BLADE_MODULES.length - 1; i >= 0; i--) {
    const m = BLADE_MODULES[i]!;
    if (!set.has(idColumn(m))) continue;
    const parent = BLADE_SPEC[m].parent;
    if (parent === undefined ? set.has('collection') : set.has(idColumn(parent))) return m;
  }
  return undefined;
}

const NAME = /^(Blade-Export_(\d{2}-\d{2}-\d{4})_)([A-Za-z0-9]+)\.csv$/i;

/** The export date and module of a Blade file name, e.g. Blade-Export_28-09-2022_person.csv. */
export function parseBladeName(path: string): { prefix: string; date: string; module: string } | undefined {
  const m = NAME.exec(basename(path));
  return m ? { prefix: m[1]!, date: m[2]!, module: m[3]!.toLowerCase() } : undefined;
}

/** Expected path of a sibling module file of the same export. */
export function siblingPath(path: string, module: BladeModule): string | undefined {
  const n = parseBladeName(path);
  return n ? join(dirname(path), `${n.prefix}${module}.csv`) : undefined;
}

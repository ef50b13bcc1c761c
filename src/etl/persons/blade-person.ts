/**
 * Turns one person's nested JSON (from blade-sql.ts) into the source-neutral RawPerson, with the module file,
 * line and key path of every record for messages.
 */
import type { BladeModule } from './blade-modules.ts';
import type { RawPerson, RawPlacement, SrcRef } from './raw.ts';

type J = Record<string, unknown>;

function s(o: J, k: string): string | undefined {
  const v = o[k];
  return v === null || v === undefined ? undefined : String(v);
}

/** Child records in file order (DuckDB's list() does not keep it; ordering inside the SQL aggregate is slow). */
function list(o: J, k: string): J[] {
  const v = o[k];
  if (!Array.isArray(v)) return [];
  const items = v as J[];
  return items.length > 1 ? items.sort((a, b) => (a['ln'] as number) - (b['ln'] as number)) : items;
}

export type ModuleFiles = Record<BladeModule, string>;

function ref(files: ModuleFiles, m: BladeModule, o: J, parent?: SrcRef): SrcRef {
  const seg = `${m}[${m}tableid=${s(o, 'k') ?? '?'}]`;
  const r: SrcRef = { file: files[m], path: parent ? `${parent.path}/${seg}` : seg };
  const ln = o['ln'];
  if (typeof ln === 'number') r.line = ln;
  return r;
}

function placements(files: ModuleFiles, m: 'plandetail' | 'placementdetail', items: J[], parent: SrcRef): RawPlacement[] {
  return items.map((p) => ({
    src: ref(files, m, p, parent),
    urn: s(p, 'urn'),
    ukprn: s(p, 'ukprn'),
    senSetting: s(p, 'sensetting'),
    placementRank: s(p, 'placementrank'),
    senUnitIndicator: s(p, 'senunitindicator'),
    resourcedProvisionIndicator: s(p, 'resourcedprovisionindicator'),
    entryDate: s(p, 'entrydate'),
    leavingDate: s(p, 'leavingdate'),
  }));
}

export function personFromBlade(p: J, files: ModuleFiles): RawPerson {
  const src = ref(files, 'person', p);
  return {
    src,
    upn: s(p, 'upn'),
    uln: s(p, 'uniquelearnernumber'),
    birthDate: s(p, 'personbirthdate'),
    sex: s(p, 'sex') ?? s(p, 'gendercurrent'),
    ethnicity: s(p, 'ethnicity'),
    requests: list(p, 'requests').map((r) => {
      const rs = ref(files, 'requests', r, src);
      return {
        src: rs,
        receivedDate: s(r, 'receiveddate'),
        outcome: s(r, 'requestoutcome'),
        outcomeDate: s(r, 'requestoutcomedate'),
        assessments: list(r, 'assessment').map((a) => {
          const as = ref(files, 'assessment', a, rs);
          return {
            src: as,
            outcome: s(a, 'assessmentoutcome'),
            outcomeDate: s(a, 'assessmentoutcomedate'),
            week20: s(a, 'week20'),
            namedPlans: list(a, 'namedplan').map((n) => {
              const ns = ref(files, 'namedplan', n, as);
              return {
                src: ns,
                startDate: s(n, 'startdate'),
                ceaseDate: s(n, 'ceasedate'),
                ceaseReason: s(n, 'ceasereason'),
                details: placements(files, 'plandetail', list(n, 'plandetail'), ns),
              };
            }),
          };
        }),
        activePlans: list(r, 'activeplans').map((ap) => {
          const aps = ref(files, 'activeplans', ap, rs);
          return {
            src: aps,
            transferLa: s(ap, 'transferla'),
            lastReview: s(ap, 'lastreview'),
            placements: placements(files, 'placementdetail', list(ap, 'placementdetail'), aps),
            needs: list(ap, 'senneed').map((n) => ({ src: ref(files, 'senneed', n, aps), senType: s(n, 'sentype'), senTypeRank: s(n, 'sentyperank') })),
          };
        }),
      };
    }),
  };
}

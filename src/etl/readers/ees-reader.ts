/**
 * An EES file reader from its definition: recognised by its header, read row by row (ees-common.ts) and, when the
 * definition has a set-based form, prepared and loaded set-based into a warehouse (ees-set.ts).
 */
import { loadByPreparing, type Reader, type Sniff } from '../reader.ts';
import { readEes, type EesFileDef } from './ees-common.ts';
import { prepareEesSet } from './ees-set.ts';

/**
 * Makes a Reader from an EES file definition.
 * @example export const ees2025Requests = eesReader({ id: 'ees-2025-requests', ... });
 */
export function eesReader(def: EesFileDef): Reader {
  const set = def.set;
  const prepare: Reader['prepare'] = set ? (path, ctx) => prepareEesSet({ ...def, set }, path, ctx) : undefined;
  return {
    id: def.id,
    description: def.description,
    recognise(sniff: Sniff): boolean {
      const f = sniff.headerFields;
      if (!f) return false;
      const set = new Set(f);
      return set.has('time_period') && set.has('geographic_level') && def.matches(set);
    },
    read: (path, sink, ctx) => readEes(def, path, sink, ctx),
    ...(prepare ? { prepare, load: loadByPreparing(prepare) } : {}),
  };
}

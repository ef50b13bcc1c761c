/**
 * Get Information About Schools extract (`URN, EstablishmentName, TypeOfEstablishment (name),
 * EstablishmentTypeGroup (name), …` — the many other GIAS columns are accepted silently): URN → placement.
 */
import { isUrn, placementFromGiasType } from '../../domain/index.ts';
import * as msg from '../../messages/etl.ts';
import { simpleCsvReader } from './simple-csv-reader.ts';
import { UrnRepeats } from './urn-repeats.ts';

export const gias = simpleCsvReader({
  id: 'gias',
  description: 'Get Information About Schools extract (URN, EstablishmentName, TypeOfEstablishment (name), …)',
  required: ['urn', 'establishmentname', 'typeofestablishment (name)'],
  accepts: () => true,
  session(_ctx, log, emit) {
    const unknown = new Set<string>();
    const repeats = new UrnRepeats('establishment types');
    return {
      row(r) {
        const urn = r.get('urn');
        if (urn === '') return log.error(msg.requiredValue('a URN'), r.line, 'URN');
        if (!isUrn(urn)) return log.error(msg.badUrn(urn), r.line, 'URN');
        const type = r.get('typeofestablishment (name)');
        if (!repeats.accept(urn, type, r.line, 'TypeOfEstablishment (name)', log)) return;
        const placement = placementFromGiasType(type);
        if (!placement && !unknown.has(type)) {
          unknown.add(type);
          log.warn(msg.unknownGiasType(type), r.line, 'TypeOfEstablishment (name)');
        }
        emit('establishment', { urn, name: r.get('establishmentname'), type_name: type, type_group: r.get('establishmenttypegroup (name)') || null, placement: placement ?? null });
      },
    };
  },
});

/** The project's own establishment lookup (`urn,name,type_name,placement`), used by the bundled sample. */
import { isPlacement, isUrn, PLACEMENTS } from '../../domain/index.ts';
import * as msg from '../../messages/etl.ts';
import { nearest } from '../../util/suggest.ts';
import { simpleCsvReader } from './simple-csv-reader.ts';
import { UrnRepeats } from './urn-repeats.ts';

export const establishmentLookup = simpleCsvReader({
  id: 'establishment-lookup',
  description: 'Establishment lookup (urn, name, type_name, placement)',
  required: ['urn', 'name', 'type_name', 'placement'],
  optional: ['type_group'],
  session(_ctx, log, emit) {
    const repeats = new UrnRepeats('placements');
    return {
      row(r) {
        const urn = r.get('urn');
        if (urn === '') return log.error(msg.requiredValue('a URN or UKPRN'), r.line, 'urn');
        if (!isUrn(urn)) return log.error(msg.badUrn(urn, 'a URN or UKPRN'), r.line, 'urn');
        const p = r.get('placement').toUpperCase();
        if (p === '') return log.error(msg.requiredValue('a placement code (EY, MS, RP, …)'), r.line, 'placement');
        if (!isPlacement(p)) return log.error(msg.unknownPlacement(r.get('placement'), nearest(p, PLACEMENTS)), r.line, 'placement');
        if (!repeats.accept(urn, p, r.line, 'placement', log)) return;
        emit('establishment', { urn, name: r.get('name'), type_name: r.get('type_name'), type_group: r.get('type_group') || null, placement: p });
      },
    };
  },
});

/**
 * ONS lower-tier → upper-tier LA lookup (`LTLA22CD, LTLA22NM, UTLA22CD, UTLA22NM`): recognised so that a data
 * folder holding it loads, but nothing is stored (population is taken at upper-tier level); a note says so.
 */
import * as msg from '../../messages/etl.ts';
import { simpleCsvReader } from './simple-csv-reader.ts';

const LTLA = /^ltla\d{2}(cd|nm)$/;
const UTLA = /^utla\d{2}(cd|nm)$/;

export const onsLookup = simpleCsvReader({
  id: 'ons-lookup',
  description: 'ONS lower-tier to upper-tier local authority lookup (recognised, not stored)',
  required: [],
  accepts: (n) => LTLA.test(n) || UTLA.test(n) || n === 'objectid' || n === 'fid',
  matches: (f) => [...f].some((n) => LTLA.test(n)) && [...f].some((n) => UTLA.test(n)),
  session(_ctx, log) {
    return { row: () => undefined, finish: () => log.warn(msg.lookupIgnored()) };
  },
});

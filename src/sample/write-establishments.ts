/** `establishments.csv`: the sample's URN/UKPRN lookup (`urn,name,type_name,placement`) for the ETL. */
import { ESTABLISHMENTS } from './establishments.ts';
import { csvText } from './format.ts';

export function establishmentsCsv(): string {
  return csvText(['urn', 'name', 'type_name', 'placement'], ESTABLISHMENTS.map((e) => [e.id, e.name, e.typeName, e.placement]));
}

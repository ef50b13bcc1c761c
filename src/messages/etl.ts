/** User-facing messages of the etl stage. */
export const STAGE = 'etl';

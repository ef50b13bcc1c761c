/** User-facing messages of the scenario stage. */
export const STAGE = 'scenario';

/** User-facing messages of the budget stage. */
export const STAGE = 'budget';

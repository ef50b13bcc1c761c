/** User-facing messages of the model stage. */
export const STAGE = 'model';

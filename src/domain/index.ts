/** The domain vocabulary: one module per vocabulary, re-exported here. */
export * from './years.ts';
export * from './ages.ts';
export * from './transitions.ts';
export * from './needs.ts';
export * from './placements.ts';
export * from './la.ts';
export * from './urn.ts';

/** The run comparer (issue 13): see comparer.ts for how it works and types.ts for its vocabulary. */
export { compareDifferences, countDifferences, createComparer, PAIRING_WINDOW_MS } from './comparer';
export { IGNORED_PARAMS, recordSignature } from './normalise';
export * from './types';

// The matching engine: pure code, no I/O. Staff decide; the engine proposes and explains.
export { batch, type Pair } from './assign';
export { feasible, pairKey, violations } from './constraints';
export { needsOf, score } from './score';
export { dwellingsFor, householdsFor } from './suggest';
export * from './types';

// The matching engine: pure code, no I/O. Staff decide; the engine proposes and explains.
export { batch, type BatchResult, type Pair } from './assign';
export { feasible, persons, violations } from './constraints';
export { bedroomsNeeded, childrenByStage, needsOf, score, scoreTotal, stageOf } from './score';
export { dwellingsFor, householdsFor } from './suggest';
export * from './types';

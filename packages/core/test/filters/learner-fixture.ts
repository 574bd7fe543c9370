import { type Learner, type LearnerInput, parseLearner } from '../../src/index.js';

/** The run date the unit tests use, a Monday. */
export const RUN_DATE = '2026-12-07';

/** Builds a valid learner with no optional values, then applies the overrides. */
export function makeLearner(overrides: Partial<LearnerInput> = {}): Learner {
  return parseLearner({
    id: 'L1',
    firstName: 'Amara',
    lastName: 'Okafor',
    enteredOn: '2026-01-05',
    ...overrides,
  });
}

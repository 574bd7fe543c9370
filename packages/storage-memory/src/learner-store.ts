import {
  compileFilters,
  type Learner,
  type LearnerInput,
  type LearnerStore,
  parseLearner,
  ValidationError,
} from '@pics/automations-core';
import { copy } from './clone.js';

/**
 * Creates a {@link LearnerStore} in memory. Learners are kept in a Map with a sorted list of ids
 * beside it, so `findLearners` yields in id order without sorting on each query. With `validate`,
 * each learner goes through `parseLearner` (which also copies it) before it is stored.
 *
 * An upsert that throws on an invalid learner keeps the learners before it in the list. The error
 * names the learner by its id, or by its index in the list (`learners[2]`) when the id is missing.
 */
export function createMemoryLearnerStore(options: {
  validate: boolean;
  initial: readonly LearnerInput[];
}): LearnerStore {
  const learners = new Map<string, Learner>();
  let sortedIds: string[] = [];

  const upsert = (incoming: readonly LearnerInput[]) => {
    const newIds = new Set<string>();
    for (const [index, input] of incoming.entries()) {
      const learner = options.validate ? parseLearnerAt(input, index) : copy(input as Learner);
      if (!learners.has(learner.id)) newIds.add(learner.id);
      learners.set(learner.id, learner);
    }
    if (newIds.size > 0) sortedIds = mergeSorted(sortedIds, [...newIds].sort());
  };
  upsert(options.initial);

  return {
    async upsertLearners({ learners: incoming }) {
      upsert(incoming);
    },

    async getLearner({ id }) {
      const learner = learners.get(id);

      return learner === undefined ? undefined : copy(learner);
    },

    async countLearners() {
      return learners.size;
    },

    async *findLearners({ filters, runDate, signal }) {
      const matches = compileFilters(filters, { runDate });

      // The list is replaced, never changed in place, so an upsert during the iteration leaves
      // this snapshot as it was.
      for (const id of sortedIds) {
        if (signal?.aborted) return;

        const learner = learners.get(id);
        if (learner !== undefined && matches(learner)) yield copy(learner);
      }
    },
  };
}

// parseLearner names a learner by its id. Without a usable id, the index in the list is the only
// way to find the record at fault, so the error is raised again with it.
function parseLearnerAt(input: LearnerInput, index: number): Learner {
  try {
    return parseLearner(input);
  } catch (error) {
    if (!(error instanceof ValidationError) || error.subject !== 'learner') throw error;

    throw new ValidationError(`learner at learners[${index}]`, error.issues);
  }
}

/** Merges two lists of ids, each sorted by UTF-16 code unit, into one sorted list. */
function mergeSorted(left: readonly string[], right: readonly string[]): string[] {
  const merged: string[] = [];
  let leftIndex = 0;
  let rightIndex = 0;
  while (leftIndex < left.length && rightIndex < right.length) {
    const leftId = left[leftIndex]!;
    const rightId = right[rightIndex]!;
    if (leftId < rightId) {
      merged.push(leftId);
      leftIndex += 1;
    } else {
      merged.push(rightId);
      rightIndex += 1;
    }
  }

  return merged.concat(left.slice(leftIndex), right.slice(rightIndex));
}

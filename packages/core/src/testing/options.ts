import { afterEach, beforeEach } from 'vitest';
import { AutomationsError, ErrorCode } from '../errors/errors.js';
import type { Learner, LearnerInput } from '../model/learner.js';
import type { LearnerStore } from '../ports/learner-source.js';
import type { Storage } from '../ports/storage.js';

/** Switches for what an adapter can do; the suite skips the tests of a missing capability. */
export interface StorageContractCapabilities {
  /**
   * The adapter's learner source can be filled with learners, through `seedLearners` or because
   * `storage.learners` implements `LearnerStore`. Without it the learner source tests are skipped.
   * @default true
   */
  learnerSeeding?: boolean | undefined;
}

/** Options of {@link runStorageContractTests}. */
export interface StorageContractOptions<S extends Storage = Storage> {
  /** Creates an empty storage; called before every test. */
  create: () => Promise<S> | S;
  /** Releases a storage after its test. @default calls `storage.close()` when present */
  destroy?: ((storage: S) => Promise<void>) | undefined;
  /**
   * Stores learners in the storage's learner source.
   * @default calls `storage.learners.upsertLearners` when the source is a `LearnerStore`
   */
  seedLearners?: ((storage: S, learners: readonly Learner[]) => Promise<void>) | undefined;
  /** Capabilities of the adapter, each supported unless set to false. */
  capabilities?: StorageContractCapabilities | undefined;
  /**
   * Path of a JSON file of filter cases: `{ learners, cases: [{ name, runDate, filters,
   * matching }] }`, where `matching` lists the ids of the learners that match `filters` on
   * `runDate`. Without it the suite checks the learner source against core's `matchesFilters` on
   * its own generated learners only.
   */
  filterCasesFile?: string | undefined;
}

/** One filter case: the learners (by id) that match `filters` on `runDate`. */
export interface FilterCase {
  name: string;
  runDate: string;
  filters: unknown;
  matching: string[];
}

/** The contents of a filter case file. */
export interface FilterCaseFile {
  learners: LearnerInput[];
  cases: FilterCase[];
}

/** Returns whether a learner source also accepts writes. */
export function isLearnerStore(source: Storage['learners']): source is LearnerStore {
  return typeof (source as Partial<LearnerStore>).upsertLearners === 'function';
}

/**
 * Registers hooks that create a fresh storage before each test and destroy it after, and returns
 * a function that gives the current test's storage.
 */
export function useFreshStorage<S extends Storage>(options: StorageContractOptions<S>): () => S {
  let current: S | undefined;

  beforeEach(async () => {
    current = await options.create();
  });
  afterEach(async () => {
    const storage = current;
    current = undefined;
    if (storage === undefined) return;

    await (options.destroy ? options.destroy(storage) : storage.close?.());
  });

  return () => {
    if (current === undefined)
      throw new AutomationsError(
        ErrorCode.InvalidArgument,
        'The storage is only available inside a test: call the getter from a test body or hook',
      );

    return current;
  };
}

/** Stores learners through the adapter's seeding function or its `LearnerStore`. */
export async function seed<S extends Storage>(
  options: StorageContractOptions<S>,
  storage: S,
  learners: readonly Learner[],
): Promise<void> {
  if (options.seedLearners) return options.seedLearners(storage, learners);
  if (isLearnerStore(storage.learners)) return storage.learners.upsertLearners({ learners });

  throw new AutomationsError(
    ErrorCode.InvalidArgument,
    'The learner source cannot be seeded: pass seedLearners, or set capabilities.learnerSeeding to false',
  );
}

/** Returns whether the suite can store learners in this adapter's source. */
export function canSeedLearners(options: Pick<StorageContractOptions, 'capabilities'>): boolean {
  return options.capabilities?.learnerSeeding ?? true;
}

import type { Automation } from '../model/automation.js';

/** An automation as stored, with the metadata the store keeps. */
export interface StoredAutomation extends Automation {
  /** Starts at 1 and grows by 1 on each update; an update must carry the version it read. */
  version: number;
  /** When the automation was created. */
  createdAt: Date;
  /** When the automation was last changed. */
  updatedAt: Date;
}

/** Arguments of {@link AutomationStore.list}. */
export interface ListAutomationsQuery {
  /** Case-insensitive substring of the name; empty or absent matches every automation. */
  search?: string | undefined;
  /** Rows to return: a safe integer, at least 1. */
  limit: number;
  /** Rows to skip: a safe integer, at least 0. */
  offset: number;
}

/** One page of automations with the number of automations that match the search. */
export interface AutomationPage {
  /** The automations of this page, sorted by name (case-insensitive), then by id. */
  items: StoredAutomation[];
  /** How many automations match the search across all pages. */
  total: number;
}

/**
 * Stores automations.
 *
 * Concurrency: every method MUST be safe to call concurrently. `update` MUST be a compare-and-set
 * on `version`: of two updates that carry the same version, exactly one succeeds.
 */
export interface AutomationStore {
  /**
   * Inserts a new automation with version 1.
   * MUST throw an `AutomationsError` with code `ALREADY_EXISTS` when the id is taken.
   */
  create(args: { automation: Automation; now: Date }): Promise<StoredAutomation>;

  /** Returns the automation with this id, or `undefined` when there is none. */
  get(args: { id: string }): Promise<StoredAutomation | undefined>;

  /**
   * Replaces an automation and increments its version.
   * MUST throw `NotFoundError` when the id is unknown, and `VersionConflictError` when the stored
   * version differs from `expectedVersion` because someone saved in between. It MUST NOT change
   * anything then.
   */
  update(args: {
    automation: Automation;
    expectedVersion: number;
    now: Date;
  }): Promise<StoredAutomation>;

  /** Deletes an automation. MUST throw `NotFoundError` when the id is unknown. */
  delete(args: { id: string }): Promise<void>;

  /**
   * Returns one page of automations, sorted by name (case-insensitive), then by id. MUST throw an
   * `AutomationsError` with code `INVALID_ARGUMENT` when `limit` or `offset` is not a safe integer
   * in range.
   */
  list(args: ListAutomationsQuery): Promise<AutomationPage>;
}

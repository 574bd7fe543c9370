import type { CalendarDate } from '../model/calendar-date.js';

/** Identifies one run: one automation on one run date. */
export interface RunKey {
  automationId: string;
  runDate: CalendarDate;
}

/** A claimed run. A `running` run whose lease has expired may be taken over. */
export interface RunRecord extends RunKey {
  status: 'running' | 'finished';
  /** Identifies the process that has (or last had) the claim. */
  holder: string;
  /** The claim lapses at this instant unless renewed. */
  leaseExpiresAt: Date;
  /** How many times the run was claimed, takeovers included. */
  claims: number;
  startedAt: Date;
  finishedAt?: Date | undefined;
  /** The run's report as JSON, written when it finished. */
  summary?: unknown;
}

/** Result of {@link RunStore.claim}. */
export type ClaimResult =
  | { outcome: 'claimed'; run: RunRecord; takenOver: boolean }
  | { outcome: 'held'; run: RunRecord }
  | { outcome: 'finished'; run: RunRecord };

/**
 * Claims runs so two processes never work the same run at once.
 *
 * Concurrency: `claim` MUST be atomic. Of concurrent claims of the same key, at most one returns
 * `claimed` while the lease is live. A claim of a `running` run whose lease expired (`now` at or
 * after `leaseExpiresAt`) MUST succeed with `takenOver: true`; a `finished` run MUST never be
 * claimed again.
 */
export interface RunStore {
  /** Claims a run for `holder` until `now + leaseMs`. See the concurrency contract. */
  claim(args: RunKey & { holder: string; leaseMs: number; now: Date }): Promise<ClaimResult>;

  /**
   * Extends the lease of a run this holder still holds. Returns false, changing nothing, when the
   * run is finished or held by someone else.
   */
  renew(args: RunKey & { holder: string; leaseMs: number; now: Date }): Promise<boolean>;

  /**
   * Marks a run finished with its summary. MUST throw an `AutomationsError` with code
   * `VERSION_CONFLICT` when another holder has taken the run over.
   */
  finish(args: RunKey & { holder: string; summary: unknown; now: Date }): Promise<RunRecord>;

  /** Returns the run for a key, or `undefined`. */
  get(args: RunKey): Promise<RunRecord | undefined>;
}

import type { SmsEncoding } from '../merge/sms-segments.js';
import type { CalendarDate } from '../model/calendar-date.js';

/**
 * State of one ledger entry. `reserved` is written before the transport is called and replaced by
 * `sent` or `failed` after. An entry still `reserved` after its run ended is in doubt, because the
 * process may have died after the provider accepted the message, so it is never sent again.
 */
export type LedgerStatus = 'reserved' | 'sent' | 'failed' | 'skipped';

/** Status the provider later reported for a sent message, for example through a callback. */
export type DeliveryStatus = 'queued' | 'sent' | 'delivered' | 'undelivered' | 'failed';

/** Identifies one message: one automation, one learner, one run date. */
export interface LedgerKey {
  automationId: string;
  learnerId: string;
  runDate: CalendarDate;
}

/** One message to one learner from one automation on one run date. */
export interface LedgerEntry extends LedgerKey {
  status: LedgerStatus;
  /** Transport calls made for this entry. */
  attempts: number;
  /** The provider's id for the message, when it returned one. */
  transportMessageId?: string | undefined;
  /** Reason the message failed or was skipped. */
  error?: string | undefined;
  /** The provider's code for the failure (SMTP reply code, Twilio error code). */
  errorCode?: string | undefined;
  /** Status the provider reported after sending, when it reports one. */
  deliveryStatus?: DeliveryStatus | undefined;
  /** For a sent SMS: the number of segments it was sent as. Absent for email. */
  segments?: number | undefined;
  /** For a sent SMS: the character encoding of the message. Absent for email. */
  encoding?: SmsEncoding | undefined;
  /** When the entry was reserved. */
  createdAt: Date;
  /** When the entry last changed. */
  updatedAt: Date;
}

/** Result of {@link DeliveryLedger.reserve}. */
export type ReserveResult =
  | { outcome: 'reserved'; entry: LedgerEntry }
  | { outcome: 'exists'; entry: LedgerEntry }
  | { outcome: 'maxMessagesReached'; count: number };

/**
 * Arguments of {@link DeliveryLedger.complete}. The runner gives `segments` and `encoding` for a
 * sent SMS only.
 */
export interface CompleteLedgerEntry extends LedgerKey {
  status: 'sent' | 'failed' | 'skipped';
  attempts: number;
  transportMessageId?: string | undefined;
  error?: string | undefined;
  errorCode?: string | undefined;
  segments?: number | undefined;
  encoding?: SmsEncoding | undefined;
  now: Date;
}

/**
 * The record of every message, which makes delivery exactly-once and is what Max Messages counts.
 *
 * Concurrency: `reserve` MUST be atomic. Of any number of concurrent `reserve` calls for the same
 * key, at most one returns `reserved` and the others return `exists`. With `maxMessages` given,
 * `reserve` MUST count the learner's entries for the automation in status `reserved` or `sent`
 * (any run date). It MUST return `maxMessagesReached` when that count is already `maxMessages`,
 * atomically with the insert, so concurrent runners never exceed the cap. Entries in status
 * `failed` or `skipped` do not count.
 */
export interface DeliveryLedger {
  /** Reserves the entry for a key before the transport is called. See the concurrency contract. */
  reserve(
    args: LedgerKey & { maxMessages?: number | null | undefined; now: Date },
  ): Promise<ReserveResult>;

  /**
   * Records the outcome of a reserved entry. MUST store `segments` and `encoding` when given and
   * return them from every later read of the entry (`get`, `listReserved`, `reserve`'s `exists`,
   * `recordDeliveryStatus`). An entry completed without them MUST have neither. MUST throw
   * `NotFoundError` when no entry exists for the key.
   */
  complete(args: CompleteLedgerEntry): Promise<LedgerEntry>;

  /** Returns the entry for a key, or `undefined`. */
  get(args: LedgerKey): Promise<LedgerEntry | undefined>;

  /** Returns how many entries of a learner for an automation are `sent` (any run date). */
  countSent(args: { automationId: string; learnerId: string }): Promise<number>;

  /** Returns the entries of one run still in status `reserved`, in learner id order. */
  listReserved(args: { automationId: string; runDate: CalendarDate }): Promise<LedgerEntry[]>;

  /**
   * Records a provider's later report on a sent message, found by its transport message id.
   * Returns the updated entry, or `undefined` when no entry has that id.
   */
  recordDeliveryStatus(args: {
    transportMessageId: string;
    deliveryStatus: DeliveryStatus;
    errorCode?: string | undefined;
    now: Date;
  }): Promise<LedgerEntry | undefined>;
}

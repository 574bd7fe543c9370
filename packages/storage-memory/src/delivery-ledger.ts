import {
  type DeliveryLedger,
  type LedgerEntry,
  type LedgerKey,
  NotFoundError,
} from '@pics/automations-core';
import { compositeKey, copy } from './clone.js';

/**
 * Creates a {@link DeliveryLedger} in memory. Each method does its check and its write without
 * yielding to the event loop, which is what makes `reserve` atomic in one process.
 */
export function createMemoryDeliveryLedger(): DeliveryLedger {
  // Entries of one learner for one automation, by run date, so Max Messages counts one small Map.
  const entriesByRecipient: RecipientEntries = new Map();
  const keysByMessageId = new Map<string, LedgerKey>();

  const find = (key: LedgerKey) => entriesOf(entriesByRecipient, key)?.get(key.runDate);

  return {
    async reserve({ maxMessages, now, ...key }) {
      const existing = find(key);
      if (existing !== undefined) return { outcome: 'exists', entry: copy(existing) };

      const entries = entriesOrNew(entriesByRecipient, key);
      const count = countCapped(entries);
      if (maxMessages !== undefined && maxMessages !== null && count >= maxMessages) {
        return { outcome: 'maxMessagesReached', count };
      }

      const entry = newEntry(key, now);
      entries.set(key.runDate, entry);

      return { outcome: 'reserved', entry: copy(entry) };
    },

    async complete({ now, status, attempts, transportMessageId, error, errorCode, ...rest }) {
      const { segments, encoding, ...key } = rest;
      const entry = find(key);
      if (entry === undefined) throw entryNotFound(key);

      const outcome = {
        status,
        attempts,
        transportMessageId,
        error,
        errorCode,
        segments,
        encoding,
      };
      Object.assign(entry, outcome);
      entry.updatedAt = new Date(now);
      if (transportMessageId !== undefined) {
        keysByMessageId.set(transportMessageId, copy(key));
      }

      return copy(entry);
    },

    async get(key) {
      const entry = find(key);

      return entry === undefined ? undefined : copy(entry);
    },

    async countSent(key) {
      const entries = entriesOf(entriesByRecipient, key);

      return [...(entries?.values() ?? [])].filter((entry) => entry.status === 'sent').length;
    },

    async listReserved({ automationId, runDate }) {
      return [...entriesByRecipient.values()]
        .map((entries) => entries.get(runDate))
        .filter((entry): entry is LedgerEntry => entry?.automationId === automationId)
        .filter((entry) => entry.status === 'reserved')
        .sort((a, b) => (a.learnerId < b.learnerId ? -1 : 1))
        .map(copy);
    },

    async recordDeliveryStatus({ transportMessageId, deliveryStatus, errorCode, now }) {
      const key = keysByMessageId.get(transportMessageId);
      const entry = key === undefined ? undefined : find(key);
      if (entry === undefined) return undefined;

      entry.deliveryStatus = deliveryStatus;
      if (errorCode !== undefined) entry.errorCode = errorCode;
      entry.updatedAt = new Date(now);

      return copy(entry);
    },
  };
}

type RecipientEntries = Map<string, Map<string, LedgerEntry>>;

function entriesOf(
  entriesByRecipient: RecipientEntries,
  key: { automationId: string; learnerId: string },
): Map<string, LedgerEntry> | undefined {
  return entriesByRecipient.get(compositeKey(key.automationId, key.learnerId));
}

function entriesOrNew(
  entriesByRecipient: RecipientEntries,
  key: LedgerKey,
): Map<string, LedgerEntry> {
  const recipient = compositeKey(key.automationId, key.learnerId);
  const existing = entriesByRecipient.get(recipient);
  if (existing !== undefined) return existing;

  const entries = new Map<string, LedgerEntry>();
  entriesByRecipient.set(recipient, entries);

  return entries;
}

// Max Messages counts messages sent and messages that may be in flight.
function countCapped(entries: Map<string, LedgerEntry>): number {
  let count = 0;
  for (const entry of entries.values()) {
    if (entry.status === 'reserved' || entry.status === 'sent') count += 1;
  }

  return count;
}

function newEntry(key: LedgerKey, now: Date): LedgerEntry {
  return {
    automationId: key.automationId,
    learnerId: key.learnerId,
    runDate: key.runDate,
    status: 'reserved',
    attempts: 0,
    createdAt: new Date(now),
    updatedAt: new Date(now),
  };
}

function entryNotFound(key: LedgerKey): NotFoundError {
  return new NotFoundError(
    `No ledger entry for automation "${key.automationId}", learner "${key.learnerId}" on ${key.runDate}: reserve it before completing it`,
  );
}

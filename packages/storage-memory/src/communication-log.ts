import type { CommunicationLog, CommunicationRecord } from '@pics/automations-core';
import { compositeKey, copy } from './clone.js';

/** Creates a {@link CommunicationLog} in memory that keeps the first record of each message. */
export function createMemoryCommunicationLog(): CommunicationLog {
  const keys = new Set<string>();
  const recordsByLearner = new Map<string, CommunicationRecord[]>();

  return {
    async write({ record }) {
      const key = compositeKey(record.automationId, record.learnerId, record.runDate);
      if (keys.has(key)) return;

      keys.add(key);
      const records = recordsByLearner.get(record.learnerId) ?? [];
      records.push(copy(record));
      recordsByLearner.set(record.learnerId, records);
    },

    async listForLearner({ learnerId }) {
      const records = recordsByLearner.get(learnerId) ?? [];

      // A stable sort keeps records sent at the same instant in the order they were written.
      return records.map(copy).sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime());
    },
  };
}

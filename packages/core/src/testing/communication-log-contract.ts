import { describe, expect, test } from 'vitest';
import type { CommunicationRecord } from '../ports/communication-log.js';
import type { Storage } from '../ports/storage.js';
import { CONTRACT_NOW, contractInstant } from './fixtures.js';

function record(overrides: Partial<CommunicationRecord> = {}): CommunicationRecord {
  return {
    automationId: 'a-1',
    learnerId: 'L01',
    runDate: '2026-12-07',
    channel: 'email',
    to: 'amara.okafor@example.com',
    subject: 'Your programme ends on 5 January 2027',
    body: '<p>Hello Amara,</p>',
    transportMessageId: 'msg-1',
    sentAt: CONTRACT_NOW,
    ...overrides,
  };
}

/** Registers the tests of the `CommunicationLog` contract. */
export function describeCommunicationLogContract(storage: () => Storage): void {
  describe('communication log', () => {
    test('write then list for learner', async () => {
      await storage().communications.write({ record: record() });

      const records = await storage().communications.listForLearner({ learnerId: 'L01' });

      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({ ...record(), sentAt: CONTRACT_NOW });
    });

    test('SMS record keeps segments and encoding', async () => {
      const sms = record({
        channel: 'sms',
        to: '+447400100001',
        subject: undefined,
        body: 'Hello Amara',
        segments: 2,
        encoding: 'GSM-7',
      });
      await storage().communications.write({ record: sms });

      const [stored] = await storage().communications.listForLearner({ learnerId: 'L01' });

      expect(stored?.segments).toBe(2);
      expect(stored?.encoding).toBe('GSM-7');
    });

    test('email record has no SMS size', async () => {
      await storage().communications.write({ record: record() });

      const [stored] = await storage().communications.listForLearner({ learnerId: 'L01' });

      expect(stored?.segments).toBeUndefined();
      expect(stored?.encoding).toBeUndefined();
    });

    test('repeated write keeps one record', async () => {
      await storage().communications.write({ record: record() });
      await storage().communications.write({ record: record({ transportMessageId: 'msg-2' }) });
      await Promise.all([
        storage().communications.write({ record: record() }),
        storage().communications.write({ record: record() }),
      ]);

      const records = await storage().communications.listForLearner({ learnerId: 'L01' });

      expect(records).toHaveLength(1);
    });

    test('list is oldest first', async () => {
      await storage().communications.write({
        record: record({ runDate: '2026-12-14', sentAt: contractInstant(7 * 86_400_000) }),
      });
      await storage().communications.write({ record: record() });
      await storage().communications.write({
        record: record({
          automationId: 'a-2',
          channel: 'sms',
          subject: undefined,
          sentAt: contractInstant(60_000),
        }),
      });

      const records = await storage().communications.listForLearner({ learnerId: 'L01' });

      expect(records.map((entry) => [entry.automationId, entry.runDate])).toEqual([
        ['a-1', '2026-12-07'],
        ['a-2', '2026-12-07'],
        ['a-1', '2026-12-14'],
      ]);
    });

    test('list excludes other learners', async () => {
      await storage().communications.write({ record: record({ learnerId: 'L02' }) });

      expect(await storage().communications.listForLearner({ learnerId: 'L01' })).toEqual([]);
    });
  });
}

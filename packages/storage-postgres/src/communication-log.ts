import type {
  CalendarDate,
  Channel,
  CommunicationLog,
  CommunicationRecord,
  SmsEncoding,
} from '@pics/automations-core';
import type { Database } from './database.js';

/** Dependencies of {@link createCommunicationLog}. */
export interface CommunicationLogContext {
  database: Database;
  /** Quoted schema name. */
  schema: string;
}

interface CommunicationRow {
  automation_id: string;
  learner_id: string;
  run_date: CalendarDate;
  channel: Channel;
  recipient: string;
  subject: string | null;
  body: string;
  transport_message_id: string | null;
  segments: number | null;
  encoding: SmsEncoding | null;
  sent_at: Date;
  [column: string]: unknown;
}

/**
 * Creates the communication log. A unique key on (automation, learner, run date) and
 * `ON CONFLICT DO NOTHING` make a repeated write keep the first record.
 */
export function createCommunicationLog(context: CommunicationLogContext): CommunicationLog {
  return {
    write: ({ record }) => writeRecord(context, record),
    listForLearner: ({ learnerId }) => listForLearner(context, learnerId),
  };
}

async function writeRecord(
  { database, schema }: CommunicationLogContext,
  record: CommunicationRecord,
): Promise<void> {
  await database.query(
    `INSERT INTO ${schema}.communications (automation_id, learner_id, run_date, channel,
       recipient, subject, body, transport_message_id, segments, encoding, sent_at)
     VALUES ($1, $2, $3::date, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (automation_id, learner_id, run_date) DO NOTHING`,
    [
      record.automationId,
      record.learnerId,
      record.runDate,
      record.channel,
      record.to,
      record.subject ?? null,
      record.body,
      record.transportMessageId ?? null,
      record.segments ?? null,
      record.encoding ?? null,
      record.sentAt,
    ],
  );
}

// Ties on sent_at keep the order of writing, through the identity column.
async function listForLearner(
  { database, schema }: CommunicationLogContext,
  learnerId: string,
): Promise<CommunicationRecord[]> {
  const rows = await database.query<CommunicationRow>(
    `SELECT * FROM ${schema}.communications WHERE learner_id = $1 ORDER BY sent_at, sequence`,
    [learnerId],
  );

  return rows.map(toRecord);
}

function toRecord(row: CommunicationRow): CommunicationRecord {
  const record: CommunicationRecord = {
    automationId: row.automation_id,
    learnerId: row.learner_id,
    runDate: row.run_date,
    channel: row.channel,
    to: row.recipient,
    body: row.body,
    sentAt: row.sent_at,
  };
  if (row.subject !== null) record.subject = row.subject;
  if (row.transport_message_id !== null) record.transportMessageId = row.transport_message_id;
  if (row.segments !== null) record.segments = row.segments;
  if (row.encoding !== null) record.encoding = row.encoding;

  return record;
}

import {
  type CalendarDate,
  type CompleteLedgerEntry,
  type DeliveryLedger,
  type DeliveryStatus,
  type LedgerEntry,
  type LedgerKey,
  type LedgerStatus,
  NotFoundError,
  type ReserveResult,
  type SmsEncoding,
} from '@pics/automations-core';
import type { Database, Queryable } from './database.js';
import { MESSAGE_PREFIX } from './errors.js';

/** Dependencies of {@link createDeliveryLedger}. */
export interface LedgerContext {
  database: Database;
  /** Quoted schema name. */
  schema: string;
}

interface LedgerRow {
  automation_id: string;
  learner_id: string;
  run_date: CalendarDate;
  status: LedgerStatus;
  attempts: number;
  transport_message_id: string | null;
  error: string | null;
  error_code: string | null;
  delivery_status: DeliveryStatus | null;
  segments: number | null;
  encoding: SmsEncoding | null;
  created_at: Date;
  updated_at: Date;
  [column: string]: unknown;
}

type ReserveArgs = LedgerKey & { maxMessages?: number | null | undefined; now: Date };

const KEY_MATCH = 'automation_id = $1 AND learner_id = $2 AND run_date = $3::date';

/**
 * Creates the delivery ledger: one row per (automation, learner, run date).
 *
 * `reserve` without a cap is one `INSERT … ON CONFLICT DO NOTHING`, atomic on the primary key.
 * With a cap, it first takes a transaction-scoped advisory lock on the (automation, learner)
 * pair, so the count of reserved and sent rows and the insert happen as one step across every
 * process that shares the database.
 */
export function createDeliveryLedger(context: LedgerContext): DeliveryLedger {
  return {
    reserve: (args) => reserve(context, args),
    complete: (args) => complete(context, args),
    get: (key) => getEntry(context.database, context.schema, key),
    countSent: (args) => countSent(context, args),
    listReserved: (args) => listReserved(context, args),
    recordDeliveryStatus: (args) => recordDeliveryStatus(context, args),
  };
}

async function reserve(context: LedgerContext, args: ReserveArgs): Promise<ReserveResult> {
  const { maxMessages } = args;
  if (maxMessages === undefined || maxMessages === null) {
    return insertOrReportExisting(context.database, context.schema, args);
  }

  return context.database.transaction(async (transaction) => {
    await transaction.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [
      args.automationId,
      args.learnerId,
    ]);
    const existing = await getEntry(transaction, context.schema, args);
    if (existing !== undefined) return { outcome: 'exists', entry: existing };

    const count = await countActive(transaction, context.schema, args);
    if (count >= maxMessages) return { outcome: 'maxMessagesReached', count };

    return insertOrReportExisting(transaction, context.schema, args);
  });
}

async function insertOrReportExisting(
  client: Queryable,
  schema: string,
  args: ReserveArgs,
): Promise<ReserveResult> {
  const rows = await client.query<LedgerRow>(
    `INSERT INTO ${schema}.ledger
       (automation_id, learner_id, run_date, status, attempts, created_at, updated_at)
     VALUES ($1, $2, $3::date, 'reserved', 0, $4, $4)
     ON CONFLICT DO NOTHING RETURNING *`,
    [args.automationId, args.learnerId, args.runDate, args.now],
  );
  if (rows[0] !== undefined) return { outcome: 'reserved', entry: toLedgerEntry(rows[0]) };

  // Rows are never deleted, so the row that won the conflict is still there to read.
  const existing = await getEntry(client, schema, args);

  return { outcome: 'exists', entry: existing as LedgerEntry };
}

async function countActive(
  client: Queryable,
  schema: string,
  { automationId, learnerId }: { automationId: string; learnerId: string },
): Promise<number> {
  const rows = await client.query<{ count: number }>(
    `SELECT count(*)::integer AS count FROM ${schema}.ledger
     WHERE automation_id = $1 AND learner_id = $2 AND status IN ('reserved', 'sent')`,
    [automationId, learnerId],
  );

  return rows[0]?.count ?? 0;
}

async function complete(
  { database, schema }: LedgerContext,
  args: CompleteLedgerEntry,
): Promise<LedgerEntry> {
  const rows = await database.query<LedgerRow>(
    `UPDATE ${schema}.ledger
     SET status = $4, attempts = $5, transport_message_id = $6, error = $7, error_code = $8,
         segments = $9, encoding = $10, updated_at = $11
     WHERE ${KEY_MATCH} RETURNING *`,
    [
      args.automationId,
      args.learnerId,
      args.runDate,
      args.status,
      args.attempts,
      args.transportMessageId ?? null,
      args.error ?? null,
      args.errorCode ?? null,
      args.segments ?? null,
      args.encoding ?? null,
      args.now,
    ],
  );
  if (rows[0] === undefined) {
    throw new NotFoundError(
      `${MESSAGE_PREFIX} no ledger entry for automation "${args.automationId}", learner "${args.learnerId}" on ${args.runDate}: reserve it before completing it.`,
    );
  }

  return toLedgerEntry(rows[0]);
}

async function getEntry(
  client: Queryable,
  schema: string,
  key: LedgerKey,
): Promise<LedgerEntry | undefined> {
  const rows = await client.query<LedgerRow>(`SELECT * FROM ${schema}.ledger WHERE ${KEY_MATCH}`, [
    key.automationId,
    key.learnerId,
    key.runDate,
  ]);

  return rows[0] === undefined ? undefined : toLedgerEntry(rows[0]);
}

async function countSent(
  { database, schema }: LedgerContext,
  { automationId, learnerId }: { automationId: string; learnerId: string },
): Promise<number> {
  const rows = await database.query<{ count: number }>(
    `SELECT count(*)::integer AS count FROM ${schema}.ledger
     WHERE automation_id = $1 AND learner_id = $2 AND status = 'sent'`,
    [automationId, learnerId],
  );

  return rows[0]?.count ?? 0;
}

async function listReserved(
  { database, schema }: LedgerContext,
  { automationId, runDate }: { automationId: string; runDate: CalendarDate },
): Promise<LedgerEntry[]> {
  const rows = await database.query<LedgerRow>(
    `SELECT * FROM ${schema}.ledger
     WHERE automation_id = $1 AND run_date = $2::date AND status = 'reserved'
     ORDER BY learner_id`,
    [automationId, runDate],
  );

  return rows.map(toLedgerEntry);
}

// A provider id should be unique; should two entries share one, the latest changed is updated.
async function recordDeliveryStatus(
  { database, schema }: LedgerContext,
  args: {
    transportMessageId: string;
    deliveryStatus: DeliveryStatus;
    errorCode?: string | undefined;
    now: Date;
  },
): Promise<LedgerEntry | undefined> {
  const rows = await database.query<LedgerRow>(
    `UPDATE ${schema}.ledger
     SET delivery_status = $2, error_code = coalesce($3, error_code), updated_at = $4
     WHERE (automation_id, learner_id, run_date) = (
       SELECT automation_id, learner_id, run_date FROM ${schema}.ledger
       WHERE transport_message_id = $1 ORDER BY updated_at DESC LIMIT 1
     ) RETURNING *`,
    [args.transportMessageId, args.deliveryStatus, args.errorCode ?? null, args.now],
  );

  return rows[0] === undefined ? undefined : toLedgerEntry(rows[0]);
}

function toLedgerEntry(row: LedgerRow): LedgerEntry {
  const entry: LedgerEntry = {
    automationId: row.automation_id,
    learnerId: row.learner_id,
    runDate: row.run_date,
    status: row.status,
    attempts: row.attempts,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (row.transport_message_id !== null) entry.transportMessageId = row.transport_message_id;
  if (row.error !== null) entry.error = row.error;
  if (row.error_code !== null) entry.errorCode = row.error_code;
  if (row.delivery_status !== null) entry.deliveryStatus = row.delivery_status;
  if (row.segments !== null) entry.segments = row.segments;
  if (row.encoding !== null) entry.encoding = row.encoding;

  return entry;
}

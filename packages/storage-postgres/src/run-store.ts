import {
  type CalendarDate,
  type ClaimResult,
  NotFoundError,
  type RunKey,
  type RunRecord,
  type RunStore,
  VersionConflictError,
} from '@pics/automations-core';
import type { Database } from './database.js';
import { MESSAGE_PREFIX } from './errors.js';

/** Dependencies of {@link createRunStore}. */
export interface RunStoreContext {
  database: Database;
  /** Quoted schema name. */
  schema: string;
}

interface RunRow {
  automation_id: string;
  run_date: CalendarDate;
  status: 'running' | 'finished';
  holder: string;
  lease_expires_at: Date;
  claims: number;
  started_at: Date;
  finished_at: Date | null;
  summary: unknown;
  [column: string]: unknown;
}

type LeaseArgs = RunKey & { holder: string; leaseMs: number; now: Date };

const KEY_MATCH = 'automation_id = $1 AND run_date = $2::date';

/**
 * Creates the run store. A claim is one `INSERT … ON CONFLICT DO UPDATE … WHERE` statement that
 * takes over only a running run whose lease has expired, so of concurrent claims at most one
 * wins. Every instant comes from the caller's `now`, never from the database clock.
 */
export function createRunStore(context: RunStoreContext): RunStore {
  return {
    claim: (args) => claim(context, args),
    renew: (args) => renew(context, args),
    finish: (args) => finish(context, args),
    get: (key) => getRun(context, key),
  };
}

async function claim(context: RunStoreContext, args: LeaseArgs): Promise<ClaimResult> {
  const rows = await context.database.query<RunRow>(
    `INSERT INTO ${context.schema}.runs AS runs
       (automation_id, run_date, status, holder, lease_expires_at, claims, started_at)
     VALUES ($1, $2::date, 'running', $3, $4, 1, $5)
     ON CONFLICT (automation_id, run_date) DO UPDATE
     SET holder = EXCLUDED.holder, lease_expires_at = EXCLUDED.lease_expires_at,
         claims = runs.claims + 1
     WHERE runs.status = 'running' AND runs.lease_expires_at <= $5
     RETURNING *`,
    [args.automationId, args.runDate, args.holder, leaseEnd(args), args.now],
  );
  if (rows[0] !== undefined) {
    const run = toRunRecord(rows[0]);

    return { outcome: 'claimed', run, takenOver: run.claims > 1 };
  }

  // The conflicting row exists and rows are never deleted, so it can be read back.
  const run = (await getRun(context, args)) as RunRecord;

  return run.status === 'finished' ? { outcome: 'finished', run } : { outcome: 'held', run };
}

async function renew({ database, schema }: RunStoreContext, args: LeaseArgs): Promise<boolean> {
  const rows = await database.query(
    `UPDATE ${schema}.runs SET lease_expires_at = $4
     WHERE ${KEY_MATCH} AND holder = $3 AND status = 'running' RETURNING claims`,
    [args.automationId, args.runDate, args.holder, leaseEnd(args)],
  );

  return rows.length > 0;
}

async function finish(
  context: RunStoreContext,
  args: RunKey & { holder: string; summary: unknown; now: Date },
): Promise<RunRecord> {
  const rows = await context.database.query<RunRow>(
    `UPDATE ${context.schema}.runs
     SET status = 'finished', finished_at = $4, summary = $5::jsonb
     WHERE ${KEY_MATCH} AND holder = $3 AND status = 'running' RETURNING *`,
    [args.automationId, args.runDate, args.holder, args.now, JSON.stringify(args.summary ?? null)],
  );
  if (rows[0] !== undefined) return toRunRecord(rows[0]);

  return explainUnfinished(context, args);
}

// The update matched nothing: the run is unknown, held by someone else, or already finished.
async function explainUnfinished(
  context: RunStoreContext,
  args: RunKey & { holder: string },
): Promise<RunRecord> {
  const run = await getRun(context, args);
  const where = `automation "${args.automationId}" on ${args.runDate}`;
  if (run === undefined) {
    throw new NotFoundError(`${MESSAGE_PREFIX} no run of ${where}: claim it before finishing it.`);
  }
  if (run.holder === args.holder) return run;

  throw new VersionConflictError(
    `${MESSAGE_PREFIX} the run of ${where} was taken over by "${run.holder}" after the lease of "${args.holder}" expired: renew the lease more often than it lasts.`,
    run.claims,
  );
}

async function getRun(
  { database, schema }: RunStoreContext,
  key: RunKey,
): Promise<RunRecord | undefined> {
  const rows = await database.query<RunRow>(`SELECT * FROM ${schema}.runs WHERE ${KEY_MATCH}`, [
    key.automationId,
    key.runDate,
  ]);

  return rows[0] === undefined ? undefined : toRunRecord(rows[0]);
}

function leaseEnd({ now, leaseMs }: { now: Date; leaseMs: number }): Date {
  return new Date(now.getTime() + leaseMs);
}

function toRunRecord(row: RunRow): RunRecord {
  const run: RunRecord = {
    automationId: row.automation_id,
    runDate: row.run_date,
    status: row.status,
    holder: row.holder,
    leaseExpiresAt: row.lease_expires_at,
    claims: row.claims,
    startedAt: row.started_at,
  };
  if (row.finished_at !== null) run.finishedAt = row.finished_at;
  if (row.summary !== null) run.summary = row.summary;

  return run;
}

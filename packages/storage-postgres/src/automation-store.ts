import {
  type Automation,
  type AutomationPage,
  type AutomationStore,
  AutomationsError,
  ErrorCode,
  type ListAutomationsQuery,
  NotFoundError,
  type StoredAutomation,
  VersionConflictError,
} from '@pics/automations-core';
import type { Database } from './database.js';
import { MESSAGE_PREFIX } from './errors.js';

/** Dependencies of {@link createAutomationStore}. */
export interface AutomationStoreContext {
  database: Database;
  /** Quoted schema name. */
  schema: string;
}

interface AutomationRow {
  document: Automation;
  version: number;
  created_at: Date;
  updated_at: Date;
  [column: string]: unknown;
}

const RETURNING = 'RETURNING document, version, created_at, updated_at';

/**
 * Creates the automation store. Each automation is one row holding the automation JSON as
 * `jsonb`, its name in its own column for search and sorting, and the version that makes
 * `update` a compare-and-set.
 */
export function createAutomationStore(context: AutomationStoreContext): AutomationStore {
  return {
    create: (args) => createAutomation(context, args),
    get: ({ id }) => getAutomation(context, id),
    update: (args) => updateAutomation(context, args),
    delete: ({ id }) => deleteAutomation(context, id),
    list: (query) => listAutomations(context, query),
  };
}

async function createAutomation(
  { database, schema }: AutomationStoreContext,
  { automation, now }: { automation: Automation; now: Date },
): Promise<StoredAutomation> {
  requireNoNul(automation);
  const rows = await database.query<AutomationRow>(
    `INSERT INTO ${schema}.automations (id, name, document, version, created_at, updated_at)
     VALUES ($1, $2, $3::jsonb, 1, $4, $4)
     ON CONFLICT (id) DO NOTHING ${RETURNING}`,
    [automation.id, automation.name, JSON.stringify(automation), now],
  );
  if (rows[0] === undefined) {
    throw new AutomationsError(
      ErrorCode.AlreadyExists,
      `${MESSAGE_PREFIX} automation "${automation.id}" already exists: choose another id or update it instead.`,
    );
  }

  return toStoredAutomation(rows[0]);
}

async function getAutomation(
  { database, schema }: AutomationStoreContext,
  id: string,
): Promise<StoredAutomation | undefined> {
  if (id.includes(NUL)) return undefined;

  const rows = await database.query<AutomationRow>(
    `SELECT document, version, created_at, updated_at FROM ${schema}.automations WHERE id = $1`,
    [id],
  );

  return rows[0] === undefined ? undefined : toStoredAutomation(rows[0]);
}

async function updateAutomation(
  context: AutomationStoreContext,
  args: { automation: Automation; expectedVersion: number; now: Date },
): Promise<StoredAutomation> {
  const { automation, expectedVersion, now } = args;
  requireNoNul(automation);
  const rows = await context.database.query<AutomationRow>(
    `UPDATE ${context.schema}.automations
     SET name = $2, document = $3::jsonb, version = version + 1, updated_at = $4
     WHERE id = $1 AND version = $5 ${RETURNING}`,
    [automation.id, automation.name, JSON.stringify(automation), now, expectedVersion],
  );
  if (rows[0] !== undefined) return toStoredAutomation(rows[0]);

  const current = await getAutomation(context, automation.id);
  if (current === undefined) throw automationNotFound(automation.id);

  throw new VersionConflictError(
    `${MESSAGE_PREFIX} automation "${automation.id}" is at version ${current.version}, not ${expectedVersion}: someone saved it in between, so reload it and apply the change again.`,
    current.version,
  );
}

async function deleteAutomation(
  { database, schema }: AutomationStoreContext,
  id: string,
): Promise<void> {
  const rows = await database.query(
    `DELETE FROM ${schema}.automations WHERE id = $1 RETURNING id`,
    [id],
  );
  if (rows.length === 0) throw automationNotFound(id);
}

// Postgres text cannot hold NUL, so no stored id or name contains it, and the server rejects a
// parameter that does: lookups with it find nothing instead of failing.
const NUL = '\u0000';

function requireNoNul(automation: Automation): void {
  if (!containsNul(automation)) return;

  throw new AutomationsError(
    ErrorCode.InvalidArgument,
    `${MESSAGE_PREFIX} automation "${automation.id.replaceAll(NUL, '\\0')}" contains the NUL character (U+0000), which Postgres cannot store: remove it from the automation's text.`,
  );
}

function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  if (typeof value !== 'object' || value === null) return false;

  return Object.values(value).some(containsNul);
}

// strpos, not LIKE, so `%` and `_` in the search text are plain characters.
async function listAutomations(
  { database, schema }: AutomationStoreContext,
  { search, limit, offset }: ListAutomationsQuery,
): Promise<AutomationPage> {
  requirePaging('limit', limit, 1);
  requirePaging('offset', offset, 0);
  if (search?.includes(NUL)) return { items: [], total: 0 };
  const condition = 'strpos(lower(name), lower($1::text)) > 0';
  const searchText = search ?? '';
  const rows = await database.query<AutomationRow>(
    `SELECT document, version, created_at, updated_at FROM ${schema}.automations
     WHERE ${condition} ORDER BY lower(name) COLLATE "C", id LIMIT $2 OFFSET $3`,
    [searchText, limit, offset],
  );
  const counts = await database.query<{ total: number }>(
    `SELECT count(*)::integer AS total FROM ${schema}.automations WHERE ${condition}`,
    [searchText],
  );

  return { items: rows.map(toStoredAutomation), total: counts[0]?.total ?? 0 };
}

// Checked here because Postgres rejects a negative or too large LIMIT or OFFSET with a driver
// error, and rounds a fraction instead of rejecting it.
function requirePaging(name: 'limit' | 'offset', value: number, minimum: number): void {
  if (Number.isSafeInteger(value) && value >= minimum) return;

  throw new AutomationsError(
    ErrorCode.InvalidArgument,
    `${MESSAGE_PREFIX} invalid list ${name} ${String(value)}: pass a whole number of rows, at least ${minimum}`,
  );
}

function toStoredAutomation(row: AutomationRow): StoredAutomation {
  return {
    ...row.document,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function automationNotFound(id: string): NotFoundError {
  return new NotFoundError(
    `${MESSAGE_PREFIX} automation "${id}" not found: check the id, or create the automation first.`,
  );
}

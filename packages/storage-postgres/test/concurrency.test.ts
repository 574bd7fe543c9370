import { addDays } from '@pics/automations-core';
import pg from 'pg';
import { afterEach, describe, expect, test } from 'vitest';
import { createPostgresStorage, type PostgresStorage } from '../src/index.js';
import { migrateSchema } from '../src/migrate.js';
import { initialSchema } from '../src/migrations/001-initial-schema.js';
import { configuredTarget, randomSchemaName, useTestDatabase } from './test-database.js';

const NOW = new Date('2026-12-07T05:00:00.000Z');
const RUN_DATE = '2026-12-07';

const database = useTestDatabase();
const opened: PostgresStorage[] = [];
const pools: pg.Pool[] = [];

// A connection of its own on the server, as another process would have; on PGlite the one
// embedded connection, shared.
function freshConnection(): { pool: pg.Pool } | ReturnType<typeof database.connection> {
  if (configuredTarget === 'pglite') return database.connection();

  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  pools.push(pool);

  return { pool };
}

function openStorage(schema: string): PostgresStorage {
  const storage = createPostgresStorage({ ...freshConnection(), schema });
  opened.push(storage);

  return storage;
}

// Two storages on one migrated schema, each with its own pool.
async function openTwoStorages(): Promise<[PostgresStorage, PostgresStorage]> {
  const schema = randomSchemaName();
  const pair: [PostgresStorage, PostgresStorage] = [openStorage(schema), openStorage(schema)];
  await pair[0].migrate();

  return pair;
}

afterEach(async () => {
  const schemas = new Set(opened.map((storage) => storage.schema));
  for (const schema of schemas) {
    await opened[0]?.database.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  }
  for (const storage of opened.splice(0)) await storage.close();
  for (const pool of pools.splice(0)) await pool.end();
});

describe(`concurrent storages (${database.target})`, () => {
  test('same keys: one reserved per key', async () => {
    const storages = await openTwoStorages();
    const learnerIds = Array.from({ length: 40 }, (_, index) => `L${index}`);

    const results = await Promise.all(
      storages.flatMap((storage) =>
        learnerIds.map((learnerId) =>
          storage.ledger.reserve({ automationId: 'a-1', learnerId, runDate: RUN_DATE, now: NOW }),
        ),
      ),
    );

    const reserved = results.filter((result) => result.outcome === 'reserved');
    expect(reserved).toHaveLength(learnerIds.length);
    const reservedIds = new Set(
      reserved.map((result) => (result.outcome === 'reserved' ? result.entry.learnerId : '')),
    );
    expect(reservedIds.size).toBe(learnerIds.length);
  });

  test('maxMessages 3 across run dates', async () => {
    const storages = await openTwoStorages();
    const runDates = Array.from({ length: 10 }, (_, days) => addDays(RUN_DATE, days));

    const results = await Promise.all(
      storages.flatMap((storage) =>
        runDates.flatMap((runDate) =>
          [1, 2].map(() =>
            storage.ledger.reserve({
              automationId: 'a-1',
              learnerId: 'L1',
              runDate,
              maxMessages: 3,
              now: NOW,
            }),
          ),
        ),
      ),
    );

    const reserved = results.filter((result) => result.outcome === 'reserved');
    expect(reserved).toHaveLength(3);
    const [storage] = storages;
    const active = await storage.database.query<{ count: number }>(
      `SELECT count(*)::integer AS count FROM "${storage.schema}".ledger
       WHERE status IN ('reserved', 'sent')`,
    );
    expect(active[0]?.count).toBe(3);
  });

  test('claims from two storages: one wins', async () => {
    const storages = await openTwoStorages();

    const results = await Promise.all(
      storages.flatMap((storage, index) =>
        Array.from({ length: 10 }, () =>
          storage.runs.claim({
            automationId: 'a-1',
            runDate: RUN_DATE,
            holder: `process-${index}`,
            leaseMs: 60_000,
            now: NOW,
          }),
        ),
      ),
    );

    expect(results.filter((result) => result.outcome === 'claimed')).toHaveLength(1);
  });
});

describe(`migrations (${database.target})`, () => {
  test('concurrent migrate applies once', async () => {
    const schema = randomSchemaName();
    const first = openStorage(schema);
    const second = openStorage(schema);

    const results = await Promise.all([first.migrate(), second.migrate()]);

    const applied = results.flatMap((result) => result.applied);
    expect(applied).toEqual([1, 2]);
  });

  test('rerun is a no-op', async () => {
    const storage = await database.createStorage();
    opened.push(storage);

    const again = await storage.migrate();

    expect(again.applied).toEqual([]);
  });

  test('migrations table lists each version once', async () => {
    const storage = await database.createStorage();
    opened.push(storage);
    await Promise.all([storage.migrate(), storage.migrate()]);

    const rows = await storage.database.query<{ version: number }>(
      `SELECT version FROM "${storage.schema}".schema_migrations ORDER BY version`,
    );

    expect(rows.map((row) => row.version)).toEqual([1, 2]);
  });
});

// A schema as a release with only the first migration left it.
async function openVersionOneStorage(schema: string): Promise<PostgresStorage> {
  const storage = openStorage(schema);
  await migrateSchema(storage.database, schema, `"${schema}"`, [initialSchema]);

  return storage;
}

describe(`upgrade from version 1 (${database.target})`, () => {
  const key = { automationId: 'a-1', learnerId: 'L1', runDate: RUN_DATE };

  test('migrate applies version 2 only', async () => {
    const storage = await openVersionOneStorage(randomSchemaName());

    const result = await storage.migrate();

    expect(result.applied).toEqual([2]);
  });

  test('concurrent upgrade applies once', async () => {
    const schema = randomSchemaName();
    await openVersionOneStorage(schema);
    const storages = [openStorage(schema), openStorage(schema)];

    const results = await Promise.all(storages.map((storage) => storage.migrate()));

    expect(results.flatMap((result) => result.applied)).toEqual([2]);
  });

  test('entry reserved before upgrade completes', async () => {
    const storage = await openVersionOneStorage(randomSchemaName());
    await storage.ledger.reserve({ ...key, now: NOW });
    await storage.migrate();

    const reserved = await storage.ledger.get(key);
    await storage.ledger.complete({
      ...key,
      status: 'sent',
      attempts: 1,
      segments: 2,
      encoding: 'GSM-7',
      now: NOW,
    });
    const sent = await storage.ledger.get(key);

    expect(reserved?.segments).toBeUndefined();
    expect(sent?.segments).toBe(2);
    expect(sent?.encoding).toBe('GSM-7');
  });

  test('encoding column rejects other values', async () => {
    const storage = await openVersionOneStorage(randomSchemaName());
    await storage.ledger.reserve({ ...key, now: NOW });
    await storage.migrate();

    const update = storage.database.query(
      `UPDATE "${storage.schema}".ledger SET encoding = 'UTF-8'`,
    );

    await expect(update).rejects.toThrow(/check constraint/);
  });
});

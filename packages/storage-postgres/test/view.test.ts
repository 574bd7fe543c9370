import { parseFilters } from '@pics/automations-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createPostgresStorage, type PostgresStorage } from '../src/index.js';
import { randomSchemaName, useTestDatabase } from './test-database.js';

const database = useTestDatabase();
const hostSchema = randomSchemaName();
let storage: PostgresStorage;
let viewStorage: PostgresStorage;

// A host's own table, with its own names and types, mapped through a view with the reference
// table's columns, as the README describes.
const HOST_SQL = [
  `CREATE SCHEMA "${hostSchema}"`,
  `CREATE TABLE "${hostSchema}".people (
    ref integer PRIMARY KEY,
    given_name text NOT NULL,
    family_name text NOT NULL,
    email_address text,
    created timestamptz NOT NULL,
    started date,
    labels text
  )`,
  `INSERT INTO "${hostSchema}".people VALUES
    (1, 'Amara', 'Okafor', 'amara@example.com', '2026-08-20 10:00+00', '2026-09-01', 'Priority,VIP'),
    (2, 'Ben', 'Hughes', NULL, '2026-11-15 09:00+00', NULL, NULL),
    (10, 'Chloe', 'Price', 'chloe@example.org', '2026-01-02 08:00+00', '2026-02-01', 'VIP')`,
  `CREATE VIEW "${hostSchema}".learner_view AS SELECT
    ('P' || ref) COLLATE "C" AS id,
    given_name AS first_name,
    family_name AS last_name,
    email_address AS email,
    NULL::text AS mobile,
    ARRAY['email']::text[] AS allowed_contact_methods,
    created::date AS entered_on,
    started AS start_date,
    NULL::date AS expected_end_date,
    NULL::date AS actual_end_date,
    NULL::text AS programme,
    NULL::text AS funding_organisation,
    coalesce(string_to_array(labels, ','), '{}') AS tags,
    '{}'::text[] AS sites,
    '{}'::text[] AS qualification_plans,
    '{}'::text[] AS contracts,
    '[]'::jsonb AS officers,
    '[]'::jsonb AS organisations,
    '[]'::jsonb AS breaks_in_learning,
    NULL::text AS ilr_export_status,
    NULL::text AS as_status,
    NULL::boolean AS self_assessed_disability,
    NULL::text AS provider_end_code,
    NULL::text AS provider_destination,
    '{}'::text[] AS file_types,
    '{}'::jsonb AS fields
  FROM "${hostSchema}".people`,
];

beforeAll(async () => {
  storage = await database.createStorage();
  for (const statement of HOST_SQL) await storage.database.query(statement);
  viewStorage = createPostgresStorage({
    ...database.connection(),
    schema: storage.schema,
    learnersTable: `${hostSchema}.learner_view`,
  });
});
afterAll(async () => {
  await storage.database.query(`DROP SCHEMA "${hostSchema}" CASCADE`);
  await database.destroyStorage(storage);
});

async function findIds(raw: unknown): Promise<string[]> {
  const ids: string[] = [];
  const query = { filters: parseFilters(raw), runDate: '2026-12-07' };
  for await (const learner of viewStorage.learners.findLearners(query)) ids.push(learner.id);

  return ids;
}

test('view yields every learner', async () => {
  expect(await findIds({})).toEqual(['P1', 'P10', 'P2']);
});

test('view filters by tag', async () => {
  expect(await findIds({ tags: { match: 'all', values: ['VIP'] } })).toEqual(['P1', 'P10']);
});

test('view filters by status', async () => {
  expect(await findIds({ episodeStatus: 'yetToStart' })).toEqual(['P2']);
});

test('view maps a learner', async () => {
  const learner = await viewStorage.learners.getLearner({ id: 'P1' });

  expect(learner).toMatchObject({
    firstName: 'Amara',
    enteredOn: '2026-08-20',
    startDate: '2026-09-01',
    tags: ['Priority', 'VIP'],
  });
});

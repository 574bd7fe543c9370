import {
  AutomationsError,
  compileFilters,
  ErrorCode,
  type Filters,
  type Learner,
  parseFilters,
} from '@pics/automations-core';
import { CONTRACT_NOW, sampleAutomation, sampleLearner } from '@pics/automations-core/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compileFiltersToSql, createPostgresStorage, type PostgresStorage } from '../src/index.js';
import { useTestDatabase } from './test-database.js';

const RUN_DATE = '2026-12-07';

// Text that breaks SQL built by concatenation: quotes, comment and statement separators,
// placeholders, backslashes, dollar quoting and characters outside ASCII.
const HOSTILE = [
  "O'Brien",
  "'; DROP TABLE learners; --",
  '" OR 1=1 --',
  '$1',
  '$$ || pg_sleep(1) || $$',
  'back\\slash\\',
  '%_*',
  'Ünïcödé ✓ 学生 🚀',
  '{"id": "x"}',
  '}{,"',
];

const database = useTestDatabase();
let storage: PostgresStorage;
let learners: Learner[];

beforeAll(async () => {
  storage = await database.createStorage();
  learners = HOSTILE.map((value, index) =>
    sampleLearner({
      id: `${value}#${index}`,
      tags: [value],
      sites: [value],
      programme: value,
      providerEndCode: value,
      officers: [{ id: value, relationship: value }],
      breaksInLearning: [],
      fields: { note: value },
    }),
  );
  await storage.learners.upsertLearners({ learners });
});
afterAll(() => database.destroyStorage(storage));

async function findIds(filters: Filters): Promise<string[]> {
  const ids: string[] = [];
  for await (const learner of storage.learners.findLearners({ filters, runDate: RUN_DATE })) {
    ids.push(learner.id);
  }

  return ids;
}

function expectedIds(filters: Filters): string[] {
  return learners
    .filter(compileFilters(filters, { runDate: RUN_DATE }))
    .map((learner) => learner.id)
    .sort();
}

const hostileFilters: [string, (value: string) => unknown][] = [
  ['tags any', (value) => ({ tags: { match: 'any', values: [value] } })],
  ['tags none', (value) => ({ tags: { match: 'none', values: [value] } })],
  ['sites anyOf', (value) => ({ sites: { match: 'anyOf', values: [value] } })],
  ['programmes', (value) => ({ programmes: [value] })],
  ['end codes noneOf', (value) => ({ providerEndCodes: { match: 'noneOf', values: [value] } })],
  ['officer with relationship', (value) => ({ officer: { id: value, relationship: value } })],
  ['officer by id', (value) => ({ officer: { id: value } })],
];

describe('hostile filter values', () => {
  for (const [name, build] of hostileFilters) {
    test.each(HOSTILE)(`${name}: %s`, async (value) => {
      const filters = parseFilters(build(value));

      const found = await findIds(filters);

      expect(found).toEqual(expectedIds(filters));
    });
  }

  test('learners table survives', async () => {
    expect(await storage.learners.countLearners()).toBe(HOSTILE.length);
  });

  test('hostile values round-trip', async () => {
    const stored = await storage.learners.getLearner({ id: learners[1]?.id ?? '' });

    expect(stored).toEqual(learners[1]);
  });

  test('SQL text ignores the values', () => {
    const compile = (value: string) =>
      compileFiltersToSql(
        parseFilters({
          tags: { match: 'any', values: [value] },
          officer: { id: value },
          programmes: [value],
        }),
        RUN_DATE,
      );
    const plain = compile('plain');

    for (const value of HOSTILE) {
      expect(compile(value).sql).toBe(plain.sql);
    }
  });

  test('values travel as parameters', () => {
    const condition = compileFiltersToSql(parseFilters({ programmes: [HOSTILE[1]] }), RUN_DATE);

    expect(condition.params).toEqual([[HOSTILE[1]]]);
  });
});

describe('NUL characters', () => {
  test('create with NUL rejects', async () => {
    // Core's validation rejects NUL, so the automation is built past it, as a host might.
    const automation = { ...sampleAutomation({ id: 'nul-1' }), body: 'Hello\u0000' };
    const create = storage.automations.create({ automation, now: CONTRACT_NOW });

    await expect(create).rejects.toMatchObject({ code: ErrorCode.InvalidArgument });
  });

  test('update with NUL rejects', async () => {
    const automation = sampleAutomation({ id: 'nul-2' });
    await storage.automations.create({ automation, now: CONTRACT_NOW });
    const update = storage.automations.update({
      automation: { ...automation, name: 'a\u0000b' },
      expectedVersion: 1,
      now: CONTRACT_NOW,
    });

    await expect(update).rejects.toMatchObject({ code: ErrorCode.InvalidArgument });
  });
});

describe('identifier options', () => {
  const invalidNames = [
    'bad"name',
    'a; DROP SCHEMA public',
    '1starts_with_digit',
    '',
    'has space',
    'x'.repeat(64),
    'ünïcode',
  ];

  test.each(invalidNames)('schema %j rejected', (schema) => {
    const create = () => createPostgresStorage({ ...database.connection(), schema });

    expect(create).toThrow(AutomationsError);
  });

  test('schema error names option', () => {
    const create = () => createPostgresStorage({ ...database.connection(), schema: 'bad"name' });

    expect(create).toThrow(/schema/);
  });

  test('schema error has invalid-argument code', () => {
    const create = () => createPostgresStorage({ ...database.connection(), schema: 'bad"name' });

    expect(create).toThrow(expect.objectContaining({ code: ErrorCode.InvalidArgument }));
  });

  test.each(['a.b.c', 'host."view"', 'learners; --'])('learnersTable %j rejected', (table) => {
    const create = () => createPostgresStorage({ ...database.connection(), learnersTable: table });

    expect(create).toThrow(AutomationsError);
  });

  test('two connection options rejected', () => {
    const create = () =>
      createPostgresStorage({ connectionString: 'postgres://localhost/x', pglite: {} });

    expect(create).toThrow(/connectionString and pglite/);
  });

  test.each([0, -1, 1.5, Number.NaN])('batchSize %s rejected', (batchSize) => {
    const create = () => createPostgresStorage({ ...database.connection(), batchSize });

    expect(create).toThrow(/batchSize/);
  });
});

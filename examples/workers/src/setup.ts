import { type Learner, parseAutomation, parseLearner } from '@pics/automations-core';
import { createPostgresStorage, type PostgresStorage } from '@pics/automations-storage-postgres';

/** Connection string of the example's database: `DATABASE_URL`, or the local server. */
export const DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** The schemas the example owns; {@link seed} drops them. */
export const SCHEMAS = Object.freeze({
  storage: 'example_workers_storage',
  worker: 'example_workers',
  boss: 'example_workers_boss',
});

/** Time zone of the example host. */
export const TIME_ZONE = 'Europe/London';

/** Id of the example's automation. */
export const AUTOMATION_ID = 'daily-digest';

/**
 * Opens the example's storage, drops the example's schemas so every start plans and sends a fresh
 * run, migrates the storage and saves the automation and `count` learners.
 */
export async function seed(count: number): Promise<PostgresStorage> {
  const storage = createPostgresStorage({
    connectionString: DATABASE_URL,
    schema: SCHEMAS.storage,
  });
  for (const schema of Object.values(SCHEMAS)) {
    await storage.database.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  }
  await storage.migrate();
  await storage.automations.create({ automation: digestAutomation(), now: new Date() });
  await storage.learners.upsertLearners({ learners: generateLearners(count) });

  return storage;
}

function digestAutomation() {
  return parseAutomation({
    id: AUTOMATION_ID,
    name: 'Daily digest',
    channel: 'email',
    title: 'Every learner in learning, every day',
    subject: 'Your day, {{ firstName }}',
    body: '<p>Hello {{ firstName }},</p><p>Here is what is new on your programme.</p>',
    schedule: {
      kind: 'daysOfWeek',
      days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
    },
    delivery: { respectContactMethods: true, logCommunication: false },
    filters: { episodeStatus: 'inLearning' },
  });
}

// One learner in 20 has no email address and one in 25 does not accept email, so the report
// shows skips as well as sends.
function generateLearners(count: number): Learner[] {
  return Array.from({ length: count }, (_, index) =>
    parseLearner({
      id: `L-${String(index).padStart(7, '0')}`,
      firstName: `Learner ${index}`,
      lastName: 'Example',
      email: index % 20 === 7 ? null : `learner${index}@example.com`,
      allowedContactMethods: index % 25 === 3 ? ['sms'] : ['email', 'sms'],
      enteredOn: '2025-09-01',
      startDate: '2025-09-01',
    }),
  );
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/model/calendar-date.js';
import { createRunner } from '../../src/runner/index.js';
import {
  createFakeTimer,
  createRecordingTransport,
  dailyAutomation,
  learner,
  seedStorage,
  transientError,
} from './support.js';

const learnerArbitrary = fc.record({
  hasEmail: fc.boolean(),
  allowsEmail: fc.boolean(),
  // Whether the learner has started by a run day, so the audience changes from day to day.
  startOffset: fc.integer({ min: -3, max: 6 }),
});

const scenarioArbitrary = fc.record({
  learners: fc.array(learnerArbitrary, { minLength: 1, maxLength: 12 }),
  maxMessages: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  days: fc.integer({ min: 1, max: 6 }),
  // Calls per day: a second call the same day, or two runners at once, must send nothing new.
  callsPerDay: fc.integer({ min: 1, max: 3 }),
  flakyLearner: fc.nat({ max: 11 }),
});

const FIRST_DAY = '2026-12-07';

describe('runner max messages property', () => {
  it('never exceeds the cap or repeats a day', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async (scenario) => {
        const learners = scenario.learners.map((item, index) =>
          learner(`L${String(index).padStart(2, '0')}`, {
            email: item.hasEmail ? `l${index}@example.com` : null,
            allowedContactMethods: item.allowsEmail ? ['email'] : ['sms'],
            startDate: addDays(FIRST_DAY, item.startOffset),
          }),
        );
        const automation = dailyAutomation('a-1', {
          delivery: {
            respectContactMethods: true,
            logCommunication: false,
            maxMessages: scenario.maxMessages,
          },
          filters: { episodeStatus: 'inLearning' },
        });
        const storage = await seedStorage(learners, [automation]);
        const flakyId = `L${String(scenario.flakyLearner).padStart(2, '0')}`;
        const transport = createRecordingTransport({
          fail: (message, attempt) =>
            message.learnerId === flakyId && attempt === 1 ? transientError() : undefined,
        });
        const runners = [1, 2].map(() =>
          createRunner({ storage, transports: { email: transport }, timer: createFakeTimer() }),
        );

        for (let day = 0; day < scenario.days; day++) {
          const date = addDays(FIRST_DAY, day);
          for (let call = 0; call < scenario.callsPerDay; call++) {
            const now = new Date(`${date}T${String(5 + call * 4).padStart(2, '0')}:00:00Z`);
            await Promise.all(runners.map((runner) => runner.runDue({ now })));
          }
        }

        const sent = transport.accepted();
        const perLearner = new Map<string, number>();
        for (const message of sent) {
          perLearner.set(message.learnerId, (perLearner.get(message.learnerId) ?? 0) + 1);
        }
        const keys = sent.map((message) => message.idempotencyKey);
        const cap = scenario.maxMessages ?? Number.POSITIVE_INFINITY;

        expect(new Set(keys).size).toBe(keys.length);
        expect(Math.max(0, ...perLearner.values())).toBeLessThanOrEqual(cap);
      }),
      { numRuns: 40 },
    );
  });
});

import type { Automation, AutomationInput } from '../model/automation.js';
import type { Learner, LearnerInput } from '../model/learner.js';
import { parseAutomation, parseLearner } from '../model/parse.js';

/** A fixed instant the contract suite passes as `now`, so no result depends on the clock. */
export const CONTRACT_NOW = new Date('2026-12-07T05:00:00.000Z');

/** Returns the instant `ms` milliseconds after {@link CONTRACT_NOW} (before it when negative). */
export function contractInstant(ms: number): Date {
  return new Date(CONTRACT_NOW.getTime() + ms);
}

/**
 * Returns a valid email automation, parsed with defaults applied, with any fields replaced by
 * `overrides`. Adapter tests use it to fill a store without writing a whole automation.
 *
 * @throws {ValidationError} when the overrides make the automation invalid.
 */
export function sampleAutomation(overrides: Partial<AutomationInput> = {}): Automation {
  return parseAutomation({
    id: 'a-sample',
    name: 'End date reminder',
    channel: 'email',
    title: 'Learners within 30 days of their end date',
    subject: 'Your programme ends on {{ expectedEndDate }}',
    body: '<p>Hello {{ firstName }},</p><p>Your programme ends soon.</p>',
    schedule: { kind: 'daysOfWeek', days: ['monday'] },
    delivery: { respectContactMethods: true, logCommunication: true, maxMessages: 4 },
    filters: {
      episodeStatus: 'inLearning',
      expectedToEndBetween: { from: { daysFromRunDate: 0 }, to: { daysFromRunDate: 30 } },
    },
    ...overrides,
  });
}

/**
 * Returns a valid learner, parsed with every list present, with any fields replaced by
 * `overrides`.
 *
 * @throws {ValidationError} when the overrides make the learner invalid.
 */
export function sampleLearner(overrides: Partial<LearnerInput> = {}): Learner {
  return parseLearner({
    id: 'L-sample',
    firstName: 'Amara',
    lastName: 'Okafor',
    email: 'amara.okafor@example.com',
    mobile: '07400 100001',
    allowedContactMethods: ['email', 'sms'],
    enteredOn: '2026-08-20',
    startDate: '2026-09-01',
    expectedEndDate: '2027-01-05',
    ...overrides,
  });
}

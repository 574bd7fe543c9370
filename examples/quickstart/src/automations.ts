import { isDeepStrictEqual } from 'node:util';
import {
  type AutomationDraftInput,
  type AutomationService,
  parseAutomation,
} from '@pics/automations-core';

/** Ids of the sample automations; stable, so seeding again updates rather than duplicates. */
export const SAMPLE_AUTOMATION_IDS = {
  welcome: 'quickstart-welcome-sms',
  endDateReminder: 'quickstart-end-date-reminder',
  evidenceChase: 'quickstart-evidence-chase',
} as const;

const EVERY_MONTH = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** The sample automations: the three examples of real use the product is built for. */
export const SAMPLE_AUTOMATIONS: readonly AutomationDraftInput[] = [
  {
    id: SAMPLE_AUTOMATION_IDS.welcome,
    name: 'Welcome',
    channel: 'sms',
    title: 'Learners who started 7 days ago',
    body: 'Hi {{ firstName }}, welcome to your programme! Your first review is coming up soon.',
    schedule: {
      kind: 'daysOfWeek',
      days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
    },
    delivery: { respectContactMethods: true, logCommunication: true, maxMessages: 1 },
    filters: {
      startedBetween: { from: { daysFromRunDate: -7 }, to: { daysFromRunDate: -7 } },
    },
  },
  {
    id: SAMPLE_AUTOMATION_IDS.endDateReminder,
    name: 'End date reminder',
    channel: 'email',
    title: 'Learners in learning within 30 days of their expected end date',
    subject: 'Your programme ends on {{ expectedEndDate }}',
    body: '<p>Hello {{ firstName }},</p><p>Your programme is due to end on {{ expectedEndDate }}. Please make sure your portfolio is up to date.</p>',
    schedule: { kind: 'daysOfWeek', days: ['monday'] },
    delivery: { respectContactMethods: true, logCommunication: true, maxMessages: 4 },
    filters: {
      episodeStatus: 'inLearning',
      expectedToEndBetween: { from: { daysFromRunDate: 0 }, to: { daysFromRunDate: 30 } },
      tags: { match: 'none', values: ['do-not-contact'] },
    },
  },
  {
    id: SAMPLE_AUTOMATION_IDS.evidenceChase,
    name: 'Evidence chase',
    channel: 'email',
    title: 'Learners with an overdue portfolio who are not on a break',
    subject: 'Your portfolio needs new evidence',
    body: '<p>Hello {{ firstName }},</p><p>Your portfolio is overdue. Please upload your latest evidence this week.</p>',
    schedule: { kind: 'daysOfMonth', months: EVERY_MONTH, days: [1, 15] },
    delivery: { respectContactMethods: true, logCommunication: false },
    filters: {
      tags: { match: 'any', values: ['Portfolio overdue'] },
      breakInLearning: { mode: 'exclude', scope: 'current' },
    },
  },
];

/**
 * Saves the sample automations: creates those that are missing and updates those that differ, so
 * running it again against a store that keeps data changes nothing.
 */
export async function seedAutomations(service: AutomationService): Promise<void> {
  for (const input of SAMPLE_AUTOMATIONS) {
    const id = input.id as string;
    const stored = await service.get(id);
    if (stored === undefined) {
      await service.create(input);
      continue;
    }

    const { version, createdAt: _createdAt, updatedAt: _updatedAt, ...current } = stored;
    if (!isDeepStrictEqual(current, parseAutomation(input))) {
      await service.update(id, input, version);
    }
  }
}

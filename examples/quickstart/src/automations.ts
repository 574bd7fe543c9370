import { isDeepStrictEqual } from 'node:util';
import {
  type AutomationDraftInput,
  type AutomationService,
  parseAutomation,
  SmsNotConfiguredError,
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

/** A sample automation that seeding could not save, with the SDK's error. */
export interface UnsavedAutomation {
  automationId: string;
  name: string;
  /** The error's stable code, such as `SMS_NOT_CONFIGURED`. */
  code: string;
  message: string;
}

/**
 * Saves sample automations: creates those that are missing and updates those that differ, so
 * running it again against a store that keeps data changes nothing. An SMS automation cannot be
 * saved without an SMS transport: it is returned with the SDK's `SmsNotConfiguredError`, and the
 * others are still saved. An SMS automation stored by an earlier run is left as it is.
 *
 * @default inputs SAMPLE_AUTOMATIONS
 */
export async function seedAutomations(
  service: AutomationService,
  inputs: readonly AutomationDraftInput[] = SAMPLE_AUTOMATIONS,
): Promise<UnsavedAutomation[]> {
  const unsaved: UnsavedAutomation[] = [];
  for (const input of inputs) {
    try {
      await saveAutomation(service, input);
    } catch (error) {
      if (!(error instanceof SmsNotConfiguredError)) throw error;

      const { code, message } = error;
      unsaved.push({ automationId: input.id as string, name: input.name, code, message });
    }
  }

  return unsaved;
}

async function saveAutomation(service: AutomationService, input: AutomationDraftInput) {
  const id = input.id as string;
  const stored = await service.get(id);
  if (stored === undefined) {
    await service.create(input);
    return;
  }

  const { version, createdAt: _createdAt, updatedAt: _updatedAt, ...current } = stored;
  if (!isDeepStrictEqual(current, parseAutomation(input))) {
    await service.update(id, input, version);
  }
}

/**
 * Returns the id of the first automation of `inputs` found in the store, or `undefined`. The
 * quickstart uses it to keep the generated and the ILR sample sets out of one database.
 */
export async function findStoredAutomation(
  service: AutomationService,
  inputs: readonly AutomationDraftInput[],
): Promise<string | undefined> {
  for (const input of inputs) {
    if ((await service.get(input.id as string)) !== undefined) return input.id as string;
  }

  return undefined;
}

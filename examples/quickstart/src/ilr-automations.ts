import type { AutomationDraftInput } from '@pics/automations-core';

/** Ids of the ILR sample automations; stable, so seeding again updates rather than duplicates. */
export const ILR_AUTOMATION_IDS = {
  endDatePassed: 'quickstart-ilr-end-date-passed',
  reviewReminder: 'quickstart-ilr-review-reminder-sms',
} as const;

/**
 * The sample automations for learners read from an ILR file. ILR records carry no tags, and a
 * sample file's dates are years old, so the generated population's automations would match no
 * one. These two filter on what ILR does record, the episode dates, and both run on Mondays.
 * The email uses the ILR merge field `uln`.
 */
export const ILR_SAMPLE_AUTOMATIONS: readonly AutomationDraftInput[] = [
  {
    id: ILR_AUTOMATION_IDS.endDatePassed,
    name: 'End date passed',
    channel: 'email',
    title: 'Learners still in learning after their planned end date',
    subject: 'Your planned end date of {{ expectedEndDate }} has passed',
    body: '<p>Hello {{ firstName }},</p><p>Your programme was planned to end on {{ expectedEndDate }}. Please contact your tutor to agree a new end date, quoting your ULN {{ uln }}.</p>',
    schedule: { kind: 'daysOfWeek', days: ['monday'] },
    delivery: { respectContactMethods: true, logCommunication: true, maxMessages: 4 },
    filters: { episodeStatus: 'inLearning', pastExpectedEnd: true },
  },
  {
    id: ILR_AUTOMATION_IDS.reviewReminder,
    name: 'Review reminder',
    channel: 'sms',
    title: 'Learners in learning, reminded of their weekly review',
    body: 'Hi {{ firstName }}, your weekly progress review is this week. Reply if you need to rearrange.',
    schedule: { kind: 'daysOfWeek', days: ['monday'] },
    delivery: { respectContactMethods: true, logCommunication: true },
    filters: { episodeStatus: 'inLearning' },
  },
];

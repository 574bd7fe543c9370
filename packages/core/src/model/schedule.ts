import { z } from 'zod';
import { rejectRepeatedValues } from './common.js';
import { formatValue } from './plain-data.js';

/** Weekday names in ISO order, Monday first. */
export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

/** A day of the week, written in lower case. */
export type Weekday = (typeof WEEKDAYS)[number];

const weekdaySchema = z.enum(WEEKDAYS, {
  error: (issue) =>
    `${formatValue(issue.input)} is not a weekday: use one of ${WEEKDAYS.join(', ')}`,
});

const monthSchema = z
  .number({ error: 'each month must be a number from 1 to 12' })
  .int({ error: 'each month must be a whole number from 1 to 12' })
  .min(1, { error: (issue) => `${String(issue.input)} is not a month: use 1 to 12` })
  .max(12, { error: (issue) => `${String(issue.input)} is not a month: use 1 to 12` });

const dayOfMonthSchema = z
  .number({ error: 'each day must be a number from 1 to 31' })
  .int({ error: 'each day must be a whole number from 1 to 31' })
  .min(1, { error: (issue) => `${String(issue.input)} is not a day of the month: use 1 to 31` })
  .max(31, { error: (issue) => `${String(issue.input)} is not a day of the month: use 1 to 31` });

/** Runs on each ticked day of the week. */
export const daysOfWeekScheduleSchema = z.strictObject({
  kind: z.literal('daysOfWeek'),
  days: z
    .array(weekdaySchema)
    .min(1, { error: 'choose at least one day' })
    .superRefine(rejectRepeatedValues),
});

/** Runs on each ticked day of each ticked month; a day that a month lacks is skipped. */
export const daysOfMonthScheduleSchema = z
  .strictObject({
    kind: z.literal('daysOfMonth'),
    months: z
      .array(monthSchema)
      .min(1, { error: 'choose at least one month' })
      .superRefine(rejectRepeatedValues),
    days: z
      .array(dayOfMonthSchema)
      .min(1, { error: 'choose at least one day' })
      .superRefine(rejectRepeatedValues),
  })
  .superRefine(rejectScheduleThatNeverRuns);

/** When an automation runs: ticked weekdays, or ticked days of ticked months, at 05:00 local. */
export const scheduleSchema = z.discriminatedUnion('kind', [
  daysOfWeekScheduleSchema,
  daysOfMonthScheduleSchema,
]);

/** A schedule of weekdays. */
export type DaysOfWeekSchedule = z.output<typeof daysOfWeekScheduleSchema>;

/** A schedule of days of chosen months. */
export type DaysOfMonthSchedule = z.output<typeof daysOfMonthScheduleSchema>;

/** When an automation runs. */
export type Schedule = z.output<typeof scheduleSchema>;

const MAX_DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// A selection such as 30 and 31 February is syntactically valid but would never run, and a
// caller asking for its next run would wait forever.
function rejectScheduleThatNeverRuns(
  schedule: { months: number[]; days: number[] },
  context: z.RefinementCtx,
): void {
  // An empty list is already reported as such.
  if (schedule.months.length === 0 || schedule.days.length === 0) return;

  const runsSomeMonth = schedule.months.some((month) =>
    schedule.days.some((day) => day <= (MAX_DAYS_IN_MONTH[month - 1] ?? 0)),
  );
  if (!runsSomeMonth) {
    context.addIssue({
      code: 'custom',
      path: ['days'],
      message: 'no chosen month has any of the chosen days, so this schedule would never run',
    });
  }
}

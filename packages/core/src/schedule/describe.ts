import { MONTH_NAMES } from '../model/calendar-date.js';
import type { DaysOfMonthSchedule, Schedule, Weekday } from '../model/schedule.js';
import { WEEKDAYS } from '../model/schedule.js';
import { RUN_TIME } from './run-time.js';

const WORKING_DAYS: readonly Weekday[] = WEEKDAYS.slice(0, 5);
const WEEKEND_DAYS: readonly Weekday[] = WEEKDAYS.slice(5);

/**
 * Describes a schedule in English for the automation list, with days and months in calendar
 * order whatever order the schedule lists them in: "Mondays and Fridays at 05:00", "Every day at
 * 05:00", "Weekdays at 05:00", "1st and 15th of January and September at 05:00", "31st of every
 * month at 05:00".
 */
export function describeSchedule(schedule: Schedule): string {
  const days =
    schedule.kind === 'daysOfWeek'
      ? describeWeekdays(schedule.days)
      : describeDaysOfMonth(schedule);

  return `${days} at ${formatRunTime()}`;
}

function describeWeekdays(days: readonly Weekday[]): string {
  const ordered = WEEKDAYS.filter((weekday) => days.includes(weekday));
  if (ordered.length === WEEKDAYS.length) return 'Every day';
  if (sameDays(ordered, WORKING_DAYS)) return 'Weekdays';
  if (sameDays(ordered, WEEKEND_DAYS)) return 'Weekends';

  return joinWords(ordered.map((weekday) => `${capitalise(weekday)}s`));
}

function describeDaysOfMonth(schedule: DaysOfMonthSchedule): string {
  const days = joinWords(sortedDistinct(schedule.days).map(ordinal));
  const months = sortedDistinct(schedule.months);
  const monthText =
    months.length === MONTH_NAMES.length
      ? 'every month'
      : joinWords(months.map((month) => MONTH_NAMES[month - 1] ?? String(month)));

  return `${days} of ${monthText}`;
}

function formatRunTime(): string {
  const hour = String(RUN_TIME.hour).padStart(2, '0');
  const minute = String(RUN_TIME.minute).padStart(2, '0');

  return `${hour}:${minute}`;
}

// 1st, 2nd, 3rd, 4th ... 11th, 12th, 13th ... 21st, 22nd, 23rd ... 31st.
function ordinal(day: number): string {
  const lastTwoDigits = day % 100;
  if (lastTwoDigits >= 11 && lastTwoDigits <= 13) return `${day}th`;

  const suffixes: Record<number, string> = { 1: 'st', 2: 'nd', 3: 'rd' };

  return `${day}${suffixes[day % 10] ?? 'th'}`;
}

// "A", "A and B", "A, B and C".
function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');

  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

function sortedDistinct(values: readonly number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

function sameDays(days: readonly Weekday[], expected: readonly Weekday[]): boolean {
  return days.length === expected.length && days.every((day, index) => day === expected[index]);
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

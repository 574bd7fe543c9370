import { expect, test } from 'vitest';
import { describeSchedule, type Schedule } from '../../src/index.js';

const ALL_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

const examples: [string, Schedule, string][] = [
  [
    'two weekdays',
    { kind: 'daysOfWeek', days: ['monday', 'friday'] },
    'Mondays and Fridays at 05:00',
  ],
  ['one weekday', { kind: 'daysOfWeek', days: ['wednesday'] }, 'Wednesdays at 05:00'],
  [
    'weekdays out of order',
    { kind: 'daysOfWeek', days: ['sunday', 'tuesday', 'monday'] },
    'Mondays, Tuesdays and Sundays at 05:00',
  ],
  [
    'all seven days',
    {
      kind: 'daysOfWeek',
      days: ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'],
    },
    'Every day at 05:00',
  ],
  [
    'Monday to Friday',
    { kind: 'daysOfWeek', days: ['friday', 'thursday', 'wednesday', 'tuesday', 'monday'] },
    'Weekdays at 05:00',
  ],
  ['weekend', { kind: 'daysOfWeek', days: ['sunday', 'saturday'] }, 'Weekends at 05:00'],
  [
    'days of two months',
    { kind: 'daysOfMonth', months: [9, 1], days: [15, 1] },
    '1st and 15th of January and September at 05:00',
  ],
  [
    'days of every month',
    { kind: 'daysOfMonth', months: ALL_MONTHS, days: [3, 1, 2] },
    '1st, 2nd and 3rd of every month at 05:00',
  ],
  [
    'teens and twenties ordinals',
    { kind: 'daysOfMonth', months: [6], days: [11, 12, 13, 21, 22, 23, 31] },
    '11th, 12th, 13th, 21st, 22nd, 23rd and 31st of June at 05:00',
  ],
  ['leap day', { kind: 'daysOfMonth', months: [2], days: [29] }, '29th of February at 05:00'],
];

test.each(examples)('describeSchedule %s', (_name, schedule, expected) => {
  expect(describeSchedule(schedule)).toBe(expected);
});

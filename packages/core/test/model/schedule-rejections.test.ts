import { describe, expect, test } from 'vitest';
import { parseAutomation, parseSchedule } from '../../src/index.js';
import { automationWith, issuesOf } from './validation-issues.js';

function scheduleIssues(schedule: unknown) {
  return issuesOf(() => parseAutomation(automationWith({ schedule })));
}

const NEVER_RUNS = 'no chosen month has any of the chosen days, so this schedule would never run';

describe('schedule rejections', () => {
  test('empty weekday selection', () => {
    expect(scheduleIssues({ kind: 'daysOfWeek', days: [] })).toEqual([
      { path: 'schedule.days', message: 'choose at least one day' },
    ]);
  });

  test('empty month selection', () => {
    expect(scheduleIssues({ kind: 'daysOfMonth', months: [], days: [1] })).toEqual([
      { path: 'schedule.months', message: 'choose at least one month' },
    ]);
  });

  test('empty day-of-month selection', () => {
    expect(scheduleIssues({ kind: 'daysOfMonth', months: [1], days: [] })).toEqual([
      { path: 'schedule.days', message: 'choose at least one day' },
    ]);
  });

  test('days outside 1-31', () => {
    expect(scheduleIssues({ kind: 'daysOfMonth', months: [1], days: [0, 15, 32] })).toEqual([
      { path: 'schedule.days.0', message: '0 is not a day of the month: use 1 to 31' },
      { path: 'schedule.days.2', message: '32 is not a day of the month: use 1 to 31' },
    ]);
  });

  test('months outside 1-12', () => {
    expect(scheduleIssues({ kind: 'daysOfMonth', months: [0, 1, 13], days: [1] })).toEqual([
      { path: 'schedule.months.0', message: '0 is not a month: use 1 to 12' },
      { path: 'schedule.months.2', message: '13 is not a month: use 1 to 12' },
    ]);
  });

  test('fractional month', () => {
    expect(scheduleIssues({ kind: 'daysOfMonth', months: [1.5], days: [1] })).toEqual([
      { path: 'schedule.months.0', message: 'each month must be a whole number from 1 to 12' },
    ]);
  });

  test('day given as text', () => {
    expect(scheduleIssues({ kind: 'daysOfMonth', months: [1], days: ['1'] })).toEqual([
      { path: 'schedule.days.0', message: 'each day must be a number from 1 to 31' },
    ]);
  });

  test('repeated weekday', () => {
    expect(scheduleIssues({ kind: 'daysOfWeek', days: ['monday', 'friday', 'monday'] })).toEqual([
      { path: 'schedule.days.2', message: '"monday" is repeated: list each value once' },
    ]);
  });

  test('repeated month and day', () => {
    expect(scheduleIssues({ kind: 'daysOfMonth', months: [3, 3], days: [1, 1] })).toEqual([
      { path: 'schedule.months.1', message: '3 is repeated: list each value once' },
      { path: 'schedule.days.1', message: '1 is repeated: list each value once' },
    ]);
  });

  test('weekday name that is not one', () => {
    expect(scheduleIssues({ kind: 'daysOfWeek', days: ['funday'] })).toEqual([
      {
        path: 'schedule.days.0',
        message:
          '"funday" is not a weekday: use one of monday, tuesday, wednesday, thursday, friday, saturday, sunday',
      },
    ]);
  });

  test('capitalised weekday name', () => {
    expect(scheduleIssues({ kind: 'daysOfWeek', days: ['Monday'] })).toEqual([
      {
        path: 'schedule.days.0',
        message:
          '"Monday" is not a weekday: use one of monday, tuesday, wednesday, thursday, friday, saturday, sunday',
      },
    ]);
  });

  test('unknown schedule kind', () => {
    expect(scheduleIssues({ kind: 'hourly', days: ['monday'] })).toEqual([
      {
        path: 'schedule.kind',
        message: '"hourly" is not a valid kind: use daysOfWeek or daysOfMonth',
      },
    ]);
  });

  test('unknown key inside schedule', () => {
    expect(scheduleIssues({ kind: 'daysOfWeek', days: ['monday'], time: '06:00' })).toEqual([
      { path: 'schedule.time', message: 'unknown key "time": remove it or correct its spelling' },
    ]);
  });

  test('30 February never runs', () => {
    expect(scheduleIssues({ kind: 'daysOfMonth', months: [2], days: [30] })).toEqual([
      { path: 'schedule.days', message: NEVER_RUNS },
    ]);
  });

  test('31st of short months never runs', () => {
    expect(scheduleIssues({ kind: 'daysOfMonth', months: [4, 6, 9, 11], days: [31] })).toEqual([
      { path: 'schedule.days', message: NEVER_RUNS },
    ]);
  });

  test('29 February is accepted', () => {
    const schedule = { kind: 'daysOfMonth', months: [2], days: [29] };

    expect(parseSchedule(schedule)).toEqual(schedule);
  });

  test('parseSchedule reports paths without prefix', () => {
    expect(issuesOf(() => parseSchedule({ kind: 'daysOfWeek', days: [] }))).toEqual([
      { path: 'days', message: 'choose at least one day' },
    ]);
  });
});

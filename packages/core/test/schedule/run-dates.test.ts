import { describe, expect, test } from 'vitest';
import { ErrorCode, isRunDate, runDatesFrom, type Schedule } from '../../src/index.js';

const mondaysAndFridays: Schedule = { kind: 'daysOfWeek', days: ['friday', 'monday'] };
const thirtyFirsts: Schedule = {
  kind: 'daysOfMonth',
  months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  days: [31],
};

describe('isRunDate', () => {
  test('ticked weekday runs', () => {
    expect(isRunDate(mondaysAndFridays, '2026-12-11')).toBe(true);
  });

  test('unticked weekday does not run', () => {
    expect(isRunDate(mondaysAndFridays, '2026-12-09')).toBe(false);
  });

  test('ticked day in ticked month runs', () => {
    expect(isRunDate({ kind: 'daysOfMonth', months: [9], days: [1] }, '2026-09-01')).toBe(true);
  });

  test('ticked day in unticked month does not run', () => {
    expect(isRunDate({ kind: 'daysOfMonth', months: [9], days: [1] }, '2026-10-01')).toBe(false);
  });

  test('31st does not move to the 30th', () => {
    expect(isRunDate(thirtyFirsts, '2026-04-30')).toBe(false);
  });

  test('31st does not move to the 1st', () => {
    expect(isRunDate(thirtyFirsts, '2026-05-01')).toBe(false);
  });

  test('29 February in a common year is no run date', () => {
    const leapDay: Schedule = { kind: 'daysOfMonth', months: [2, 3], days: [29] };

    expect(isRunDate(leapDay, '2027-03-01')).toBe(false);
  });

  test('rejects an impossible date', () => {
    expect(() => isRunDate(mondaysAndFridays, '2026-02-30')).toThrow(/"2026-02-30"/);
  });

  test('rejects a date with a time', () => {
    expect(() => isRunDate(mondaysAndFridays, '2026-12-07T05:00:00Z')).toThrow(
      expect.objectContaining({ code: ErrorCode.InvalidArgument }),
    );
  });
});

describe('runDatesFrom', () => {
  test('starts on the start date when it runs', () => {
    const dates = runDatesFrom(mondaysAndFridays, '2026-12-07');

    expect(dates.next().value).toBe('2026-12-07');
  });

  test('monthly dates come in calendar order', () => {
    const schedule: Schedule = { kind: 'daysOfMonth', months: [12, 1], days: [15, 1] };
    const dates = runDatesFrom(schedule, '2026-12-02');
    const firstFour = [0, 1, 2, 3].map(() => dates.next().value);

    expect(firstFour).toEqual(['2026-12-15', '2027-01-01', '2027-01-15', '2027-12-01']);
  });

  test('throws for a schedule that never runs', () => {
    const never: Schedule = { kind: 'daysOfMonth', months: [2], days: [30] };

    expect(() => runDatesFrom(never, '2026-01-01').next()).toThrow(/never runs/);
  });
});

import { describe, expect, test } from 'vitest';
import { AutomationsError, ErrorCode, nextRunTimes, type Schedule } from '../../src/index.js';

const mondays: Schedule = { kind: 'daysOfWeek', days: ['monday'] };
const everyDay: Schedule = {
  kind: 'daysOfWeek',
  days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
};
const after = new Date('2026-12-01T00:00:00Z');

function isoTimes(schedule: Schedule, options: Parameters<typeof nextRunTimes>[1]): string[] {
  return nextRunTimes(schedule, options).map((runTime) => runTime.toISOString());
}

describe('nextRunTimes count bound', () => {
  test('accepts 1000', () => {
    expect(nextRunTimes(mondays, { after, count: 1000 })).toHaveLength(1000);
  });

  test('rejects 1001', () => {
    expect(() => nextRunTimes(mondays, { after, count: 1001 })).toThrow(
      expect.objectContaining({ code: ErrorCode.InvalidArgument }),
    );
  });
});

describe('nextRunTimes at the ends of the calendar', () => {
  test('stops at 9999-12-31', () => {
    const late = new Date('9999-12-20T00:00:00Z');

    expect(isoTimes(mondays, { after: late, count: 3, timeZone: 'UTC' })).toEqual([
      '9999-12-20T05:00:00.000Z',
      '9999-12-27T05:00:00.000Z',
    ]);
  });

  test('stops monthly schedules too', () => {
    const late = new Date('9999-11-20T00:00:00Z');
    const firsts: Schedule = { kind: 'daysOfMonth', months: [1, 12], days: [1] };

    expect(isoTimes(firsts, { after: late, count: 3, timeZone: 'UTC' })).toEqual([
      '9999-12-01T05:00:00.000Z',
    ]);
  });

  test('rejects after past year 9999', () => {
    const tooLate = new Date(8.64e15);

    expect(() => nextRunTimes(mondays, { after: tooLate, count: 1 })).toThrow(
      expect.objectContaining({ code: ErrorCode.InvalidArgument }),
    );
  });

  test('rejects after before year 1', () => {
    const tooEarly = new Date(-8.64e15);

    expect(() => nextRunTimes(mondays, { after: tooEarly, count: 1 })).toThrow(
      expect.objectContaining({ code: ErrorCode.InvalidArgument }),
    );
  });

  test('runs in year 50', () => {
    const early = new Date(new Date(0).setUTCFullYear(50, 0, 1));

    expect(isoTimes(mondays, { after: early, count: 1, timeZone: 'UTC' })).toEqual([
      '0050-01-03T05:00:00.000Z',
    ]);
  });

  test('prototype-less after', () => {
    const options = { after: Object.create(null) as Date, count: 1 };

    expect(() => nextRunTimes(mondays, options)).toThrow(AutomationsError);
  });
});

describe('nextRunTimes in unusual zones', () => {
  test('skips the day Apia left out', () => {
    const options = { after: new Date('2011-12-29T00:00:00Z'), count: 2, timeZone: 'Pacific/Apia' };

    // 30 December 2011 did not happen in Samoa: 29 December was followed by 31 December.
    expect(isoTimes(everyDay, options)).toEqual([
      '2011-12-29T15:00:00.000Z',
      '2011-12-30T15:00:00.000Z',
    ]);
  });

  test('Baku spring change at 04:00', () => {
    // Clocks went from 04:00 (UTC+4) to 05:00 (UTC+5), so 05:00 began the new offset.
    const options = { after: new Date('2000-03-25T12:00:00Z'), count: 1, timeZone: 'Asia/Baku' };

    expect(isoTimes(everyDay, options)).toEqual(['2000-03-26T00:00:00.000Z']);
  });

  test('Baku autumn change at 05:00', () => {
    // Clocks went from 05:00 (UTC+5) back to 04:00 (UTC+4), so 05:00 came once, an hour later.
    const options = { after: new Date('2000-10-28T12:00:00Z'), count: 1, timeZone: 'Asia/Baku' };

    expect(isoTimes(everyDay, options)).toEqual(['2000-10-29T01:00:00.000Z']);
  });

  test('Lord Howe half-hour change', () => {
    // Clocks went from 02:00 (UTC+10:30) to 02:30 (UTC+11) on 2 October 2022.
    const options = {
      after: new Date('2022-10-01T12:00:00Z'),
      count: 1,
      timeZone: 'Australia/Lord_Howe',
    };

    expect(isoTimes(everyDay, options)).toEqual(['2022-10-01T18:00:00.000Z']);
  });
});

import { describe, expect, test } from 'vitest';
import {
  DEFAULT_TIME_ZONE,
  ErrorCode,
  nextRunTime,
  nextRunTimes,
  RUN_TIME,
  type Schedule,
  ValidationError,
} from '../../src/index.js';

const mondays: Schedule = { kind: 'daysOfWeek', days: ['monday'] };
const after = new Date('2026-12-01T00:00:00Z');

describe('nextRunTimes', () => {
  test('defaults to Europe/London', () => {
    const [first] = nextRunTimes(mondays, { after, count: 1 });

    expect(first?.toISOString()).toBe('2026-12-07T05:00:00.000Z');
  });

  test('count 0 returns none', () => {
    expect(nextRunTimes(mondays, { after, count: 0 })).toEqual([]);
  });

  test('29 February across a skipped century leap year', () => {
    const leapDay: Schedule = { kind: 'daysOfMonth', months: [2], days: [29] };
    const runTimes = nextRunTimes(leapDay, { after: new Date('2097-01-01T00:00:00Z'), count: 1 });

    expect(runTimes.map((runTime) => runTime.toISOString())).toEqual(['2104-02-29T05:00:00.000Z']);
  });

  test('a run earlier today is skipped', () => {
    const [first] = nextRunTimes(mondays, { after: new Date('2026-12-07T09:00:00Z'), count: 1 });

    expect(first?.toISOString()).toBe('2026-12-14T05:00:00.000Z');
  });

  test('Sydney runs on its own date', () => {
    const [first] = nextRunTimes(mondays, {
      after: new Date('2026-12-06T17:00:00Z'),
      count: 1,
      timeZone: 'Australia/Sydney',
    });

    expect(first?.toISOString()).toBe('2026-12-06T18:00:00.000Z');
  });

  test('rejects an unknown zone', () => {
    expect(() => nextRunTimes(mondays, { after, count: 1, timeZone: 'Europe/Atlantis' })).toThrow(
      /"Europe\/Atlantis"/,
    );
  });

  test('unknown zone has INVALID_ARGUMENT code', () => {
    expect(() => nextRunTimes(mondays, { after, count: 1, timeZone: 'GMT+25' })).toThrow(
      expect.objectContaining({ code: ErrorCode.InvalidArgument }),
    );
  });

  test.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects count %s', (count) => {
    expect(() => nextRunTimes(mondays, { after, count })).toThrow(/Invalid count/);
  });

  test('bad count has INVALID_ARGUMENT code', () => {
    expect(() => nextRunTimes(mondays, { after, count: -1 })).toThrow(
      expect.objectContaining({ code: ErrorCode.InvalidArgument }),
    );
  });

  test('rejects an invalid after', () => {
    expect(() => nextRunTimes(mondays, { after: new Date('soon'), count: 1 })).toThrow(
      /Invalid after/,
    );
  });

  test('rejects a schedule that never runs', () => {
    const never: Schedule = { kind: 'daysOfMonth', months: [2], days: [30, 31] };

    expect(() => nextRunTimes(never, { after, count: 1 })).toThrow(ValidationError);
  });

  test('never-running error names the problem', () => {
    const never: Schedule = { kind: 'daysOfMonth', months: [2], days: [30] };

    expect(() => nextRunTimes(never, { after, count: 1 })).toThrow(/would never run/);
  });

  test('rejects an empty day selection', () => {
    const empty: Schedule = { kind: 'daysOfWeek', days: [] };

    expect(() => nextRunTimes(empty, { after, count: 1 })).toThrow(/choose at least one day/);
  });
});

describe('nextRunTime', () => {
  test('returns the first run time', () => {
    expect(nextRunTime(mondays, { after })?.toISOString()).toBe('2026-12-07T05:00:00.000Z');
  });

  test('uses the given zone', () => {
    const runTime = nextRunTime(mondays, { after, timeZone: 'America/Los_Angeles' });

    expect(runTime?.toISOString()).toBe('2026-12-07T13:00:00.000Z');
  });
});

describe('run time constants', () => {
  test('runs at 05:00', () => {
    expect(RUN_TIME).toEqual({ hour: 5, minute: 0 });
  });

  test('default zone is London', () => {
    expect(DEFAULT_TIME_ZONE).toBe('Europe/London');
  });
});

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addDays, ErrorCode, localDate, localTimeToInstant } from '../../src/index.js';
import { wallClock, ZONES } from './wall-clock.js';

describe('localDate', () => {
  test('uses the zone, not UTC', () => {
    const instant = new Date('2026-12-07T23:30:00Z');

    expect(localDate(instant, 'Australia/Sydney')).toBe('2026-12-08');
  });

  test('west of UTC is the day before', () => {
    const instant = new Date('2026-12-07T03:00:00Z');

    expect(localDate(instant, 'America/Los_Angeles')).toBe('2026-12-06');
  });

  test('summer time moves midnight', () => {
    const instant = new Date('2026-06-30T23:30:00Z');

    expect(localDate(instant, 'Europe/London')).toBe('2026-07-01');
  });

  test('rejects an unknown zone', () => {
    expect(() => localDate(new Date(), 'Mars/Olympus_Mons')).toThrow(/"Mars\/Olympus_Mons"/);
  });

  test('unknown zone has INVALID_ARGUMENT code', () => {
    expect(() => localDate(new Date(), 'Europe/Londres')).toThrow(
      expect.objectContaining({ code: ErrorCode.InvalidArgument }),
    );
  });

  test('rejects an invalid Date', () => {
    expect(() => localDate(new Date(Number.NaN), 'UTC')).toThrow(/valid Date/);
  });
});

describe('localTimeToInstant', () => {
  test('winter time in London', () => {
    const instant = localTimeToInstant('2026-12-07', { hour: 5, minute: 0 }, 'Europe/London');

    expect(instant.toISOString()).toBe('2026-12-07T05:00:00.000Z');
  });

  test('summer time in London', () => {
    const instant = localTimeToInstant('2026-07-01', { hour: 5, minute: 0 }, 'Europe/London');

    expect(instant.toISOString()).toBe('2026-07-01T04:00:00.000Z');
  });

  test('half-hour offset in Kolkata', () => {
    const instant = localTimeToInstant('2026-07-01', { hour: 5, minute: 0 }, 'Asia/Kolkata');

    expect(instant.toISOString()).toBe('2026-06-30T23:30:00.000Z');
  });

  test('spring gap gives the change instant', () => {
    const instant = localTimeToInstant('2026-03-29', { hour: 1, minute: 30 }, 'Europe/London');

    expect(instant.toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  test('spring gap in New York', () => {
    const instant = localTimeToInstant('2026-03-08', { hour: 2, minute: 30 }, 'America/New_York');

    expect(instant.toISOString()).toBe('2026-03-08T07:00:00.000Z');
  });

  test('spring gap in Sydney', () => {
    const instant = localTimeToInstant('2026-10-04', { hour: 2, minute: 30 }, 'Australia/Sydney');

    expect(instant.toISOString()).toBe('2026-10-03T16:00:00.000Z');
  });

  test('autumn repeat gives the first', () => {
    const instant = localTimeToInstant('2026-10-25', { hour: 1, minute: 30 }, 'Europe/London');

    expect(instant.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  test('autumn repeat in Sydney', () => {
    const instant = localTimeToInstant('2026-04-05', { hour: 2, minute: 30 }, 'Australia/Sydney');

    expect(instant.toISOString()).toBe('2026-04-04T15:30:00.000Z');
  });

  test('rejects an unknown zone', () => {
    expect(() => localTimeToInstant('2026-12-07', { hour: 5, minute: 0 }, 'Nowhere')).toThrow(
      /"Nowhere"/,
    );
  });

  test('rejects an impossible date', () => {
    expect(() => localTimeToInstant('2026-02-30', { hour: 5, minute: 0 }, 'UTC')).toThrow(
      /"2026-02-30"/,
    );
  });

  test('rejects an hour of 24', () => {
    expect(() => localTimeToInstant('2026-12-07', { hour: 24, minute: 0 }, 'UTC')).toThrow(
      /hour 0-23/,
    );
  });

  test('wall clock matches outside gaps', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 40_000 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (zone, dayOffset, hour, minute) => {
          const date = addDays('1990-01-01', dayOffset);
          const instant = localTimeToInstant(date, { hour, minute }, zone);
          const wall = wallClock(instant, zone);
          const before = wallClock(new Date(instant.getTime() - 1000), zone);
          const requested = `${date}T${pad(hour)}:${pad(minute)}`;
          const inGap = before.text < requested && requested < wall.text;

          expect(wall.text === requested || inGap).toBe(true);
        },
      ),
    );
  });

  test('repeated times resolve to the first', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 40_000 }),
        fc.integer({ min: 0, max: 23 }),
        (zone, dayOffset, hour) => {
          const date = addDays('1990-01-01', dayOffset);
          const instant = localTimeToInstant(date, { hour, minute: 0 }, zone);
          const hourEarlier = new Date(instant.getTime() - 3_600_000);

          expect(wallClock(hourEarlier, zone).text).not.toBe(wallClock(instant, zone).text);
        },
      ),
    );
  });
});

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

import fc from 'fast-check';
import { expect, test } from 'vitest';
import {
  addDays,
  isRunDate,
  localDate,
  localTimeToInstant,
  nextRunTimes,
  RUN_TIME,
  type Schedule,
  WEEKDAYS,
} from '../../src/index.js';
import { wallClock, ZONES } from './wall-clock.js';

const MAX_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MONTHS = Array.from({ length: 12 }, (_, index) => index + 1);
const DAYS = Array.from({ length: 31 }, (_, index) => index + 1);

const weeklySchedule = fc
  .shuffledSubarray([...WEEKDAYS], { minLength: 1 })
  .map((days): Schedule => ({ kind: 'daysOfWeek', days }));

const monthlySchedule = fc
  .record({
    months: fc.shuffledSubarray(MONTHS, { minLength: 1 }),
    days: fc.shuffledSubarray(DAYS, { minLength: 1, maxLength: 6 }),
  })
  .filter(({ months, days }) => months.some((m) => days.some((d) => d <= (MAX_DAYS[m - 1] ?? 0))))
  .map((selection): Schedule => ({ kind: 'daysOfMonth', ...selection }));

// Rare dates (29 February, 31sts) exercise the longest searches.
const rareSchedule = fc
  .record({
    months: fc.shuffledSubarray([2, 4, 6, 9, 11], { minLength: 1 }),
    days: fc.shuffledSubarray([29, 30, 31], { minLength: 1 }),
  })
  .filter(({ months, days }) => months.some((m) => days.some((d) => d <= (MAX_DAYS[m - 1] ?? 0))))
  .map((selection): Schedule => ({ kind: 'daysOfMonth', ...selection }));

const anySchedule = fc.oneof(weeklySchedule, monthlySchedule, rareSchedule);

const runInput = fc.record({
  schedule: anySchedule,
  timeZone: fc.constantFrom(...ZONES),
  after: fc.date({
    min: new Date('1995-01-01T00:00:00Z'),
    max: new Date('2090-12-31T23:59:59Z'),
    noInvalidDate: true,
  }),
  count: fc.integer({ min: 1, max: 5 }),
});

const runTimeText = `${String(RUN_TIME.hour).padStart(2, '0')}:${String(RUN_TIME.minute).padStart(2, '0')}`;

test('returns count run times', () => {
  fc.assert(
    fc.property(runInput, ({ schedule, timeZone, after, count }) => {
      expect(nextRunTimes(schedule, { after, count, timeZone })).toHaveLength(count);
    }),
  );
});

test('each result is 05:00 on a run date', () => {
  fc.assert(
    fc.property(runInput, ({ schedule, timeZone, after, count }) => {
      for (const runTime of nextRunTimes(schedule, { after, count, timeZone })) {
        const wall = wallClock(runTime, timeZone);

        expect(wall.text).toBe(`${wall.date}T${runTimeText}`);
        expect(isRunDate(schedule, localDate(runTime, timeZone))).toBe(true);
      }
    }),
  );
});

test('results increase strictly after after', () => {
  fc.assert(
    fc.property(runInput, ({ schedule, timeZone, after, count }) => {
      let previous = after.getTime();
      for (const runTime of nextRunTimes(schedule, { after, count, timeZone })) {
        expect(runTime.getTime()).toBeGreaterThan(previous);
        previous = runTime.getTime();
      }
    }),
  );
});

test('no run date is skipped', () => {
  fc.assert(
    fc.property(runInput, ({ schedule, timeZone, after, count }) => {
      const runDates = nextRunTimes(schedule, { after, count, timeZone }).map((runTime) =>
        localDate(runTime, timeZone),
      );

      let date = localDate(after, timeZone);
      for (const runDate of runDates) {
        for (; date < runDate; date = addDays(date, 1)) {
          const skipped = isRunDate(schedule, date) && runTimeOn(date, timeZone) > after;

          expect(skipped, `${date} is a run date after ${after.toISOString()}`).toBe(false);
        }
        date = addDays(runDate, 1);
      }
    }),
  );
});

function runTimeOn(date: string, timeZone: string): Date {
  return localTimeToInstant(date, RUN_TIME, timeZone);
}

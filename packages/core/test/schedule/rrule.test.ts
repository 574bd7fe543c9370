import { describe, expect, test } from 'vitest';
import { type Schedule, toRRule, ValidationError } from '../../src/index.js';

const mondaysAndFridays: Schedule = { kind: 'daysOfWeek', days: ['friday', 'monday'] };
const twiceInTwoMonths: Schedule = { kind: 'daysOfMonth', months: [9, 1], days: [15, 1] };

describe('toRRule', () => {
  test('weekly rule in London', () => {
    expect(toRRule(mondaysAndFridays, { start: '2026-12-01' })).toBe(
      'DTSTART;TZID=Europe/London:20261204T050000\n' +
        'RRULE:FREQ=WEEKLY;BYDAY=MO,FR;BYHOUR=5;BYMINUTE=0;BYSECOND=0',
    );
  });

  test('yearly rule in New York', () => {
    const text = toRRule(twiceInTwoMonths, { start: '2026-12-01', timeZone: 'America/New_York' });

    expect(text).toBe(
      'DTSTART;TZID=America/New_York:20270101T050000\n' +
        'RRULE:FREQ=YEARLY;BYMONTH=1,9;BYMONTHDAY=1,15;BYHOUR=5;BYMINUTE=0;BYSECOND=0',
    );
  });

  test('UTC start has no TZID', () => {
    const text = toRRule(mondaysAndFridays, { start: '2026-12-07', timeZone: 'UTC' });

    expect(text.split('\n')[0]).toBe('DTSTART:20261207T050000Z');
  });

  test('DTSTART is a run date', () => {
    const leapDay: Schedule = { kind: 'daysOfMonth', months: [2], days: [29] };

    expect(toRRule(leapDay, { start: '2026-01-01' })).toMatch(
      /^DTSTART;TZID=Europe\/London:20280229T050000\n/,
    );
  });

  test('rejects an unknown zone', () => {
    expect(() => toRRule(mondaysAndFridays, { timeZone: 'London' })).toThrow(/"London"/);
  });

  test('rejects an impossible start', () => {
    expect(() => toRRule(mondaysAndFridays, { start: '2026-02-30' })).toThrow(/"2026-02-30"/);
  });

  test('rejects a schedule that never runs', () => {
    const never: Schedule = { kind: 'daysOfMonth', months: [4, 6], days: [31] };

    expect(() => toRRule(never)).toThrow(ValidationError);
  });
});

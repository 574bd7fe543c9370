import { describe, expect, test } from 'vitest';
import { addDays, isCalendarDate, isoWeekday, toDayNumber } from '../../src/index.js';

describe('calendar dates before year 100', () => {
  test('addDays keeps the year', () => {
    expect(addDays('0050-01-01', 1)).toBe('0050-01-02');
  });

  test('day numbers differ from 1950', () => {
    expect(toDayNumber('0050-01-01')).not.toBe(toDayNumber('1950-01-01'));
  });

  test('year 0 is a leap year', () => {
    expect(isCalendarDate('0000-02-29')).toBe(true);
  });

  test('year 100 is not a leap year', () => {
    expect(isCalendarDate('0100-02-29')).toBe(false);
  });

  test('weekday of 0001-01-01 is Monday', () => {
    expect(isoWeekday('0001-01-01')).toBe(1);
  });
});

describe('calendar dates around 2000 and 2100', () => {
  test('2000-02-29 exists', () => {
    expect(isCalendarDate('2000-02-29')).toBe(true);
  });

  test('2100-02-29 does not exist', () => {
    expect(isCalendarDate('2100-02-29')).toBe(false);
  });

  test('2100-02-28 is followed by March', () => {
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
  });
});

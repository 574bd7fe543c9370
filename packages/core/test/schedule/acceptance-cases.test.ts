import { describe, expect, test } from 'vitest';
import { isRunDate, nextRunTimes } from '../../src/index.js';
import { readScheduleCases } from './schedule-cases.js';

const cases = readScheduleCases();

describe('nextRunTimes acceptance cases', () => {
  test.each(cases.nextRunTimes.map((item) => [item.name, item] as const))('%s', (_name, item) => {
    const runTimes = nextRunTimes(item.schedule, {
      after: new Date(item.after),
      count: item.count,
      timeZone: item.timeZone,
    });

    expect(runTimes.map((runTime) => runTime.toISOString())).toEqual(item.expected);
  });
});

describe('isRunDate acceptance cases', () => {
  test.each(
    cases.isRunDate.map((item) => [JSON.stringify(item.schedule), item.date, item] as const),
  )('%s on %s', (_schedule, _date, item) => {
    expect(isRunDate(item.schedule, item.date)).toBe(item.expected);
  });
});

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseAutomation, parseLearner, ValidationError } from '../../src/index.js';
import { automationWith, issuesOf } from './validation-issues.js';

const learner = { id: 'L1', firstName: 'Amara', lastName: 'Okafor', enteredOn: '2026-08-20' };

describe('values no message can print', () => {
  test('bigint schedule kind', () => {
    const input = automationWith({ schedule: { kind: 1n, days: ['monday'] } });

    expect(issuesOf(() => parseAutomation(input))).toEqual([
      { path: 'schedule.kind', message: '1 is not a valid kind: use daysOfWeek or daysOfMonth' },
    ]);
  });

  test('bigint learner name', () => {
    expect(issuesOf(() => parseLearner({ ...learner, firstName: 5n }))).toEqual([
      { path: 'firstName', message: 'must be a string, not bigint 5' },
    ]);
  });

  test('prototype-less channel', () => {
    const input = automationWith({ channel: Object.create(null) });

    expect(issuesOf(() => parseAutomation(input))).toEqual([
      { path: 'channel', message: 'an object is not a channel: use email or sms' },
    ]);
  });

  test('prototype-less weekday', () => {
    const input = automationWith({ schedule: { kind: 'daysOfWeek', days: [Object.create(null)] } });

    expect(issuesOf(() => parseAutomation(input)).map((issue) => issue.path)).toEqual([
      'schedule.days.0',
    ]);
  });

  test('any value gives a ValidationError', () => {
    const anyValue = fc.oneof(
      fc.anything({ withBigInt: true, withMap: true, withSet: true, withNullPrototype: true }),
      fc.constant(Symbol('x')),
    );
    fc.assert(
      fc.property(
        anyValue,
        fc.constantFrom('channel', 'schedule', 'delivery', 'filters'),
        (value, key) => {
          try {
            parseAutomation(automationWith({ [key]: value }));
          } catch (error) {
            expect(error).toBeInstanceOf(ValidationError);
          }
        },
      ),
    );
  });
});

describe('objects that are not plain data', () => {
  test('Map as filters', () => {
    const input = automationWith({ filters: new Map([['tags', { match: 'any', values: ['x'] }]]) });

    expect(issuesOf(() => parseAutomation(input))).toEqual([
      { path: 'filters', message: 'must be plain JSON data, not a Map' },
    ]);
  });

  test('class instance as delivery', () => {
    class Delivery {
      maxMessages = 2;
    }

    expect(issuesOf(() => parseAutomation(automationWith({ delivery: new Delivery() })))).toEqual([
      { path: 'delivery', message: 'must be plain JSON data, not a Delivery' },
    ]);
  });

  test('Map as host fields', () => {
    const input = { ...learner, fields: new Map([['cohort', 'A']]) };

    expect(issuesOf(() => parseLearner(input))).toEqual([
      { path: 'fields', message: 'must be plain JSON data, not a Map' },
    ]);
  });

  test('Date as a calendar date', () => {
    expect(issuesOf(() => parseLearner({ ...learner, enteredOn: new Date() }))).toEqual([
      { path: 'enteredOn', message: 'must be plain JSON data, not a Date' },
    ]);
  });

  test('prototype-less objects pass', () => {
    const input = Object.assign(Object.create(null), learner);

    expect(parseLearner(input).id).toBe('L1');
  });

  test('NaN host field', () => {
    expect(issuesOf(() => parseLearner({ ...learner, fields: { score: Number.NaN } }))).toEqual([
      { path: 'fields.score', message: 'must be text, a finite number or null' },
    ]);
  });
});

describe('NUL characters', () => {
  const NUL_MESSAGE = 'contains the NUL character (U+0000), which cannot be stored: remove it';

  test('in a filter value', () => {
    const input = automationWith({ filters: { programmes: ['prog\u0000x'] } });

    expect(issuesOf(() => parseAutomation(input))).toEqual([
      { path: 'filters.programmes.0', message: NUL_MESSAGE },
    ]);
  });

  test('in an automation name', () => {
    expect(issuesOf(() => parseAutomation(automationWith({ name: 'Welcome\u0000' })))).toEqual([
      { path: 'name', message: NUL_MESSAGE },
    ]);
  });

  test('in a learner field', () => {
    expect(issuesOf(() => parseLearner({ ...learner, tags: ['a\u0000b'] }))).toEqual([
      { path: 'tags.0', message: NUL_MESSAGE },
    ]);
  });
});

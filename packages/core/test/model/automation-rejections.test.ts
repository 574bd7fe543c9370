import { describe, expect, test } from 'vitest';
import { parseAutomation, parseAutomationDraft } from '../../src/index.js';
import { automationWith, issuesOf, validAutomation } from './validation-issues.js';

function automationIssues(overrides: Record<string, unknown>) {
  return issuesOf(() => parseAutomation(automationWith(overrides)));
}

const MAX_MESSAGES_RULE = 'must be a whole number of at least 1, or absent for no limit';

describe('channel rejections', () => {
  test('SMS with a subject', () => {
    expect(automationIssues({ channel: 'sms', subject: 'Hello' })).toEqual([
      { path: 'subject', message: 'an SMS has no subject: remove it' },
    ]);
  });

  test('email without a subject', () => {
    expect(automationIssues({ subject: undefined })).toEqual([
      { path: 'subject', message: 'an email needs a subject' },
    ]);
  });

  test('email with a blank subject', () => {
    expect(automationIssues({ subject: '  ' })).toEqual([
      { path: 'subject', message: 'must not be blank' },
    ]);
  });

  test('email with an invisible subject', () => {
    expect(automationIssues({ subject: '\u200b\ufeff' })).toEqual([
      { path: 'subject', message: 'must not be blank' },
    ]);
  });

  test('name of zero-width spaces', () => {
    expect(automationIssues({ name: '\u200b\u200b' })).toEqual([
      { path: 'name', message: 'must not be blank' },
    ]);
  });

  test('unknown channel', () => {
    expect(automationIssues({ channel: 'fax' })).toEqual([
      { path: 'channel', message: '"fax" is not a channel: use email or sms' },
    ]);
  });
});

describe('unknown keys', () => {
  test('at the top level', () => {
    expect(automationIssues({ shedule: { kind: 'daysOfWeek', days: ['monday'] } })).toEqual([
      { path: 'shedule', message: 'unknown key "shedule": remove it or correct its spelling' },
    ]);
  });

  test('inside delivery', () => {
    expect(automationIssues({ delivery: { maxMesages: 3 } })).toEqual([
      {
        path: 'delivery.maxMesages',
        message: 'unknown key "maxMesages": remove it or correct its spelling',
      },
    ]);
  });
});

describe('maxMessages rejections', () => {
  test.each([0, -1, 1.5, '3'])('maxMessages %j', (maxMessages) => {
    expect(automationIssues({ delivery: { maxMessages } })).toEqual([
      { path: 'delivery.maxMessages', message: MAX_MESSAGES_RULE },
    ]);
  });
});

describe('text field rejections', () => {
  test('blank name', () => {
    expect(automationIssues({ name: '   ' })).toEqual([
      { path: 'name', message: 'must not be blank' },
    ]);
  });

  test('blank title', () => {
    expect(automationIssues({ title: '' })).toEqual([
      { path: 'title', message: 'must not be blank' },
    ]);
  });

  test('missing name', () => {
    expect(automationIssues({ name: undefined })).toEqual([
      { path: 'name', message: 'is required' },
    ]);
  });

  test('blank id', () => {
    expect(automationIssues({ id: ' ' })).toEqual([{ path: 'id', message: 'must not be blank' }]);
  });

  test('draft with a blank name', () => {
    const { id: _id, ...draft } = validAutomation;

    expect(issuesOf(() => parseAutomationDraft({ ...draft, name: '' }))).toEqual([
      { path: 'name', message: 'must not be blank' },
    ]);
  });
});

describe('template rejections', () => {
  test('unknown merge field in body', () => {
    expect(automationIssues({ body: 'Hi {{ favouriteColour }}' })).toEqual([
      { path: 'body', message: expect.stringContaining('favouriteColour') },
    ]);
  });

  test('unclosed braces in subject', () => {
    expect(automationIssues({ subject: 'Hello {{ firstName' })).toEqual([
      { path: 'subject', message: expect.stringContaining('{{') },
    ]);
  });
});

describe('several problems', () => {
  test('every issue is listed', () => {
    const issues = automationIssues({ name: '', delivery: { maxMessages: 0 } });

    expect(issues.map((issue) => issue.path)).toEqual(['name', 'delivery.maxMessages']);
  });
});

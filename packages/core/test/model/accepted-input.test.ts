import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
  parseAutomation,
  parseAutomationDraft,
  parseFilters,
  parseLearner,
} from '../../src/index.js';
import { validAutomation } from './validation-issues.js';

// The automation JSON example of the product design, with every kind of filter it shows.
const designExample = {
  id: 'a-17',
  name: 'End date reminder',
  channel: 'email',
  title: 'Learners within 30 days of their end date',
  subject: 'Your programme ends on {{ expectedEndDate }}',
  body: '<p>Hello {{ firstName }},</p><p>Your programme ends soon.</p>',
  schedule: { kind: 'daysOfWeek', days: ['monday'] },
  delivery: { respectContactMethods: true, logCommunication: true, maxMessages: 4 },
  filters: {
    episodeStatus: 'inLearning',
    expectedToEndBetween: { from: { daysFromRunDate: 0 }, to: { daysFromRunDate: 30 } },
    tags: { match: 'none', values: ['do-not-contact'] },
    sites: { match: 'anyOf', values: ['site-leeds'] },
    officer: { id: 'o-7', relationship: 'Assessor' },
    breakInLearning: { mode: 'exclude', scope: 'current' },
    providerEndCodes: { match: 'isBlank' },
    fileTypes: { match: 'all', values: ['ILP'] },
  },
};

interface CaseFile {
  learners: unknown[];
  cases: { name: string; filters?: unknown; automation?: unknown }[];
}

function readCaseFile(name: string): CaseFile {
  const url = new URL(`../../../../../shared/cases/${name}`, import.meta.url);

  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as CaseFile;
}

const filterCases = readCaseFile('filters.json');
const recipientCases = readCaseFile('recipients.json');

describe('accepted automations', () => {
  test('design example parses unchanged', () => {
    expect(parseAutomation(designExample)).toEqual(designExample);
  });

  test('delivery defaults apply', () => {
    expect(parseAutomation(validAutomation).delivery).toEqual({
      respectContactMethods: true,
      logCommunication: false,
    });
  });

  test('filters default to none', () => {
    expect(parseAutomation(validAutomation).filters).toEqual({});
  });

  test('draft without an id', () => {
    const { id: _id, ...draft } = designExample;

    expect(parseAutomationDraft(draft).id).toBeUndefined();
  });

  test('maxMessages null means no limit', () => {
    const automation = parseAutomation({ ...validAutomation, delivery: { maxMessages: null } });

    expect(automation.delivery.maxMessages).toBeNull();
  });

  test('SMS without a subject', () => {
    const { subject: _subject, ...sms } = validAutomation;

    expect(parseAutomation({ ...sms, channel: 'sms' }).channel).toBe('sms');
  });

  test.each(recipientCases.cases.map((item) => [item.name, item.automation] as const))(
    'recipient case automation %s',
    (_name, automation) => {
      expect(() => parseAutomation(automation)).not.toThrow();
    },
  );

  test.each(filterCases.cases.map((item) => [item.name, item.filters] as const))(
    'filter case %s',
    (_name, filters) => {
      expect(() => parseFilters(filters)).not.toThrow();
    },
  );
});

describe('accepted learners', () => {
  const learners = [
    ...filterCases.learners.map((learner) => ['filter', learnerId(learner), learner] as const),
    ...recipientCases.learners.map(
      (learner) => ['recipient', learnerId(learner), learner] as const,
    ),
  ];

  test.each(learners)('%s case learner %s', (_file, _id, learner) => {
    expect(() => parseLearner(learner)).not.toThrow();
  });
});

function learnerId(learner: unknown): string {
  return String((learner as { id?: unknown }).id);
}

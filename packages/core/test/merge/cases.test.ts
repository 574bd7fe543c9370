import { describe, expect, it } from 'vitest';
import {
  parseLearner,
  type RenderChannel,
  renderTemplate,
  smsSegments,
  validateTemplate,
} from '../../src/index.js';
import { readCases } from './fixtures.js';

interface MergeCases {
  render: {
    name: string;
    channel: RenderChannel;
    template: string;
    learner: unknown;
    expected?: string;
    expectedNoneOf?: string[];
  }[];
  reject: { name: string; template: string; field?: string }[];
}

interface SmsCases {
  cases: { name: string; text: string; encoding: string; segments: number }[];
}

const mergeCases = readCases<MergeCases>('merge.json');
const smsCases = readCases<SmsCases>('sms-segments.json');

describe('merge acceptance cases', () => {
  it.each(mergeCases.render)('renders $name', (testCase) => {
    const learner = parseLearner(testCase.learner);
    const output = renderTemplate(testCase.template, learner, { channel: testCase.channel });

    if (testCase.expected !== undefined) expect(output).toBe(testCase.expected);
    for (const text of testCase.expectedNoneOf ?? []) {
      expect(output, JSON.stringify(text)).not.toContain(text);
    }
  });

  it.each(mergeCases.reject)('rejects $name', (testCase) => {
    const problems = validateTemplate(testCase.template);

    expect(problems.length).toBeGreaterThan(0);
    if (testCase.field !== undefined) {
      expect(problems.map((problem) => problem.field)).toContain(testCase.field);
    }
  });

  it('reads every case', () => {
    expect(mergeCases.render.length + mergeCases.reject.length).toBeGreaterThan(0);
  });
});

describe('sms segment acceptance cases', () => {
  it.each(smsCases.cases)('counts $name', (testCase) => {
    const result = smsSegments(testCase.text);

    expect(result.encoding).toBe(testCase.encoding);
    expect(result.segments).toBe(testCase.segments);
  });
});

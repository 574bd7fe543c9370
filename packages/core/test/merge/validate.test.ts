import { describe, expect, it } from 'vitest';
import {
  createMergeCatalogue,
  type MergeField,
  parseAutomation,
  ValidationError,
  validateTemplate,
} from '../../src/index.js';

const cohort: MergeField = { key: 'cohort', label: 'Cohort', type: 'text', example: 'Autumn 2026' };

describe('validateTemplate', () => {
  it('accepts known fields', () => {
    expect(validateTemplate('Hi {{ firstName }}, ends {{expectedEndDate}}')).toEqual([]);
  });

  it('accepts text without fields', () => {
    expect(validateTemplate('<p>Hello</p> } { }} ')).toEqual([]);
  });

  it('names an unknown field', () => {
    const [problem] = validateTemplate('Hi {{ favouriteColour }}');

    expect(problem?.field).toBe('favouriteColour');
    expect(problem?.message).toContain('"favouriteColour"');
  });

  it('locates a problem by offset', () => {
    const [problem] = validateTemplate('Hi {{ nope }}');

    expect(problem?.offset).toBe(3);
    expect(problem?.line).toBe(1);
    expect(problem?.column).toBe(4);
    expect(problem?.length).toBe(10);
  });

  it('counts lines after LF, CR LF and CR', () => {
    const problems = validateTemplate('a\n{{ x }}\r\nb {{ y }}\r  {{ z }}');

    expect(problems.map((problem) => [problem.line, problem.column])).toEqual([
      [2, 1],
      [3, 3],
      [4, 3],
    ]);
  });

  it('reports an unclosed brace pair', () => {
    const problems = validateTemplate('Hi {{ firstName');

    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain('not closed');
    expect(problems[0]?.offset).toBe(3);
  });

  it('reports an expression', () => {
    const [problem] = validateTemplate('{{ learner.firstName }}');

    expect(problem?.message).toContain('"learner.firstName" is not a merge field name');
    expect(problem?.field).toBeUndefined();
  });

  it('reports empty braces', () => {
    const [problem] = validateTemplate('Hi {{ }}');

    expect(problem?.message).toContain('empty merge field');
  });

  it('reports every problem in order', () => {
    const problems = validateTemplate('{{ a }} {{ firstName }} {{ b() }} {{ c');

    expect(problems.map((problem) => problem.offset)).toEqual([0, 24, 34]);
  });

  it('rejects host fields missing from the catalogue', () => {
    const [problem] = validateTemplate('{{ cohort }}');

    expect(problem?.field).toBe('cohort');
  });

  it('accepts host fields in the catalogue', () => {
    expect(validateTemplate('{{ cohort }}', createMergeCatalogue([cohort]))).toEqual([]);
  });

  it('rejects prototype property names', () => {
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      const [problem] = validateTemplate(`{{ ${key} }}`);

      expect(problem?.field, key).toBe(key);
    }
  });

  it('accepts a key the catalogue lists', () => {
    const catalogue = [{ key: 'constructor', label: 'Odd', type: 'text', example: 'x' } as const];

    expect(validateTemplate('{{ constructor }}', catalogue)).toEqual([]);
  });

  it('shortens a long expression in messages', () => {
    const [problem] = validateTemplate(`{{ ${'x.'.repeat(10_000)} }}`);

    expect(problem?.message.length).toBeLessThan(200);
  });

  it('allows tabs and newlines inside braces', () => {
    expect(validateTemplate('{{\tfirstName\n}}')).toEqual([]);
  });
});

describe('parseAutomation templates', () => {
  const automation = {
    id: 'a-1',
    name: 'Welcome',
    channel: 'email',
    title: 'New starters',
    subject: 'Welcome {{ firstName }}',
    body: '<p>Hello</p>\n<p>{{ favouriteColour }}</p>',
    schedule: { kind: 'daysOfWeek', days: ['monday'] },
    delivery: { respectContactMethods: true, logCommunication: false },
    filters: {},
  };

  function issuesOf(input: unknown): ValidationError['issues'] {
    try {
      parseAutomation(input);
    } catch (error) {
      if (error instanceof ValidationError) return error.issues;
      throw error;
    }

    return [];
  }

  it('rejects an unknown body field', () => {
    const [issue] = issuesOf(automation);

    expect(issue?.path).toBe('body');
    expect(issue?.message).toContain('"favouriteColour"');
    expect(issue?.message).toContain('line 2, column 4');
  });

  it('accepts host fields in the catalogue', () => {
    const catalogue = createMergeCatalogue([{ ...cohort, key: 'favouriteColour' }]);

    expect(parseAutomation(automation, { catalogue }).body).toBe(automation.body);
  });
});

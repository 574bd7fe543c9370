import { describe, expect, it } from 'vitest';
import {
  compileTemplate,
  createMergeCatalogue,
  formatBritishDate,
  type Learner,
  renderTemplate,
} from '../../src/index.js';
import { makeLearner } from './fixtures.js';

const hostCatalogue = createMergeCatalogue([
  { key: 'cohort', label: 'Cohort', type: 'text', example: 'Autumn 2026' },
  { key: 'reviewDate', label: 'Review date', type: 'date', example: '15 March 2027' },
  { key: 'hours', label: 'Hours', type: 'number', example: '12.5' },
]);

function sms(template: string, learner: Learner = makeLearner()): string {
  return renderTemplate(template, learner, { channel: 'sms', catalogue: hostCatalogue });
}

describe('renderTemplate', () => {
  it('fills built-in fields', () => {
    expect(sms('{{ firstName }} {{lastName}} ({{ id }})')).toBe('Amara Okafor (L01)');
  });

  it('formats dates in British form', () => {
    expect(sms('{{ expectedEndDate }}')).toBe('4 December 2026');
  });

  it('formats single-digit days without padding', () => {
    expect(sms('{{ startDate }}')).toBe('1 September 2026');
  });

  it('formats host dates the catalogue types', () => {
    expect(sms('{{ reviewDate }}')).toBe('15 March 2027');
  });

  it('renders untyped host dates as text', () => {
    const learner = makeLearner();

    expect(renderTemplate('{{ reviewDate }}', learner, { channel: 'sms' })).toBe('2027-03-15');
  });

  it('renders numbers with String', () => {
    expect(sms('{{ hours }}')).toBe('12.5');
  });

  it('keeps an invalid date as written', () => {
    expect(sms('{{ reviewDate }}', makeLearner({ fields: { reviewDate: 'soon' } }))).toBe('soon');
  });

  it('renders null as empty', () => {
    expect(sms('[{{ email }}]', makeLearner({ email: null }))).toBe('[]');
  });

  it('renders a null host field as empty', () => {
    expect(sms('[{{ cohort }}]', makeLearner({ fields: { cohort: null } }))).toBe('[]');
  });

  it('renders an unknown field as empty', () => {
    expect(sms('[{{ favouriteColour }}]')).toBe('[]');
  });

  it('ignores prototype properties of fields', () => {
    const output = sms('[{{ __proto__ }}{{ constructor }}{{ toString }}]');

    expect(output).toBe('[]');
  });

  it('renders an own __proto__ host field', () => {
    const learner = makeLearner({ fields: JSON.parse('{"__proto__": "data"}') });

    expect(sms('{{ __proto__ }}', learner)).toBe('data');
  });

  it('renders non-scalar values as empty', () => {
    const learner = { ...makeLearner(), firstName: { a: 1 } } as unknown as Learner;

    expect(sms('[{{ firstName }}]', learner)).toBe('[]');
  });

  it('never reads list fields', () => {
    expect(sms('[{{ tags }}]', makeLearner({ tags: ['t1'] }))).toBe('[]');
  });

  it('renders expressions as empty', () => {
    expect(sms('[{{ firstName.length }}]')).toBe('[]');
  });

  it('keeps an unclosed brace pair as text', () => {
    expect(sms('Hi {{ firstName')).toBe('Hi {{ firstName');
  });

  it('escapes merge values in email', () => {
    const learner = makeLearner({ firstName: `<a href="x">O'Neil & Co</a>` });
    const output = renderTemplate('<p>{{ firstName }}</p>', learner, { channel: 'email' });

    expect(output).toBe('<p>&lt;a href=&quot;x&quot;&gt;O&#39;Neil &amp; Co&lt;/a&gt;</p>');
  });

  it('keeps email template HTML as written', () => {
    const output = renderTemplate('<b>&amp;</b>', makeLearner(), { channel: 'email' });

    expect(output).toBe('<b>&amp;</b>');
  });

  it('flattens line breaks in subject values', () => {
    const learner = makeLearner({ lastName: 'Smith\r\nBcc: x@example.com\u2028\u2029\u0085\t.' });
    const output = renderTemplate('For {{ lastName }}', learner, { channel: 'subject' });

    expect(output).toBe('For Smith Bcc: x@example.com .');
  });

  it('flattens line breaks in subject text', () => {
    const output = renderTemplate('Hello\r\n{{ firstName }}\n', makeLearner(), {
      channel: 'subject',
    });

    expect(output).toBe('Hello Amara ');
  });

  it('does not escape subject values', () => {
    const learner = makeLearner({ firstName: 'A & B' });

    expect(renderTemplate('{{ firstName }}', learner, { channel: 'subject' })).toBe('A & B');
  });

  it('keeps sms line breaks', () => {
    expect(sms('Hi\n{{ firstName }}')).toBe('Hi\nAmara');
  });
});

describe('compileTemplate', () => {
  it('renders for several learners', () => {
    const render = compileTemplate('Hi {{ firstName }}!', { channel: 'sms' });

    expect(render(makeLearner())).toBe('Hi Amara!');
    expect(render(makeLearner({ firstName: 'Ben' }))).toBe('Hi Ben!');
  });

  it('renders a template without fields', () => {
    expect(compileTemplate('Hello', { channel: 'sms' })(makeLearner())).toBe('Hello');
  });

  it('renders an empty template', () => {
    expect(compileTemplate('', { channel: 'email' })(makeLearner())).toBe('');
  });

  it('renders adjacent fields', () => {
    const render = compileTemplate('{{firstName}}{{lastName}}', { channel: 'sms' });

    expect(render(makeLearner())).toBe('AmaraOkafor');
  });

  it('tolerates a learner without fields', () => {
    const learner = { ...makeLearner(), fields: undefined } as unknown as Learner;

    expect(compileTemplate('[{{ cohort }}]', { channel: 'sms' })(learner)).toBe('[]');
  });
});

describe('formatBritishDate', () => {
  it('formats a leap day', () => {
    expect(formatBritishDate('2028-02-29')).toBe('29 February 2028');
  });

  it('keeps a day that does not exist', () => {
    expect(formatBritishDate('2026-02-29')).toBe('2026-02-29');
  });

  it('keeps text that is not a date', () => {
    expect(formatBritishDate('4 December 2026')).toBe('4 December 2026');
  });

  it('formats repeated calls alike', () => {
    expect(formatBritishDate('2026-12-04')).toBe(formatBritishDate('2026-12-04'));
  });
});

import { describe, expect, it } from 'vitest';
import { htmlToText, renderTemplate, smsSegments, validateTemplate } from '../../src/index.js';
import { makeLearner } from './fixtures.js';

const MEGABYTE = 1_000_000;

function render(template: string): string {
  return renderTemplate(template, makeLearner(), { channel: 'sms' });
}

// A quadratic scan makes these inputs run far longer than a linear one. The suite's timeout is the
// only guard, because no assertion measures time.
const hugeTemplates: [string, string][] = [
  ['only openings', '{{'.repeat(MEGABYTE / 2)],
  ['openings then one closing', `${'{{ '.repeat(MEGABYTE / 3)}}}`],
  ['many fields', '{{ firstName }}'.repeat(MEGABYTE / 15)],
  ['many unknown fields', '{{x}}'.repeat(MEGABYTE / 5)],
  ['closings before openings', '}}{{'.repeat(MEGABYTE / 4)],
  ['nested openings', `${'{{{'.repeat(MEGABYTE / 3)}}}}`],
];

describe('hostile templates', () => {
  it('keeps code from running', () => {
    const template = "{{ constructor.constructor('return process')() }}";

    expect(render(template)).toBe('');
  });

  it('rejects code as a field', () => {
    const [problem] = validateTemplate("{{ constructor.constructor('return process')() }}");

    expect(problem?.message).toContain('is not a merge field name');
  });

  it('keeps __proto__ empty', () => {
    expect(render('{{ __proto__ }}')).toBe('');
  });

  it('keeps EJS syntax as text', () => {
    expect(render('<%= 7*7 %>')).toBe('<%= 7*7 %>');
  });

  it('keeps template literals as text', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text is the input.
    const template = '${1+1}';

    expect(render(template)).toBe(template);
  });

  it('rejects triple braces', () => {
    const [problem] = validateTemplate('{{{ firstName }}}');

    expect(problem?.message).toContain('"{ firstName" is not a merge field name');
  });

  it('renders triple braces without the value', () => {
    expect(render('{{{ firstName }}}')).toBe('}');
  });

  it.each(hugeTemplates)('validates 1 MB of %s', (_name, template) => {
    expect(Array.isArray(validateTemplate(template))).toBe(true);
  });

  it.each(hugeTemplates)('renders 1 MB of %s', (_name, template) => {
    expect(typeof render(template)).toBe('string');
  });

  it('converts 1 MB of hostile HTML', () => {
    const inputs = [
      '<'.repeat(MEGABYTE),
      '<a '.repeat(MEGABYTE / 3),
      '&'.repeat(MEGABYTE),
      '&#'.repeat(MEGABYTE / 2),
      '<!--'.repeat(MEGABYTE / 4),
      `<script>${'</'.repeat(MEGABYTE / 2)}`,
      `<a href="${'x'.repeat(MEGABYTE)}`,
      '<a href=x>'.repeat(MEGABYTE / 10),
    ];
    for (const html of inputs) {
      expect(typeof htmlToText(html)).toBe('string');
    }
  });

  it('counts 1 MB of SMS text', () => {
    expect(smsSegments('€'.repeat(MEGABYTE)).segments).toBe(Math.ceil(MEGABYTE / 76));
  });
});

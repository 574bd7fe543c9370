import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileTemplate,
  type Learner,
  mergeFields,
  type RenderChannel,
  renderTemplate,
  smsSegments,
  validateTemplate,
} from '../../src/index.js';
import { makeLearner } from './fixtures.js';

const builtInKeys = mergeFields.map((field) => field.key);
const hostKeys = ['cohort', 'reviewDate', 'hours', '__proto__', 'constructor', 'toString'];
const allKeys = [...builtInKeys, ...hostKeys];
const channels: RenderChannel[] = ['sms', 'email', 'subject'];

const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const anyKey = fc.constantFrom(...allKeys);
const anyChannel = fc.constantFrom(...channels);

// Templates of merge fields and literal text that cannot itself contain the words checked for.
const placeholder = anyKey.map((key) => `{{ ${key} }}`);
const plainText = fc.string({
  unit: fc.constantFrom('a', ' ', '<', '\n', '{', '}', '.'),
  maxLength: 8,
});
const fieldTemplate = fc
  .array(fc.oneof(placeholder, plainText), { maxLength: 8 })
  .map((parts) => parts.join(''));

// Templates rich in brace and quote characters, to reach every branch of the tokenizer.
const braceTemplate = fc
  .array(fc.constantFrom('{{', '}}', '{', '}', ' ', 'firstName', 'a.b', '(', "'", '\r\n', 'x'), {
    maxLength: 20,
  })
  .map((parts) => parts.join(''));

const anyLearner = fc
  .record({
    key: fc.constantFrom(...builtInKeys),
    value: anyText,
    hostKey: fc.constantFrom(...hostKeys),
    hostValue: fc.oneof(anyText, fc.double(), fc.constant(null)),
  })
  .map(({ key, value, hostKey, hostValue }) => {
    const fields: Record<string, string | number | null> = {};
    Object.defineProperty(fields, hostKey, { value: hostValue, enumerable: true });

    return { ...makeLearner(), [key]: value, fields } as Learner;
  });

const emptyLearner = { id: 'L0', fields: {} } as unknown as Learner;

describe('merge properties', () => {
  it('rendering never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(fieldTemplate, braceTemplate, anyText),
        anyLearner,
        anyChannel,
        (template, learner, channel) => {
          expect(typeof renderTemplate(template, learner, { channel })).toBe('string');
        },
      ),
    );
  });

  it('absent fields render as nothing', () => {
    fc.assert(
      fc.property(fieldTemplate, anyChannel, (template, channel) => {
        const output = compileTemplate(template, { channel })(emptyLearner);

        expect(output).not.toMatch(/undefined|null|\[object/);
      }),
    );
  });

  it('absent fields leave only text', () => {
    const braceFreeText = fc.string({ unit: fc.constantFrom('a', ' ', '<', '\n'), maxLength: 8 });
    const template = fc
      .array(fc.oneof(placeholder, braceFreeText), { maxLength: 8 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(template, (template) => {
        const output = renderTemplate(template, emptyLearner, { channel: 'sms' });
        const withoutFields = template.replace(/\{\{ \w+ \}\}/g, (match) =>
          match === '{{ id }}' ? 'L0' : '',
        );

        expect(output).toBe(withoutFields);
      }),
    );
  });

  it('subject output stays on one line', () => {
    fc.assert(
      fc.property(fc.oneof(fieldTemplate, anyText), anyLearner, (template, learner) => {
        const output = renderTemplate(template, learner, { channel: 'subject' });

        expect(output).not.toMatch(/[\r\n]/);
      }),
    );
  });

  it('email values never open a tag', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(...builtInKeys, 'cohort'), (value, key) => {
        const learner = { ...makeLearner(), [key]: value, fields: { cohort: value } } as Learner;
        const output = renderTemplate(`<p>{{ ${key} }}</p>`, learner, { channel: 'email' });

        expect(output.slice(3, -4)).not.toContain('<');
      }),
    );
  });

  it('GSM-7 segments grow with length', () => {
    const gsmText = fc.string({
      unit: fc.constantFrom('a', ' ', '€', '[', '\n', 'é', '@'),
      maxLength: 400,
    });
    fc.assert(
      fc.property(gsmText, fc.nat(), (text, cut) => {
        const prefix = text.slice(0, cut % (text.length + 1));

        expect(smsSegments(prefix).segments).toBeLessThanOrEqual(smsSegments(text).segments);
      }),
    );
  });

  it('validation never throws', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, braceTemplate, fieldTemplate), (template) => {
        expect(Array.isArray(validateTemplate(template))).toBe(true);
      }),
    );
  });

  it('validation places problems inside the text', () => {
    fc.assert(
      fc.property(braceTemplate, (template) => {
        for (const problem of validateTemplate(template)) {
          expect(problem.offset + problem.length).toBeLessThanOrEqual(template.length);
        }
      }),
    );
  });
});

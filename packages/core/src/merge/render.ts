import type { Learner } from '../model/learner.js';
import { findBuiltInMergeField, mergeFields } from './catalogue.js';
import { dateValueToText, escapeHtml, toSingleLine, valueToText } from './format.js';
import { type TemplateToken, tokenizeTemplate } from './tokenize.js';
import type { MergeField, MergeFieldType } from './types.js';

/**
 * Destination of a rendered template: an `email` body (HTML), an email `subject` (one header line)
 * or an `sms` body (plain text).
 */
export type RenderChannel = 'email' | 'subject' | 'sms';

/** Options of {@link compileTemplate} and {@link renderTemplate}. */
export interface RenderOptions {
  /** Where the output goes, which decides how merge values are escaped. */
  channel: RenderChannel;
  /** Fields whose catalogue type decides how host fields render. @default the built-in fields */
  catalogue?: readonly MergeField[];
}

/** A compiled template, which renders for one learner and never throws, whatever the field values. */
export type CompiledTemplate = (learner: Learner) => string;

type ValueGetter = (learner: Learner) => string;

/**
 * Compiles a subject or body once, for rendering to many learners. Merge values are HTML-escaped
 * for `email`, and kept to one line for `subject`, where line breaks in the template text become
 * spaces too. For `sms` values are inserted as they are.
 *
 * Built-in fields are read from the learner record. Any other key is read from the learner's own
 * `fields` entry, never from its prototype. Such a host field renders as text unless the catalogue
 * gives it the type `date` or `number`, and it renders even when the catalogue does not list it.
 * Dates render as `4 December 2026`. Absent values, null and values of other kinds render as an
 * empty string. A placeholder that is not a plain identifier renders as an empty string, and an
 * unclosed `{{` stays as text. Saving rejects both, so only unvalidated templates reach this.
 */
export function compileTemplate(text: string, options: RenderOptions): CompiledTemplate {
  const encode = encoderFor(options.channel);
  const hostTypes = hostFieldTypes(options.catalogue ?? mergeFields);
  const literals: string[] = [''];
  const getters: ValueGetter[] = [];
  for (const token of tokenizeTemplate(text)) {
    if (token.kind === 'field') {
      getters.push(createGetter(token.key, hostTypes, encode));
      literals.push('');
    } else {
      literals[literals.length - 1] += literalText(token, options.channel);
    }
  }

  return (learner) => {
    let output = literals[0]!;
    for (let index = 0; index < getters.length; index++) {
      output += getters[index]!(learner) + literals[index + 1]!;
    }

    return output;
  };
}

/**
 * Renders a subject or body for one learner, with the rules of {@link compileTemplate}. Use
 * {@link compileTemplate} to render one template for many learners.
 */
export function renderTemplate(text: string, learner: Learner, options: RenderOptions): string {
  return compileTemplate(text, options)(learner);
}

function encoderFor(channel: RenderChannel): (text: string) => string {
  if (channel === 'email') return escapeHtml;
  if (channel === 'subject') return toSingleLine;

  return (text) => text;
}

function literalText(token: Exclude<TemplateToken, { kind: 'field' }>, channel: RenderChannel) {
  if (token.kind !== 'text') return '';

  return channel === 'subject' ? toSingleLine(token.text) : token.text;
}

function hostFieldTypes(catalogue: readonly MergeField[]): ReadonlyMap<string, MergeFieldType> {
  return new Map(catalogue.map((field) => [field.key, field.type]));
}

function createGetter(
  key: string,
  hostTypes: ReadonlyMap<string, MergeFieldType>,
  encode: (text: string) => string,
): ValueGetter {
  const builtIn = findBuiltInMergeField(key);
  if (builtIn) {
    const property = builtIn.key;
    const toText = builtIn.type === 'date' ? dateValueToText : valueToText;

    return (learner) => encode(toText(learner[property]));
  }

  const toText = hostTypes.get(key) === 'date' ? dateValueToText : valueToText;

  return (learner) => encode(toText(readHostField(learner, key)));
}

function readHostField(learner: Learner, key: string): unknown {
  const fields: unknown = learner.fields;
  if (typeof fields !== 'object' || fields === null || !Object.hasOwn(fields, key)) {
    return undefined;
  }

  return (fields as Record<string, unknown>)[key];
}

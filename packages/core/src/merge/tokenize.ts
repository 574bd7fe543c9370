import { isMergeFieldKey } from './catalogue.js';

/** Literal template text, copied to the output as written. */
export interface TextToken {
  kind: 'text';
  /** The text itself. */
  text: string;
  /** Offset of the text in UTF-16 code units. */
  offset: number;
}

/** A `{{ key }}` placeholder whose key is a plain identifier. */
export interface FieldToken {
  kind: 'field';
  /** The key between the braces, without surrounding whitespace. */
  key: string;
  /** Offset of the opening `{{` in UTF-16 code units. */
  offset: number;
  /** Length of the placeholder from `{{` to `}}` inclusive. */
  length: number;
}

/** A `{{ … }}` placeholder whose content is not a plain identifier, such as `{{ a.b() }}`. */
export interface ExpressionToken {
  kind: 'expression';
  /** The content between the braces, without surrounding whitespace. */
  expression: string;
  /** Offset of the opening `{{` in UTF-16 code units. */
  offset: number;
  /** Length of the placeholder from `{{` to `}}` inclusive. */
  length: number;
}

/** An opening `{{` with no `}}` after it. The text from it to the end follows as a text token. */
export interface UnclosedToken {
  kind: 'unclosed';
  /** Offset of the opening `{{` in UTF-16 code units. */
  offset: number;
}

/** One piece of a template, in the order of the text. */
export type TemplateToken = TextToken | FieldToken | ExpressionToken | UnclosedToken;

const OPEN = '{{';
const CLOSE = '}}';

/**
 * Splits a template into text and `{{ key }}` tokens. A placeholder runs from `{{` to the first
 * `}}` after it, and whitespace inside the braces is ignored. Nothing is evaluated: the content is
 * either a plain identifier (a field token) or it is kept as an expression token for validation to
 * report. Runs in time linear in the length of the text.
 */
export function tokenizeTemplate(text: string): TemplateToken[] {
  const tokens: TemplateToken[] = [];
  let position = 0;

  while (position < text.length) {
    const open = text.indexOf(OPEN, position);
    if (open === -1) break;

    pushText(tokens, text, position, open);
    const close = text.indexOf(CLOSE, open + OPEN.length);
    if (close === -1) {
      tokens.push({ kind: 'unclosed', offset: open });
      pushText(tokens, text, open, text.length);

      return tokens;
    }

    position = close + CLOSE.length;
    tokens.push(placeholderToken(text.slice(open + OPEN.length, close).trim(), open, position));
  }
  pushText(tokens, text, position, text.length);

  return tokens;
}

function placeholderToken(content: string, offset: number, end: number): TemplateToken {
  const length = end - offset;
  if (isMergeFieldKey(content)) return { kind: 'field', key: content, offset, length };

  return { kind: 'expression', expression: content, offset, length };
}

function pushText(tokens: TemplateToken[], text: string, start: number, end: number): void {
  if (end > start) tokens.push({ kind: 'text', text: text.slice(start, end), offset: start });
}

import { mergeFields } from './catalogue.js';
import { type TemplateToken, tokenizeTemplate } from './tokenize.js';
import type { MergeField, TemplateProblem } from './types.js';

// Maximum length of an expression quoted in a problem message, so a hostile template cannot bloat
// the message.
const MAX_QUOTED_LENGTH = 60;

// Key sets of frozen catalogues, such as those createMergeCatalogue returns. A catalogue that can
// still change is read afresh on every call.
const keySets = new WeakMap<readonly MergeField[], ReadonlySet<string>>();

/**
 * Checks a subject or body before it is saved. Reports each unknown field (naming it), each
 * unclosed `{{` and each placeholder that is not a plain identifier, in text order, with its
 * offset, line and column. Never throws for any text, and runs in time linear in its length.
 *
 * A host field must be listed in the catalogue to pass, even when learners carry it in `fields`.
 * Keys are looked up as catalogue entries only, so `__proto__` or `constructor` is unknown unless
 * the catalogue lists it.
 *
 * @param catalogue - fields a template may use. @default the built-in fields
 */
export function validateTemplate(
  text: string,
  catalogue: readonly MergeField[] = mergeFields,
): TemplateProblem[] {
  const known = keySetOf(catalogue);
  const locate = createLocator(text);
  const problems: TemplateProblem[] = [];
  for (const token of tokenizeTemplate(text)) {
    const problem = describeProblem(token, known);
    if (!problem) continue;

    const { message, length, field } = problem;
    const { line, column } = locate(token.offset);
    const placed: TemplateProblem = { message, offset: token.offset, line, column, length };
    if (field !== undefined) placed.field = field;
    problems.push(placed);
  }

  return problems;
}

interface ProblemDescription {
  message: string;
  length: number;
  field?: string;
}

function describeProblem(
  token: TemplateToken,
  known: ReadonlySet<string>,
): ProblemDescription | undefined {
  switch (token.kind) {
    case 'text':
      return undefined;
    case 'unclosed':
      return { message: '"{{" is not closed: add "}}" after the field name', length: 2 };
    case 'expression':
      return { message: describeExpression(token.expression), length: token.length };
    case 'field':
      if (known.has(token.key)) return undefined;

      return {
        message: `unknown merge field "${token.key}": choose a field from the merge-field catalogue`,
        length: token.length,
        field: token.key,
      };
  }
}

function describeExpression(expression: string): string {
  if (expression === '') return 'empty merge field "{{}}": write a field name between the braces';

  const quoted =
    expression.length > MAX_QUOTED_LENGTH
      ? `${expression.slice(0, MAX_QUOTED_LENGTH)}…`
      : expression;

  return `"${quoted}" is not a merge field name: write one name such as {{ firstName }}`;
}

function keySetOf(catalogue: readonly MergeField[]): ReadonlySet<string> {
  const cached = keySets.get(catalogue);
  if (cached) return cached;

  const keys = new Set(catalogue.map((field) => field.key));
  if (Object.isFrozen(catalogue)) keySets.set(catalogue, keys);

  return keys;
}

/**
 * Returns a function that turns an offset into a 1-based line and column. Offsets must come in
 * increasing order, which keeps the whole pass linear. CR LF, LF and a lone CR each end a line.
 */
function createLocator(text: string): (offset: number) => Pick<TemplateProblem, 'line' | 'column'> {
  let scanned = 0;
  let line = 1;
  let lineStart = 0;

  return (offset) => {
    for (; scanned < offset; scanned++) {
      const code = text.charCodeAt(scanned);
      const isCrBeforeLf = code === 13 && text.charCodeAt(scanned + 1) === 10;
      if ((code === 10 || code === 13) && !isCrBeforeLf) {
        line++;
        lineStart = scanned + 1;
      }
    }

    return { line, column: offset - lineStart + 1 };
  };
}

import { z } from 'zod';
import { isCalendarDate } from './calendar-date.js';

/** A real calendar date written `YYYY-MM-DD`. */
export const calendarDateSchema = z.string().refine(isCalendarDate, {
  error: (issue) => `"${String(issue.input)}" is not a real date: write it as YYYY-MM-DD`,
});

// White space plus the invisible format characters (zero-width space, joiners, word joiner, BOM)
// that `String.prototype.trim` keeps, so a name of only those still counts as blank.
const INVISIBLE = /[\s\u200b-\u200d\u2060\ufeff]/gu;

/** Returns whether a string has no visible character. */
export function isBlank(text: string): boolean {
  return text.replace(INVISIBLE, '').length === 0;
}

/** Returns a schema of strings with a character that is neither white space nor invisible. */
export function nonBlankString() {
  return z.string({ error: 'must be text' }).refine((text) => !isBlank(text), {
    error: 'must not be blank',
  });
}

/** Returns a schema of non-empty lists of distinct, non-blank strings. */
export function distinctStringList(what: string) {
  return z
    .array(nonBlankString())
    .min(1, { error: `choose at least one ${what}` })
    .superRefine(rejectRepeatedValues);
}

/** Adds an issue for every value that appears earlier in the same list. */
export function rejectRepeatedValues(values: readonly unknown[], context: z.RefinementCtx): void {
  const seen = new Set<unknown>();
  values.forEach((value, index) => {
    if (seen.has(value)) {
      context.addIssue({
        code: 'custom',
        path: [index],
        message: `${JSON.stringify(value)} is repeated: list each value once`,
      });
    }
    seen.add(value);
  });
}

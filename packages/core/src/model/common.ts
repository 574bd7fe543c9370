import { z } from 'zod';
import { isCalendarDate } from './calendar-date.js';

/** A real calendar date written `YYYY-MM-DD`. */
export const calendarDateSchema = z.string().refine(isCalendarDate, {
  error: (issue) => `"${String(issue.input)}" is not a real date: write it as YYYY-MM-DD`,
});

/** A string with at least one character that is not white space. */
export function nonBlankString() {
  return z.string({ error: 'must be text' }).refine((text) => text.trim().length > 0, {
    error: 'must not be blank',
  });
}

/** A non-empty list of distinct strings, each not blank. */
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

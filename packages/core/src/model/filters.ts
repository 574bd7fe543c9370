import { z } from 'zod';
import { calendarDateSchema, distinctStringList, nonBlankString } from './common.js';

/** A date range bound relative to the run date: `{ daysFromRunDate: -7 }` is a week before it. */
const relativeBoundSchema = z.strictObject({
  daysFromRunDate: z
    .number({ error: 'must be a whole number of days' })
    .int({ error: 'must be a whole number of days' })
    .min(-36_600, { error: 'must be within 100 years (36,600 days) of the run date' })
    .max(36_600, { error: 'must be within 100 years (36,600 days) of the run date' }),
});

/** A fixed `YYYY-MM-DD` date, or an offset in days from the run date. */
export const dateBoundSchema = z.union([calendarDateSchema, relativeBoundSchema], {
  error: 'a date bound is a YYYY-MM-DD date or { "daysFromRunDate": N }',
});

/** An inclusive range of dates; at least one bound is required. */
export const dateRangeSchema = z
  .strictObject({
    from: dateBoundSchema.optional(),
    to: dateBoundSchema.optional(),
  })
  .superRefine((range, context) => {
    if (range.from === undefined && range.to === undefined) {
      context.addIssue({ code: 'custom', message: 'give a from date, a to date or both' });
      return;
    }
    if (range.from === undefined || range.to === undefined) return;
    if (typeof range.from !== typeof range.to) return;

    const fromIsLater =
      typeof range.from === 'string'
        ? range.from > (range.to as string)
        : range.from.daysFromRunDate > (range.to as { daysFromRunDate: number }).daysFromRunDate;
    if (fromIsLater) {
      context.addIssue({
        code: 'custom',
        path: ['from'],
        message: 'from is after to, so no date is in the range: swap them',
      });
    }
  });

/** A fixed date or an offset from the run date. */
export type DateBound = z.output<typeof dateBoundSchema>;

/** An inclusive date range. */
export type DateRange = z.output<typeof dateRangeSchema>;

/** A learner's episode status on a day. `all` means no status filter. */
export const episodeStatusSchema = z.enum(['all', 'leavers', 'inLearning', 'yetToStart']);

/** Episode status filter value. */
export type EpisodeStatus = z.output<typeof episodeStatusSchema>;

/** Match on a set of values the learner carries, such as tags or file types. */
export const setMatchSchema = z.strictObject({
  match: z.enum(['any', 'all', 'none']),
  values: distinctStringList('value'),
});

/** `any`, `all` or `none` of the values. */
export type SetMatch = z.output<typeof setMatchSchema>;

/**
 * Match on linked ids (sites, plans, contracts) or on one code (end code, destination).
 * `anyOf` and `noneOf` need values; `isBlank` and `notBlank` take none.
 */
export const linkMatchSchema = z
  .strictObject({
    match: z.enum(['anyOf', 'noneOf', 'isBlank', 'notBlank']),
    values: z.array(nonBlankString()).optional(),
  })
  .superRefine((filter, context) => {
    const values = filter.values ?? [];
    const needsValues = filter.match === 'anyOf' || filter.match === 'noneOf';
    if (needsValues && values.length === 0) {
      context.addIssue({
        code: 'custom',
        path: ['values'],
        message: `choose at least one value for ${filter.match}`,
      });
    }
    if (!needsValues && values.length > 0) {
      context.addIssue({
        code: 'custom',
        path: ['values'],
        message: `${filter.match} takes no values: remove them`,
      });
    }
    const seen = new Set<string>();
    values.forEach((value, index) => {
      if (seen.has(value)) {
        context.addIssue({
          code: 'custom',
          path: ['values', index],
          message: `${JSON.stringify(value)} is repeated: list each value once`,
        });
      }
      seen.add(value);
    });
  });

/** `anyOf`, `noneOf`, `isBlank` or `notBlank`. */
export type LinkMatch = z.output<typeof linkMatchSchema>;

/** A linked staff member or organisation, with the relationship when one is given. */
export const linkFilterSchema = z.strictObject({
  id: nonBlankString(),
  relationship: nonBlankString().optional(),
});

/** Officer or organisation filter value. */
export type LinkFilter = z.output<typeof linkFilterSchema>;

/** Whether to keep all learners, exclude those on a break, or keep only those on one. */
export const breakInLearningFilterSchema = z.strictObject({
  mode: z.enum(['all', 'exclude', 'only']),
  scope: z.enum(['current', 'ever']),
});

/** Break in learning filter value. */
export type BreakInLearningFilter = z.output<typeof breakInLearningFilterSchema>;

/**
 * The audience filters of an automation. Every filter given must match (AND); an absent filter
 * does not filter.
 */
export const filtersSchema = z
  .strictObject({
    enteredBetween: dateRangeSchema.optional(),
    startedBetween: dateRangeSchema.optional(),
    expectedToEndBetween: dateRangeSchema.optional(),
    endedBetween: dateRangeSchema.optional(),
    episodeStatus: episodeStatusSchema.optional(),
    stillOnStatusBetween: dateRangeSchema.optional(),
    tags: setMatchSchema.optional(),
    sites: linkMatchSchema.optional(),
    qualificationPlans: linkMatchSchema.optional(),
    contracts: linkMatchSchema.optional(),
    programmes: distinctStringList('programme').optional(),
    fundingOrganisations: distinctStringList('funding organisation').optional(),
    officer: linkFilterSchema.optional(),
    organisation: linkFilterSchema.optional(),
    pastExpectedEnd: z.boolean().optional(),
    breakInLearning: breakInLearningFilterSchema.optional(),
    ilrExportStatuses: distinctStringList('ILR export status').optional(),
    asStatuses: distinctStringList('Apprenticeship Service status').optional(),
    selfAssessedDisability: z.enum(['yes', 'no']).optional(),
    providerEndCodes: linkMatchSchema.optional(),
    providerDestinations: linkMatchSchema.optional(),
    fileTypes: setMatchSchema.optional(),
  })
  .superRefine(checkStillOnStatus);

/** The audience filters of an automation. */
export type Filters = z.output<typeof filtersSchema>;

/** Name of one audience filter. */
export type FilterName = keyof Filters;

function checkStillOnStatus(
  filters: {
    episodeStatus?: EpisodeStatus | undefined;
    stillOnStatusBetween?: DateRange | undefined;
  },
  context: z.RefinementCtx,
): void {
  const range = filters.stillOnStatusBetween;
  if (range === undefined) return;

  if (filters.episodeStatus === undefined || filters.episodeStatus === 'all') {
    context.addIssue({
      code: 'custom',
      path: ['stillOnStatusBetween'],
      message: 'needs an episodeStatus other than all: choose leavers, inLearning or yetToStart',
    });
  }
  if (range.from === undefined || range.to === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['stillOnStatusBetween'],
      message: 'needs both a from and a to date',
    });
  }
}

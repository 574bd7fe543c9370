import { z } from 'zod';
import { calendarDateSchema, nonBlankString } from './common.js';

/** Channels a learner may allow; an automation sends on `email` or `sms`. */
export const contactMethodSchema = z.enum(['email', 'sms', 'phone', 'post']);

/** A way the learner accepts being contacted. */
export type ContactMethod = z.infer<typeof contactMethodSchema>;

const linkSchema = z.strictObject({
  id: nonBlankString(),
  relationship: z.string(),
});

const breakInLearningSchema = z.strictObject({
  startDate: calendarDateSchema,
  endDate: calendarDateSchema.nullish(),
});

const hostFieldValueSchema = z.union([z.string(), z.number(), z.null()], {
  error: 'must be text, a finite number or null',
});

/**
 * Schema of the learner record a host maps from its own data. Lists default to empty, optional
 * fields may be absent or null, and unknown keys are rejected so a misspelt field is noticed.
 */
export const learnerSchema = z.strictObject({
  id: nonBlankString(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullish(),
  mobile: z.string().nullish(),
  allowedContactMethods: z.array(contactMethodSchema).default([]),
  enteredOn: calendarDateSchema,
  startDate: calendarDateSchema.nullish(),
  expectedEndDate: calendarDateSchema.nullish(),
  actualEndDate: calendarDateSchema.nullish(),
  programme: z.string().nullish(),
  fundingOrganisation: z.string().nullish(),
  tags: z.array(z.string()).default([]),
  sites: z.array(z.string()).default([]),
  qualificationPlans: z.array(z.string()).default([]),
  contracts: z.array(z.string()).default([]),
  officers: z.array(linkSchema).default([]),
  organisations: z.array(linkSchema).default([]),
  breaksInLearning: z.array(breakInLearningSchema).default([]),
  ilrExportStatus: z.string().nullish(),
  asStatus: z.string().nullish(),
  selfAssessedDisability: z.boolean().nullish(),
  providerEndCode: z.string().nullish(),
  providerDestination: z.string().nullish(),
  fileTypes: z.array(z.string()).default([]),
  fields: z.record(z.string(), hostFieldValueSchema).default({}),
});

/** A learner record as the SDK uses it, after {@link parseLearner}: every list is present. */
export type Learner = z.output<typeof learnerSchema>;

/** A learner record as a host may write it: lists may be left out. */
export type LearnerInput = z.input<typeof learnerSchema>;

/** A staff member or organisation linked to a learner. */
export type LearnerLink = z.output<typeof linkSchema>;

/** A recorded break in learning; no `endDate` means the learner is still on it. */
export type BreakInLearning = z.output<typeof breakInLearningSchema>;

/** Value of a host-defined field: text, a number, a `YYYY-MM-DD` date as text, or null. */
export type HostFieldValue = z.output<typeof hostFieldValueSchema>;

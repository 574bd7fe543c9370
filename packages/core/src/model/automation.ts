import { z } from 'zod';
import { nonBlankString } from './common.js';
import { filtersSchema } from './filters.js';
import { formatValue } from './plain-data.js';
import { scheduleSchema } from './schedule.js';

/** The channel an automation sends on. */
export const channelSchema = z.enum(['email', 'sms'], {
  error: (issue) => `${formatValue(issue.input)} is not a channel: use email or sms`,
});

/** The channel an automation sends on. */
export type Channel = z.output<typeof channelSchema>;

const MAX_MESSAGES_RULE = 'must be a whole number of at least 1, or absent for no limit';

/** Delivery options of an automation. */
export const deliverySchema = z.strictObject({
  /** Send only when the learner's allowedContactMethods contains the channel. @default true */
  respectContactMethods: z.boolean().default(true),
  /** Write a communication log record for each message sent. @default false */
  logCommunication: z.boolean().default(false),
  /** At most this many messages to one learner from this automation, ever. Absent: no limit. */
  maxMessages: z
    .number({ error: MAX_MESSAGES_RULE })
    .int({ error: MAX_MESSAGES_RULE })
    .positive({ error: MAX_MESSAGES_RULE })
    .nullish(),
});

/** Delivery options of an automation. */
export type Delivery = z.output<typeof deliverySchema>;

/** Fields of an automation other than its id. */
export const automationDraftShape = {
  name: nonBlankString(),
  channel: channelSchema,
  title: nonBlankString(),
  subject: z.string().optional(),
  body: nonBlankString(),
  schedule: scheduleSchema,
  delivery: deliverySchema.default({ respectContactMethods: true, logCommunication: false }),
  filters: filtersSchema.default({}),
};

/** Schema of an automation without its id, as a host submits a new one. */
export const automationDraftSchema = z.strictObject({
  id: nonBlankString().optional(),
  ...automationDraftShape,
});

/** Schema of the automation JSON a host stores and sends. */
export const automationSchema = z.strictObject({
  id: nonBlankString(),
  ...automationDraftShape,
});

/** A validated automation. */
export type Automation = z.output<typeof automationSchema>;

/** An automation as a host may write it, before defaults are applied. */
export type AutomationInput = z.input<typeof automationSchema>;

/** A validated automation that may not have an id yet. */
export type AutomationDraft = z.output<typeof automationDraftSchema>;

/** A new automation as a host may write it; the id is optional. */
export type AutomationDraftInput = z.input<typeof automationDraftSchema>;

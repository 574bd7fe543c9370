import type { SmsEncoding } from '../merge/sms-segments.js';
import type { Channel } from '../model/automation.js';
import type { CalendarDate } from '../model/calendar-date.js';

/** The record of a message written against a learner when Log Communication is ticked. */
export interface CommunicationRecord {
  automationId: string;
  learnerId: string;
  runDate: CalendarDate;
  channel: Channel;
  /** The address the message went to: an email address or an E.164 number. */
  to: string;
  /** Email subject; absent for SMS. */
  subject?: string | undefined;
  /** The rendered body: HTML for email, text for SMS. */
  body: string;
  transportMessageId?: string | undefined;
  /** For SMS: the number of segments the message was sent as. Absent for email. */
  segments?: number | undefined;
  /** For SMS: the character encoding of the message. Absent for email. */
  encoding?: SmsEncoding | undefined;
  sentAt: Date;
}

/**
 * Stores communication records. Writing the same (automation, learner, run date) twice MUST keep
 * one record, so a retried write is harmless. An adapter MUST store `segments` and `encoding`
 * when a record has them and return them from `listForLearner`.
 */
export interface CommunicationLog {
  /** Writes one record. Idempotent per (automation, learner, run date). */
  write(args: { record: CommunicationRecord }): Promise<void>;

  /** Returns the records of one learner, oldest first. */
  listForLearner(args: { learnerId: string }): Promise<CommunicationRecord[]>;
}

/**
 * Communication automations: scheduled email and SMS messages sent to the learners who match a
 * set of filters.
 *
 * Glossary:
 * - automation: a saved message with a channel, a schedule, delivery options and filters.
 * - run date: the local calendar date (`YYYY-MM-DD`) in the host's time zone on which an
 *   automation runs, at 05:00 local time.
 * - run: the work of one automation on one run date.
 * - recipient: a learner who matches an automation's filters and has a usable address.
 * - ledger entry: the record of one message to one learner for one automation and run date,
 *   which makes delivery exactly-once and is what Max Messages counts.
 * - merge field: a `{{ key }}` placeholder in a subject or body, filled from the learner record.
 * - transport: the adapter that puts a message on the wire (SMTP, Twilio, an outbox folder).
 *
 * @packageDocumentation
 */
export * from './address/index.js';
export * from './errors/index.js';
export * from './filters/index.js';
export * from './merge/index.js';
export * from './model/index.js';
export * from './ports/index.js';
export * from './runner/index.js';
export * from './schedule/index.js';
export * from './service/index.js';
export * from './transports/index.js';

/**
 * Email transport over SMTP for communication automations, built on nodemailer.
 *
 * @packageDocumentation
 */
export { type SmtpEnv, smtpOptionsFromEnv } from './env.js';
export { SmtpOptionsError } from './errors.js';
export type { SmtpAuth, SmtpMailbox, SmtpTransportOptions } from './options.js';
export { createSmtpTransport, SMTP_TRANSPORT_NAME } from './smtp-transport.js';

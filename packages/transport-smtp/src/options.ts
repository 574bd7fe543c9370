import type { ConnectionOptions } from 'node:tls';
import type { Logger } from '@pics/automations-core';

/** SMTP credentials for `AUTH PLAIN` or `AUTH LOGIN`. */
export interface SmtpAuth {
  user: string;
  pass: string;
}

/** A mailbox with an optional display name, which nodemailer MIME-encodes when it is not ASCII. */
export interface SmtpMailbox {
  /** Display name, such as `Northern Training`. */
  name?: string | undefined;
  /** The address, such as `noreply@example.com`. */
  address: string;
}

/** Options of {@link createSmtpTransport}. */
export interface SmtpTransportOptions {
  /** Host name or IP address of the SMTP server. */
  host: string;
  /** TCP port of the SMTP server. @default 465 when `secure` is true, otherwise 587 */
  port?: number | undefined;
  /**
   * Opens the connection over TLS from the start (implicit TLS, usually port 465). Leave it
   * false for port 587 or 25, where the connection starts in clear text and STARTTLS upgrades it.
   * @default false
   */
  secure?: boolean | undefined;
  /**
   * Fails the send unless the server upgrades the connection with STARTTLS. Without it, the
   * transport still upgrades whenever the server offers STARTTLS, but sends in clear text when it
   * does not. @default false
   */
  requireTLS?: boolean | undefined;
  /** Credentials for SMTP AUTH. Leave it out when the server accepts mail without them. */
  auth?: SmtpAuth | undefined;
  /** Sender of every message, as `Name <address>`, a bare address or a {@link SmtpMailbox}. */
  from: string | SmtpMailbox;
  /** Reply-To of every message. @default none */
  replyTo?: string | SmtpMailbox | undefined;
  /** Keeps connections open and reuses them across messages. @default true */
  pool?: boolean | undefined;
  /** Maximum connections the pool opens, ignored when `pool` is false. @default 5 */
  maxConnections?: number | undefined;
  /**
   * Messages per second the server accepts from this sender. The transport exposes it as its
   * `maxPerSecond` and the runner throttles to it, because the transport itself does not queue.
   * @default unlimited
   */
  maxPerSecond?: number | undefined;
  /** Milliseconds to wait for the TCP connection to open. @default 30000 */
  connectionTimeoutMs?: number | undefined;
  /** Milliseconds to wait for the server's greeting once connected. @default 30000 */
  greetingTimeoutMs?: number | undefined;
  /** Milliseconds of inactivity after which the connection is dropped. @default 60000 */
  socketTimeoutMs?: number | undefined;
  /**
   * Node TLS options for implicit TLS and STARTTLS, such as `ca` for a private certificate
   * authority or `rejectUnauthorized: false` in tests. @default Node's defaults
   */
  tls?: ConnectionOptions | undefined;
  /** Domain of the generated Message-ID. @default the domain of the `from` address */
  messageIdDomain?: string | undefined;
  /** pino-compatible logger. @default silent */
  logger?: Logger | undefined;
}

/** Defaults applied to the optional numeric options. */
export const SMTP_DEFAULTS = {
  pool: true,
  maxConnections: 5,
  connectionTimeoutMs: 30_000,
  greetingTimeoutMs: 30_000,
  socketTimeoutMs: 60_000,
} as const;

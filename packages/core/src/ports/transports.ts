/** Fields every outgoing message carries so a transport can log and deduplicate it. */
export interface MessageContext {
  automationId: string;
  learnerId: string;
  /**
   * Stable per (automation, learner, run date). A transport that talks to a provider with
   * idempotency keys SHOULD pass it on, so a retried send is not delivered twice.
   */
  idempotencyKey: string;
}

/** A rendered email. */
export interface EmailMessage extends MessageContext {
  /** A syntactically valid address. */
  to: string;
  /** One line; never contains CR or LF. */
  subject: string;
  /** The HTML body. */
  html: string;
  /** The plain-text part, produced from the HTML. */
  text: string;
}

/** A rendered SMS. */
export interface SmsMessage extends MessageContext {
  /** A mobile number in E.164 form, such as `+447400100001`. */
  to: string;
  /** Plain text. */
  body: string;
}

/** What a transport reports about a message it accepted. */
export interface SendResult {
  /** The provider's id for the message. */
  messageId?: string | undefined;
  /** For SMS: the number of segments the provider will bill. */
  segments?: number | undefined;
  /** For SMS: `GSM-7` or `UCS-2`. */
  encoding?: 'GSM-7' | 'UCS-2' | undefined;
}

/**
 * Sends email. `send` resolves once the provider accepted the message and MUST throw a
 * `DeliveryError` on failure, with `transient` true when a retry may succeed (timeouts,
 * connection errors, SMTP 4xx) and false when it never will (SMTP 5xx). The runner treats any
 * other thrown error as transient.
 */
export interface EmailTransport {
  /** Short name for logs and reports, such as `smtp`. */
  readonly name: string;
  /** Messages per second this transport may send; the runner throttles to it. @default unlimited */
  readonly maxPerSecond?: number | undefined;
  /** Sends one email. */
  sendEmail(args: { message: EmailMessage; signal?: AbortSignal | undefined }): Promise<SendResult>;
  /** Releases connections. */
  close?(): Promise<void>;
}

/** Sends SMS, with the same failure contract as {@link EmailTransport}. */
export interface SmsTransport {
  /** Short name for logs and reports, such as `twilio`. */
  readonly name: string;
  /** Messages per second this transport may send; the runner throttles to it. @default unlimited */
  readonly maxPerSecond?: number | undefined;
  /** Sends one SMS. */
  sendSms(args: { message: SmsMessage; signal?: AbortSignal | undefined }): Promise<SendResult>;
  /** Releases connections. */
  close?(): Promise<void>;
}

import type { Logger } from '@pics/automations-core';

/** A Twilio API key, used in place of the Account's Auth Token for REST calls. */
export interface TwilioApiKey {
  /** The key's SID, starting with `SK`. */
  sid: string;
  /** The key's secret, shown once when the key is created. */
  secret: string;
}

/**
 * Options of {@link createTwilioTransport}. Give exactly one of `authToken` and `apiKey`, and
 * exactly one of `from` and `messagingServiceSid`.
 */
export interface TwilioTransportOptions {
  /** The Account SID, starting with `AC`, which the REST path always names. */
  accountSid: string;
  /** The Account's Auth Token, sent as the password of HTTP basic auth with `accountSid`. */
  authToken?: string | undefined;
  /** An API key, sent as HTTP basic auth `sid:secret` in place of the Auth Token. */
  apiKey?: TwilioApiKey | undefined;
  /** Sender: a Twilio number in E.164 form, or an alphanumeric sender ID where allowed. */
  from?: string | undefined;
  /** A Messaging Service SID, starting with `MG`, that picks the sender from its pool. */
  messagingServiceSid?: string | undefined;
  /**
   * URL Twilio posts delivery status changes to, served by `createTwilioStatusHandler`.
   * @default none, so no status callbacks arrive
   */
  statusCallbackUrl?: string | undefined;
  /** Base URL of Twilio's REST API, which tests point at a local server. @default 'https://api.twilio.com' */
  baseUrl?: string | undefined;
  /** Milliseconds to wait for Twilio's response before the send fails as transient. @default 15000 */
  timeoutMs?: number | undefined;
  /**
   * Messages per second the account or sender may send. The transport exposes it as its
   * `maxPerSecond` and the runner throttles to it. @default unlimited
   */
  maxPerSecond?: number | undefined;
  /** pino-compatible logger. @default silent */
  logger?: Logger | undefined;
}

/** Default base URL of Twilio's REST API. */
export const TWILIO_BASE_URL = 'https://api.twilio.com';

/** Default request timeout in milliseconds. */
export const TWILIO_TIMEOUT_MS = 15_000;

/**
 * SMS transport over Twilio's Messages REST API for communication automations, and a handler
 * for Twilio's message status callbacks. Uses the global `fetch`, so no Twilio SDK is needed.
 *
 * @packageDocumentation
 */
export { type TwilioEnv, twilioOptionsFromEnv } from './env.js';
export { TwilioOptionsError } from './errors.js';
export { TWILIO_UNSUBSCRIBED_RECIPIENT } from './failures.js';
export {
  TWILIO_BASE_URL,
  TWILIO_TIMEOUT_MS,
  type TwilioApiKey,
  type TwilioTransportOptions,
} from './options.js';
export { computeTwilioSignature, verifyTwilioSignature, type WebhookParams } from './signature.js';
export {
  createTwilioStatusHandler,
  type StatusCallbackOutcome,
  type StatusCallbackRequest,
  type StatusCallbackResponse,
  type TwilioStatusHandler,
  type TwilioStatusHandlerOptions,
} from './status-handler.js';
export { createTwilioTransport, TWILIO_TRANSPORT_NAME } from './twilio-transport.js';

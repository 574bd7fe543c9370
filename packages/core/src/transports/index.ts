export {
  CONSOLE_TRANSPORT_NAME,
  type ConsoleTransportOptions,
  createConsoleTransport,
} from './console.js';
export {
  createOutboxTransport,
  OUTBOX_SMS_FILE,
  OUTBOX_TRANSPORT_NAME,
  type OutboxSmsRecord,
  type OutboxTransportOptions,
  outboxFileName,
} from './outbox.js';

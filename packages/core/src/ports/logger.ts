/** A log method in pino's style: an object of fields first, then the message. */
export interface LogFn {
  (fields: Record<string, unknown>, message?: string): void;
  (message: string): void;
}

/**
 * The slice of pino's logger interface the SDK uses. A pino logger satisfies it as it is; so does
 * {@link silentLogger}.
 */
export interface Logger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  /** Returns a logger that adds these fields to every line. */
  child(bindings: Record<string, unknown>): Logger;
}

const noop = () => {};

/** A logger that discards everything. The SDK is silent unless the host passes a logger. */
export const silentLogger: Logger = {
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
  child: () => silentLogger,
};

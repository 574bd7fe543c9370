import { DeliveryError } from '../errors/errors.js';

/** Text recorded for a thrown value whose message cannot be read. */
export const UNREADABLE_ERROR_TEXT = 'An error was thrown whose message cannot be read';

/**
 * Returns the message of a thrown value for the ledger and the run report. Never throws: a
 * transport or store may throw anything, including objects without a prototype or with getters
 * that throw, and describing the error must not stop the run.
 */
export function errorText(error: unknown): string {
  return readSafely(() => {
    const text = error instanceof Error ? error.message : error;

    return typeof text === 'string' ? text : String(text);
  }, UNREADABLE_ERROR_TEXT);
}

/** Returns the provider code of a `DeliveryError` when it is a string. Never throws. */
export function providerCodeOf(error: unknown): string | undefined {
  return readSafely(() => {
    const code = error instanceof DeliveryError ? error.providerCode : undefined;

    return typeof code === 'string' ? code : undefined;
  }, undefined);
}

/** Returns what `read` returns, or `fallback` when it throws. */
export function readSafely<Value>(read: () => Value, fallback: Value): Value {
  try {
    return read();
  } catch {
    return fallback;
  }
}

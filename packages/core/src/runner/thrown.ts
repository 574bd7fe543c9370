import { maskAddress } from '../address/mask.js';
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

/**
 * Returns a thrown value as logs may show it, with the recipient's address masked. Providers often
 * echo the recipient, as in `550 <amara@example.com>: user unknown`. When the message or stack
 * contains `address`, the result is a new `Error` with each occurrence masked by `maskAddress`.
 * It keeps the name, stack, `code`, `providerCode` and `transient`, but not the `cause`, which
 * may contain the address too. Any other value is returned unchanged.
 */
export function errorForLog(error: unknown, address: string): unknown {
  const text = errorText(error);
  const stack = readSafely(() => (error instanceof Error ? error.stack : undefined), undefined);
  const pattern = addressPattern(address);
  const inStack = typeof stack === 'string' && stack.search(pattern) >= 0;
  if (text.search(pattern) < 0 && !inStack) return error;

  const masked = maskAddress(address);
  const copy = new Error(text.replace(pattern, masked));
  copy.name = readSafely(() => (error instanceof Error ? error.name : 'Error'), 'Error');
  if (typeof stack === 'string') copy.stack = stack.replace(pattern, masked);
  else delete copy.stack;

  return Object.assign(copy, readErrorFields(error));
}

// Matches the address in any case, and a phone number also without its leading `+`.
function addressPattern(address: string): RegExp {
  const escaped = address.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = address.startsWith('+') ? `\\+?${escaped.slice(2)}` : escaped;

  return new RegExp(pattern, 'gi');
}

function readErrorFields(error: unknown): Record<string, unknown> {
  if (typeof error !== 'object' || error === null) return {};

  return readSafely<Record<string, unknown>>(() => {
    const { code, providerCode, transient } = error as Record<string, unknown>;

    return { code, providerCode, transient };
  }, {});
}

import { AutomationsError, ErrorCode } from '../errors/errors.js';
import { formatValue, isPlainObject } from '../model/plain-data.js';

/**
 * Fields a store adds to a saved automation. The service ignores them in create and update
 * input, so a host can pass back the automation it read with some fields changed.
 */
const STORED_FIELDS = ['version', 'createdAt', 'updatedAt'] as const;

/**
 * Returns the input without the {@link STORED_FIELDS}. Any other value, and an object that is not
 * plain data, is returned unchanged, so validation still reports it.
 */
export function withoutStoredFields(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  if (!isPlainObject(input)) return input;

  const rest: Record<string, unknown> = { ...input };
  for (const field of STORED_FIELDS) delete rest[field];

  return rest;
}

/**
 * Checks the version an update carries before the store compares it with the stored one, so a
 * missing version fails as a programming error instead of as a version conflict.
 *
 * @throws {AutomationsError} with code `INVALID_ARGUMENT` unless it is a whole number from 1.
 */
export function requireExpectedVersion(expectedVersion: unknown): number {
  if (Number.isInteger(expectedVersion) && (expectedVersion as number) >= 1) {
    return expectedVersion as number;
  }

  throw new AutomationsError(
    ErrorCode.InvalidArgument,
    `Invalid expectedVersion ${formatValue(expectedVersion)}: pass the version of the automation you read, a whole number from 1, as in update(id, input, automation.version)`,
  );
}

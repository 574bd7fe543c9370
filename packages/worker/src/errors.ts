import { AutomationsError, ErrorCode } from '@pics/automations-core';

/** Prefix of every message this package writes, so a host can tell where an error came from. */
export const MESSAGE_PREFIX = '[automations] [worker]';

/** Returns an `AutomationsError` with code `INVALID_ARGUMENT` for a bad option value. */
export function invalidOption(option: string, value: unknown, rule: string): AutomationsError {
  return new AutomationsError(
    ErrorCode.InvalidArgument,
    `${MESSAGE_PREFIX} invalid option ${option}: ${JSON.stringify(value)} is not allowed, use ${rule}.`,
  );
}

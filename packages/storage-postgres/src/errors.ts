import { AutomationsError, ErrorCode } from '@pics/automations-core';

/** Prefix of every message this adapter writes, so a host can tell where an error came from. */
export const MESSAGE_PREFIX = '[automations] [postgres]';

/** Wraps a driver error in an `AutomationsError` with code `STORAGE_FAILED`, keeping the cause. */
export function storageFailed(cause: unknown): AutomationsError {
  if (cause instanceof AutomationsError) return cause;

  const reason = cause instanceof Error ? cause.message : String(cause);

  return new AutomationsError(
    ErrorCode.StorageFailed,
    `${MESSAGE_PREFIX} query failed: ${reason}. Check the connection and that migrate() has run.`,
    { cause },
  );
}

/** Returns an `AutomationsError` with code `INVALID_ARGUMENT` for a bad option value. */
export function invalidOption(option: string, message: string): AutomationsError {
  return new AutomationsError(ErrorCode.InvalidArgument, `${MESSAGE_PREFIX} ${option} ${message}`);
}

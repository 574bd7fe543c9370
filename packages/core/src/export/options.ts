import { AutomationsError, ErrorCode } from '../errors/errors.js';
import { formatValue } from '../model/plain-data.js';
import type { ExportAutomationsOptions } from './automations-xlsx.js';

const USAGE = 'exportAutomationsXlsx({ service })';

/**
 * Checks the argument of `exportAutomationsXlsx` before any work, so a wrong shape fails with
 * the fix instead of a TypeError from deep inside the export.
 *
 * @throws {AutomationsError} with code `INVALID_ARGUMENT` unless the argument is an object whose
 *   `service` has a `list` method.
 */
export function requireExportOptions(
  options: unknown,
): asserts options is ExportAutomationsOptions {
  if (typeof options !== 'object' || options === null) {
    throw invalidArgument(`Invalid export options ${formatValue(options)}: call ${USAGE}`);
  }

  const { service } = options as { service?: unknown };
  if (hasList(service)) return;
  if (hasList(options)) {
    throw invalidArgument(`Invalid export options: pass the service in an object, as ${USAGE}`);
  }

  throw invalidArgument(
    `Invalid export options: service is ${formatValue(service)}, not an automation service with a list method: call ${USAGE} with the service from createAutomationService`,
  );
}

function hasList(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;

  return typeof (value as { list?: unknown }).list === 'function';
}

function invalidArgument(message: string): AutomationsError {
  return new AutomationsError(ErrorCode.InvalidArgument, message);
}

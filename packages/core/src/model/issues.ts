import type { z } from 'zod';
import type { ValidationIssue } from '../errors/errors.js';
import { formatValue } from './plain-data.js';

/** Converts zod's issues into plain {@link ValidationIssue}s with dotted paths. */
export function toValidationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.flatMap(toIssues);
}

/** Joins a path such as `['schedule', 'days', 1]` into `schedule.days.1`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function toIssues(issue: z.core.$ZodIssue): ValidationIssue[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: formatPath([...issue.path, key]),
      message: `unknown key "${key}": remove it or correct its spelling`,
    }));
  }
  if (issue.code === 'invalid_union' && typeof issue.discriminator === 'string') {
    return [
      {
        path: formatPath(issue.path),
        message: `${formatValue(readKey(issue.input, issue.discriminator))} is not a valid ${issue.discriminator}: use ${'options' in issue ? issue.options?.join(' or ') : 'another value'}`,
      },
    ];
  }

  return [{ path: formatPath(issue.path), message: plainMessage(issue) }];
}

function plainMessage(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'custom' && 'input' in issue && issue.input === undefined)
    return 'is required';
  // Zod's own messages start with "Invalid"; a message the schema wrote is kept as it is.
  if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid')) {
    return `must be ${article(issue.expected)}, not ${describe(issue.input)}`;
  }
  if (issue.code === 'invalid_value' && issue.values.length > 0) {
    const choices = issue.values.map((value) => JSON.stringify(value)).join(', ');
    if (issue.message.startsWith('Invalid')) {
      return `${formatValue(issue.input)} is not allowed: use one of ${choices}`;
    }
  }

  return issue.message;
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';

  return typeof value === 'object' || typeof value === 'function'
    ? formatValue(value)
    : `${typeof value} ${formatValue(value)}`;
}

function readKey(input: unknown, key: string): unknown {
  return typeof input === 'object' && input !== null
    ? (input as Record<string, unknown>)[key]
    : undefined;
}

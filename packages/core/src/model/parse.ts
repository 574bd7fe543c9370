import type { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../errors/errors.js';
import type { MergeField } from '../merge/types.js';
import { validateTemplate } from '../merge/validate.js';
import {
  type Automation,
  type AutomationDraft,
  automationDraftSchema,
  automationSchema,
} from './automation.js';
import { isBlank } from './common.js';
import { type Filters, filtersSchema } from './filters.js';
import { toValidationIssues } from './issues.js';
import { type Learner, learnerSchema } from './learner.js';
import { findNonPlainObjects, formatValue } from './plain-data.js';
import { type Schedule, scheduleSchema } from './schedule.js';

/** Options of {@link parseAutomation}. */
export interface ParseAutomationOptions {
  /**
   * Merge fields a template may use. @default the built-in catalogue plus no host fields
   */
  catalogue?: readonly MergeField[];
}

/**
 * Validates automation JSON and returns the typed automation with defaults applied.
 *
 * @throws {ValidationError} listing every problem with its path, such as
 *   `schedule.days: choose at least one day`.
 */
export function parseAutomation(input: unknown, options: ParseAutomationOptions = {}): Automation {
  return parseWithTemplates(automationSchema, input, options);
}

/**
 * Validates a new automation that may not have an id yet, with the same rules as
 * {@link parseAutomation}.
 *
 * @throws {ValidationError} listing every problem with its path.
 */
export function parseAutomationDraft(
  input: unknown,
  options: ParseAutomationOptions = {},
): AutomationDraft {
  return parseWithTemplates(automationDraftSchema, input, options);
}

/**
 * Validates a learner record and returns it with every list present.
 *
 * @throws {ValidationError} listing every problem with its path. The message names the learner
 *   when its `id` is a non-blank string, as in `Invalid learner "A1": enteredOn: is required`.
 */
export function parseLearner(input: unknown): Learner {
  return parseWith(learnerSchema, input, learnerSubject(input));
}

function learnerSubject(input: unknown): string {
  const id = readOwnId(input);

  return id === undefined ? 'learner' : `learner ${formatValue(id)}`;
}

// Reads only an own data property, so a getter or an inherited id cannot run or mislead.
function readOwnId(input: unknown): string | undefined {
  if (!isRecord(input)) return undefined;

  const id: unknown = Object.getOwnPropertyDescriptor(input, 'id')?.value;

  return typeof id === 'string' && !isBlank(id) ? id : undefined;
}

/**
 * Validates audience filters on their own.
 *
 * @throws {ValidationError} listing every problem with its path.
 */
export function parseFilters(input: unknown): Filters {
  return parseWith(filtersSchema, input, 'filters');
}

/**
 * Validates a schedule on its own.
 *
 * @throws {ValidationError} listing every problem with its path.
 */
export function parseSchedule(input: unknown): Schedule {
  return parseWith(scheduleSchema, input, 'schedule');
}

function parseWith<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  subject: string,
): z.output<Schema> {
  const result = schema.safeParse(input, { reportInput: true });
  const issues = schemaIssues(input, result);
  if (!result.success || issues.length > 0) throw new ValidationError(subject, issues);

  return result.data;
}

function parseWithTemplates<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  options: ParseAutomationOptions,
): z.output<Schema> {
  const result = schema.safeParse(input, { reportInput: true });
  const issues = schemaIssues(input, result);
  issues.push(...checkChannelFields(input), ...checkTemplates(input, options.catalogue));
  if (!result.success || issues.length > 0) throw new ValidationError('automation', issues);

  return result.data;
}

// Issues of the schema, plus one for each object that is not plain data. An issue inside such an
// object is dropped, because it only repeats that the object does not fit.
function schemaIssues(input: unknown, result: z.ZodSafeParseResult<unknown>): ValidationIssue[] {
  const objectIssues = findNonPlainObjects(input);
  const issues = result.success ? [] : toValidationIssues(result.error);
  const covered = (path: string) =>
    objectIssues.some((issue) => path === issue.path || path.startsWith(`${issue.path}.`));

  return [...objectIssues, ...issues.filter((issue) => !covered(issue.path))];
}

function checkChannelFields(input: unknown): ValidationIssue[] {
  if (!isRecord(input)) return [];

  const hasSubject = input.subject !== undefined;
  if (input.channel === 'sms' && hasSubject) {
    return [{ path: 'subject', message: 'an SMS has no subject: remove it' }];
  }
  if (input.channel === 'email' && !hasSubject) {
    return [{ path: 'subject', message: 'an email needs a subject' }];
  }
  if (input.channel === 'email' && typeof input.subject === 'string' && isBlank(input.subject)) {
    return [{ path: 'subject', message: 'must not be blank' }];
  }

  return [];
}

function checkTemplates(input: unknown, catalogue?: readonly MergeField[]): ValidationIssue[] {
  if (!isRecord(input)) return [];

  const issues: ValidationIssue[] = [];
  for (const path of ['subject', 'body'] as const) {
    const text = input[path];
    if (typeof text !== 'string') continue;

    for (const problem of validateTemplate(text, catalogue)) {
      const place = `line ${problem.line}, column ${problem.column}`;
      issues.push({ path, message: `${problem.message} (at ${place})` });
    }
  }

  return issues;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import { ValidationError, type ValidationIssue } from '../errors/errors.js';
import type { StoredAutomation } from '../ports/automation-store.js';
import { describeSchedule } from '../schedule/describe.js';
import { nextRunTimes } from '../schedule/next-run.js';
import type { AutomationListQuery, AutomationListRow } from './types.js';

/** Rows per page when the query gives none. */
export const DEFAULT_PAGE_SIZE = 10;

/** The largest page a list query may ask for. */
export const MAX_PAGE_SIZE = 500;

/** A list query with defaults applied and every value checked. */
export interface CheckedListQuery {
  search: string;
  page: number;
  pageSize: number;
}

/**
 * Applies the defaults of a list query and checks its values.
 *
 * @throws {ValidationError} naming `page` or `pageSize` when it is not a whole number in range.
 */
export function checkListQuery(query: AutomationListQuery): CheckedListQuery {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  const issues = [...checkPage(page, pageSize), ...checkPageSize(pageSize)];
  if (issues.length > 0) throw new ValidationError('automation list query', issues);

  return { search: query.search?.trim() ?? '', page, pageSize };
}

/** Builds a list row: the automation with its schedule in words and its next run time. */
export function toListRow(
  automation: StoredAutomation,
  options: { now: Date; timeZone: string },
): AutomationListRow {
  const [nextRunAt] = nextRunTimes(automation.schedule, {
    after: options.now,
    count: 1,
    timeZone: options.timeZone,
  });

  return { automation, scheduleDescription: describeSchedule(automation.schedule), nextRunAt };
}

function checkPage(page: unknown, pageSize: unknown): ValidationIssue[] {
  if (!Number.isInteger(page) || (page as number) < 1) {
    return [
      { path: 'page', message: `${String(page)} is not a page number: use a whole number from 1` },
    ];
  }

  // Stores reject offsets that are not safe integers, and no store contains that many automations.
  const offset = ((page as number) - 1) * (pageSize as number);
  if (Number.isInteger(pageSize) && !Number.isSafeInteger(offset)) {
    return [{ path: 'page', message: `${String(page)} is not a page number: use a smaller one` }];
  }

  return [];
}

function checkPageSize(pageSize: unknown): ValidationIssue[] {
  const valid =
    Number.isInteger(pageSize) &&
    (pageSize as number) >= 1 &&
    (pageSize as number) <= MAX_PAGE_SIZE;
  if (valid) return [];

  return [
    {
      path: 'pageSize',
      message: `${String(pageSize)} is not a valid number of records displayed: use a whole number from 1 to ${MAX_PAGE_SIZE}`,
    },
  ];
}

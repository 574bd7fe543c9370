import { type CalendarDate, isCalendarDate } from '@pics/automations-core';
import { UnmappableLearnerError } from '../errors.js';
import { findChild, type IlrElement } from '../xml/element.js';

/**
 * Reads the date in a child element, or returns `undefined` when the child is absent or empty.
 *
 * @throws {UnmappableLearnerError} when the text is not a real `YYYY-MM-DD` date.
 */
export function readDate(parent: IlrElement, name: string, path: string): CalendarDate | undefined {
  const child = findChild(parent, name);
  if (!child?.text) return undefined;
  if (!isCalendarDate(child.text)) {
    throw new UnmappableLearnerError(
      `${path}.${name}`,
      child,
      `${name} "${child.text}" is not a real date: write it as YYYY-MM-DD`,
    );
  }

  return child.text;
}

/**
 * Reads the date in a child element that must be present.
 *
 * @throws {UnmappableLearnerError} when the child is absent, empty or not a real date.
 */
export function requireDate(parent: IlrElement, name: string, path: string): CalendarDate {
  const date = readDate(parent, name, path);
  if (date === undefined) throw missingElement(parent, name, path);

  return date;
}

/** Returns the error for a required child element that is absent or empty. */
export function missingElement(
  parent: IlrElement,
  name: string,
  path: string,
): UnmappableLearnerError {
  return new UnmappableLearnerError(
    `${path}.${name}`,
    parent,
    `${parent.name} has no ${name}: add it to the ${parent.name}`,
  );
}

/** Returns the item with the latest date; of items with the same date, the last one. */
export function latestBy<Item>(
  items: readonly Item[],
  dateOf: (item: Item) => CalendarDate,
): Item | undefined {
  let latest: Item | undefined;
  for (const item of items) {
    if (latest === undefined || dateOf(item) >= dateOf(latest)) latest = item;
  }

  return latest;
}

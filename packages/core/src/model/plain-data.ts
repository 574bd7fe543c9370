import type { ValidationIssue } from '../errors/errors.js';

// Maximum length of a string quoted in a message, so a hostile value cannot bloat it.
const MAX_QUOTED_LENGTH = 60;

// The model is at most five levels deep (`filters.enteredBetween.from.daysFromRunDate`), and the
// schemas reject any object nested deeper, so the walk stops below this depth.
const MAX_WALK_DEPTH = 8;

const NUL_MESSAGE = 'contains the NUL character (U+0000), which cannot be stored: remove it';

/**
 * Writes any value as short text for an error message, without throwing: a string quoted and cut
 * to 60 characters, a number, boolean or bigint as written, and an object by its kind (`a list`,
 * `a Map`). Unlike `String` and `JSON.stringify`, it accepts bigints, symbols and objects without
 * a prototype.
 */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') {
    const quoted =
      value.length > MAX_QUOTED_LENGTH ? `${value.slice(0, MAX_QUOTED_LENGTH)}…` : value;

    return JSON.stringify(quoted);
  }
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'function') return 'a function';
  if (typeof value !== 'object' || value === null) return String(value);

  return describeObject(value);
}

/**
 * Returns one issue for each object in the input that is not plain data: a Map, a Set, a Date, a
 * class instance. Such an object has no own properties for a schema to read, so a Map of filters
 * would otherwise pass as no filters at all. Plain objects (including those without a prototype
 * or from another realm) and arrays are walked; other values are left to the schema. Also returns
 * an issue for each string that contains U+0000, which PostgreSQL text cannot store.
 */
export function findNonPlainObjects(input: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  walk(input, [], issues);

  return issues;
}

function walk(value: unknown, path: readonly (string | number)[], issues: ValidationIssue[]): void {
  if (typeof value === 'string' && value.includes('\u0000')) {
    issues.push({ path: path.join('.'), message: NUL_MESSAGE });
    return;
  }
  if (typeof value !== 'object' || value === null || path.length > MAX_WALK_DEPTH) return;

  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) walk(item, [...path, index], issues);
  } else if (isPlainObject(value)) {
    for (const key of Object.keys(value)) walk(readOwn(value, key), [...path, key], issues);
  } else {
    issues.push({
      path: path.join('.'),
      message: `must be plain JSON data, not ${describeObject(value)}`,
    });
  }
}

/** Tests whether an object is plain data: its prototype is null or some realm's `Object.prototype`. */
export function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);

  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

function readOwn(value: object, key: string): unknown {
  return (value as Record<string, unknown>)[key];
}

function describeObject(value: object): string {
  if (Array.isArray(value)) return 'a list';
  if (isPlainObject(value)) return 'an object';

  const name: unknown = (value as { constructor?: { name?: unknown } }).constructor?.name;
  if (typeof name !== 'string' || name === '') return 'an object';

  return /^[AEIOU]/.test(name) ? `an ${name}` : `a ${name}`;
}

import { invalidOption } from './errors.js';

// Unquoted-identifier shape with PostgreSQL's 63-byte limit. Quoting alone would make any text
// safe, but a plain name is what a host expects to see in psql and in its migrations.
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * Checks that `name` is a plain SQL identifier (a letter or underscore, then letters, digits or
 * underscores, at most 63 characters) and returns it double-quoted.
 *
 * @throws {AutomationsError} with code `INVALID_ARGUMENT` naming `option` when it is not.
 */
export function quoteIdentifier(name: string, option: string): string {
  if (typeof name !== 'string' || !IDENTIFIER.test(name)) {
    throw invalidOption(
      option,
      `${JSON.stringify(name)} is not a valid identifier: use letters, digits and underscores, starting with a letter or underscore, at most 63 characters.`,
    );
  }

  return `"${name}"`;
}

/**
 * Quotes a table or view name that is either plain (`learners`, looked up in `schema`) or
 * schema-qualified (`host.learner_view`), checking each part as {@link quoteIdentifier} does.
 */
export function quoteTableName(name: string, quotedSchema: string, option: string): string {
  const parts = typeof name === 'string' ? name.split('.') : [name];
  if (parts.length === 1) return `${quotedSchema}.${quoteIdentifier(parts[0] as string, option)}`;
  if (parts.length === 2) {
    return parts.map((part) => quoteIdentifier(part, option)).join('.');
  }

  throw invalidOption(
    option,
    `${JSON.stringify(name)} has more than one dot: write table or schema.table.`,
  );
}

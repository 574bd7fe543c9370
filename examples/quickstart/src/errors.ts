/**
 * Thrown before any automation runs when a setting outside the flags' own syntax prevents the
 * run: a missing environment variable, an unreadable ILR file, a database that cannot be opened.
 * The message names the setting and the fix.
 */
export class SetupError extends Error {
  override readonly name = 'SetupError';
}

import { ValidationError, type ValidationIssue } from '../../src/index.js';

/** A valid email automation; tests override one part of it at a time. */
export const validAutomation = {
  id: 'a-1',
  name: 'Evidence chase',
  channel: 'email',
  title: 'Learners with overdue portfolios',
  subject: 'Your portfolio',
  body: '<p>Hello {{ firstName }}</p>',
  schedule: { kind: 'daysOfWeek', days: ['monday'] },
} as const;

/** Returns the valid automation with some top-level keys replaced. */
export function automationWith(overrides: Record<string, unknown>): Record<string, unknown> {
  return { ...validAutomation, ...overrides };
}

/**
 * Runs a parse that is expected to fail and returns its issues.
 *
 * @throws {Error} when the parse succeeds or throws anything but a {@link ValidationError}.
 */
export function issuesOf(parse: () => unknown): readonly ValidationIssue[] {
  try {
    parse();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a ValidationError, but the input was accepted');
}

/**
 * Stable codes of every error the SDK throws. Hosts switch on `error.code`, never on the message.
 */
export const ErrorCode = {
  /** Input failed validation; `issues` lists each problem with its path. */
  ValidationFailed: 'VALIDATION_FAILED',
  /** An argument to an SDK function is invalid (not user data, a programming error). */
  InvalidArgument: 'INVALID_ARGUMENT',
  /** The requested record does not exist. */
  NotFound: 'NOT_FOUND',
  /** An update carried a version older than the stored one. */
  VersionConflict: 'VERSION_CONFLICT',
  /** A record with the same id already exists. */
  AlreadyExists: 'ALREADY_EXISTS',
  /** An SMS automation was saved, or an SMS sent, with no SMS transport configured. */
  SmsNotConfigured: 'SMS_NOT_CONFIGURED',
  /** A transport could not deliver a message; `transient` says whether a retry may succeed. */
  DeliveryFailed: 'DELIVERY_FAILED',
  /** A storage adapter failed to read or write. */
  StorageFailed: 'STORAGE_FAILED',
} as const;

/** One of the values of {@link ErrorCode}. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Base class of every error the SDK throws, with a stable {@link ErrorCode}. */
export class AutomationsError extends Error {
  /** Stable machine-readable code. */
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** One problem found while validating input. */
export interface ValidationIssue {
  /** Dotted path to the value at fault, such as `filters.tags.values`; empty for the whole input. */
  path: string;
  /** Plain-language statement of the problem and the fix. */
  message: string;
}

/** Thrown when input fails validation. Lists every problem, not only the first. */
export class ValidationError extends AutomationsError {
  /** The validated value as the message names it, such as `automation` or `learner "A1"`. */
  readonly subject: string;
  /** Every problem found, each with its path. */
  readonly issues: readonly ValidationIssue[];

  constructor(subject: string, issues: readonly ValidationIssue[]) {
    super(ErrorCode.ValidationFailed, formatValidationMessage(subject, issues));
    this.subject = subject;
    this.issues = issues;
  }
}

/** Thrown when a record looked up by id does not exist. */
export class NotFoundError extends AutomationsError {
  constructor(message: string) {
    super(ErrorCode.NotFound, message);
  }
}

/** Thrown when an update carries a stale version because someone else saved in between. */
export class VersionConflictError extends AutomationsError {
  constructor(
    message: string,
    /** Version currently stored. */
    readonly currentVersion: number,
  ) {
    super(ErrorCode.VersionConflict, message);
  }
}

/** Thrown when an SMS automation is saved or run while the host has no SMS transport. */
export class SmsNotConfiguredError extends AutomationsError {
  constructor(
    message = 'SMS integration is not active: configure an SMS transport before creating SMS automations',
  ) {
    super(ErrorCode.SmsNotConfigured, message);
  }
}

/**
 * Thrown by a transport when a message could not be delivered. A transient failure may succeed
 * on retry (timeouts, rate limits, 4xx SMTP replies); a permanent one never will.
 */
export class DeliveryError extends AutomationsError {
  /** Whether a retry may succeed. */
  readonly transient: boolean;
  /** The provider's own code, such as an SMTP reply code or a Twilio error code. */
  readonly providerCode: string | undefined;
  /** Milliseconds the provider asked the caller to wait before retrying (HTTP `Retry-After`). */
  readonly retryAfterMs: number | undefined;
  /** Set when the provider reports that the recipient opted out (for example replied STOP). */
  readonly optedOut: boolean;

  constructor(
    message: string,
    options: {
      transient: boolean;
      providerCode?: string | undefined;
      retryAfterMs?: number | undefined;
      optedOut?: boolean | undefined;
      cause?: unknown;
    },
  ) {
    super(ErrorCode.DeliveryFailed, message, { cause: options.cause });
    this.transient = options.transient;
    this.providerCode = options.providerCode;
    this.retryAfterMs = options.retryAfterMs;
    this.optedOut = options.optedOut ?? false;
  }
}

function formatValidationMessage(subject: string, issues: readonly ValidationIssue[]): string {
  const lines = issues.map((issue) =>
    issue.path ? `${issue.path}: ${issue.message}` : issue.message,
  );

  return `Invalid ${subject}: ${lines.join('; ')}`;
}

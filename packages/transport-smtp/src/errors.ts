import { AutomationsError, ErrorCode } from '@pics/automations-core';

/** Thrown when SMTP transport options or their environment variables are missing or invalid. */
export class SmtpOptionsError extends AutomationsError {
  constructor(message: string) {
    super(ErrorCode.InvalidArgument, `[automations] [smtp] ${message}`);
  }
}

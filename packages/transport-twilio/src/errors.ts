import { AutomationsError, ErrorCode } from '@pics/automations-core';

/** Thrown when Twilio options or their environment variables are missing or invalid. */
export class TwilioOptionsError extends AutomationsError {
  constructor(message: string) {
    super(ErrorCode.InvalidArgument, `[automations] [twilio] ${message}`);
  }
}

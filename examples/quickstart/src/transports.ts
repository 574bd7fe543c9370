import path from 'node:path';
import {
  createOutboxTransport,
  type EmailTransport,
  type SmsTransport,
} from '@pics/automations-core';
import type { QuickstartFlags } from './flags.js';

/** The transports a run sends through, by channel. */
export interface QuickstartTransports {
  email: EmailTransport;
  sms: SmsTransport;
}

/**
 * Creates the transports the flags choose: the outbox, which writes each email as an `.eml` file
 * and each SMS as a line of `sms.jsonl` in the `--out` folder. The folder is created on the first
 * message, so a dry run, which sends nothing, writes nothing.
 */
export function createTransportsFromFlags(flags: QuickstartFlags): QuickstartTransports {
  const outbox = createOutboxTransport({ dir: path.resolve(flags.out) });

  return { email: outbox, sms: outbox };
}

import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { type CalendarDate, type Channel, OUTBOX_SMS_FILE } from '@pics/automations-core';
import type { QuickstartFlags } from './flags.js';

/** The outbox folder of one run. */
export interface OutboxReport {
  /** Absolute path of the run's folder: `<--out>/<run date>`. */
  dir: string;
  /** The channels the outbox transport carries in this run. */
  channels: Channel[];
}

/** Returns the absolute path of a run date's outbox folder: `<--out>/<run date>`. */
export function outboxDirOf(flags: QuickstartFlags, runDate: CalendarDate): string {
  return path.resolve(flags.out, runDate);
}

/** Returns the outbox of a run date, or `undefined` when no channel uses the outbox transport. */
export function chooseOutbox(
  flags: QuickstartFlags,
  runDate: CalendarDate,
): OutboxReport | undefined {
  const channels = (['email', 'sms'] as const).filter(
    (channel) => flags.transports[channel] === 'outbox',
  );
  if (channels.length === 0) return undefined;

  return { dir: outboxDirOf(flags, runDate), channels };
}

/**
 * Removes the messages an earlier run on the same date left in the outbox folder (`.eml` files
 * and `sms.jsonl`) and returns how many files it removed. Other files are kept. The quickstart
 * calls it before a memory-store run, which starts empty and so sends every message again.
 */
export async function clearOutbox(dir: string): Promise<number> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const messages = names.filter((name) => name.endsWith('.eml') || name === OUTBOX_SMS_FILE);
  for (const name of messages) await rm(path.join(dir, name));

  return messages.length;
}

import { randomUUID } from 'node:crypto';
import type { CountryCode } from 'libphonenumber-js/max';
import { requirePhoneRegion } from '../address/mobile.js';
import { AutomationsError, ErrorCode } from '../errors/errors.js';
import { createMergeCatalogue } from '../merge/catalogue.js';
import type { MergeField } from '../merge/types.js';
import type { Channel } from '../model/automation.js';
import { type Logger, silentLogger } from '../ports/logger.js';
import type { Storage } from '../ports/storage.js';
import type { EmailTransport, SmsTransport } from '../ports/transports.js';
import { DEFAULT_TIME_ZONE } from '../schedule/run-time.js';
import { assertTimeZone } from '../schedule/time-zone.js';
import { TokenBucket } from './rate-limit.js';
import { DEFAULT_RETRY, type RetryPolicy } from './retry.js';
import { DEFAULT_SEND_TIMEOUT_MS } from './send-timeout.js';
import { type RunnerTimer, systemTimer } from './timer.js';
import type { RunnerOptions } from './types.js';

/** Default of {@link RunnerOptions.concurrency}. */
export const DEFAULT_CONCURRENCY = 8;

/** Default of {@link RunnerOptions.leaseMs}: five minutes. */
export const DEFAULT_LEASE_MS = 300_000;

/** A transport with the token bucket that throttles it, when it declares `maxPerSecond`. */
export interface ThrottledTransport<Transport> {
  transport: Transport;
  bucket?: TokenBucket | undefined;
}

/** {@link RunnerOptions} checked, with every default applied. */
export interface RunnerConfig {
  storage: Storage;
  email?: ThrottledTransport<EmailTransport> | undefined;
  sms?: ThrottledTransport<SmsTransport> | undefined;
  timeZone: string;
  phoneRegion: CountryCode;
  catalogue: readonly MergeField[];
  concurrency: number;
  retry: RetryPolicy;
  sendTimeoutMs: number;
  leaseMs: number;
  holder: string;
  logger: Logger;
  timer: RunnerTimer;
  random: () => number;
}

/**
 * Checks runner options and applies their defaults.
 *
 * @throws {AutomationsError} with code `INVALID_ARGUMENT` naming the option at fault.
 * @throws {ValidationError} when a host merge field is invalid.
 */
export function resolveRunnerConfig(options: RunnerOptions): RunnerConfig {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  assertTimeZone(timeZone);
  const timer = options.timer ?? systemTimer;

  return {
    storage: options.storage,
    email: throttle(options.transports.email, timer, 'email'),
    sms: throttle(options.transports.sms, timer, 'sms'),
    timeZone,
    phoneRegion: requirePhoneRegion(options.defaultPhoneRegion ?? 'GB'),
    catalogue: createMergeCatalogue(options.hostMergeFields ?? []),
    concurrency: requireWholeNumber('concurrency', options.concurrency ?? DEFAULT_CONCURRENCY, 1),
    retry: resolveRetry(options),
    sendTimeoutMs: requireWholeNumber(
      'sendTimeoutMs',
      options.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS,
      1,
    ),
    leaseMs: requireWholeNumber('leaseMs', options.leaseMs ?? DEFAULT_LEASE_MS, 1000),
    holder: options.holder ?? `runner-${randomUUID()}`,
    logger: options.logger ?? silentLogger,
    timer,
    random: options.random ?? Math.random,
  };
}

function resolveRetry(options: RunnerOptions): RetryPolicy {
  const retry = options.retry ?? {};

  return {
    attempts: requireWholeNumber('retry.attempts', retry.attempts ?? DEFAULT_RETRY.attempts, 1),
    baseDelayMs: requireWholeNumber(
      'retry.baseDelayMs',
      retry.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs,
      0,
    ),
    maxDelayMs: requireWholeNumber(
      'retry.maxDelayMs',
      retry.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs,
      0,
    ),
  };
}

function throttle<Transport extends { readonly maxPerSecond?: number | undefined }>(
  transport: Transport | undefined,
  timer: RunnerTimer,
  channel: Channel,
): ThrottledTransport<Transport> | undefined {
  if (transport === undefined) return undefined;

  const rate = transport.maxPerSecond;
  if (rate === undefined) return { transport };
  if (!Number.isFinite(rate) || rate <= 0) {
    throw invalidOption(`transports.${channel}.maxPerSecond`, rate, 'a positive number');
  }

  return { transport, bucket: new TokenBucket(rate, timer) };
}

function requireWholeNumber(name: string, value: number, minimum: number): number {
  if (Number.isInteger(value) && value >= minimum) return value;

  throw invalidOption(name, value, `a whole number of at least ${minimum}`);
}

function invalidOption(name: string, value: unknown, rule: string): AutomationsError {
  return new AutomationsError(
    ErrorCode.InvalidArgument,
    `Invalid runner option ${name}: ${String(value)} is not allowed, use ${rule}`,
  );
}

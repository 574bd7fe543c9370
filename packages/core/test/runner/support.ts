import { createMemoryStorage, type MemoryStorage } from '@pics/automations-storage-memory';
import { DeliveryError } from '../../src/errors/errors.js';
import { createMergeCatalogue } from '../../src/merge/catalogue.js';
import type { MergeField } from '../../src/merge/types.js';
import { type AutomationInput, parseAutomation } from '../../src/model/index.js';
import type { LearnerInput } from '../../src/model/learner.js';
import type { Logger } from '../../src/ports/logger.js';
import type {
  EmailMessage,
  EmailTransport,
  SendResult,
  SmsMessage,
  SmsTransport,
} from '../../src/ports/transports.js';
import type { RunnerTimer } from '../../src/runner/index.js';

/** One call a {@link RecordingTransport} received. */
export interface TransportCall {
  channel: 'email' | 'sms';
  message: EmailMessage | SmsMessage;
  /** The fake clock's reading when the call was made. */
  at: number;
  /** Whether the call succeeded. */
  accepted: boolean;
}

/** Decides whether a call fails: returns the error to throw, or undefined to accept it. */
export type FailurePlan = (
  message: EmailMessage | SmsMessage,
  attempt: number,
) => Error | undefined;

/** An email and SMS transport that records every call in memory and can fail on request. */
export interface RecordingTransport extends EmailTransport, SmsTransport {
  readonly calls: TransportCall[];
  /** Messages accepted, in call order. */
  accepted(): Array<EmailMessage | SmsMessage>;
}

/** Creates a {@link RecordingTransport}. */
export function createRecordingTransport(
  options: { fail?: FailurePlan; maxPerSecond?: number; timer?: RunnerTimer } = {},
): RecordingTransport {
  const calls: TransportCall[] = [];
  const attempts = new Map<string, number>();
  let nextId = 1;

  const record = (channel: 'email' | 'sms', message: EmailMessage | SmsMessage): SendResult => {
    const attempt = (attempts.get(message.idempotencyKey) ?? 0) + 1;
    attempts.set(message.idempotencyKey, attempt);
    const error = options.fail?.(message, attempt);
    const at = options.timer?.now() ?? 0;
    calls.push({ channel, message: structuredClone(message), at, accepted: error === undefined });
    if (error) throw error;

    return { messageId: `m-${nextId++}` };
  };

  return {
    name: 'recording',
    maxPerSecond: options.maxPerSecond,
    calls,
    accepted: () => calls.filter((call) => call.accepted).map((call) => call.message),
    async sendEmail({ message }) {
      return record('email', message);
    },
    async sendSms({ message }) {
      return record('sms', message);
    },
  };
}

/** Returns a transient delivery error, as a provider timeout would raise. */
export function transientError(retryAfterMs?: number): DeliveryError {
  return new DeliveryError('Connection timed out', { transient: true, retryAfterMs });
}

/** Returns a permanent delivery error, as an SMTP 550 reply would raise. */
export function permanentError(): DeliveryError {
  return new DeliveryError('Mailbox unavailable', { transient: false, providerCode: '550' });
}

/**
 * Creates a fake timer. `sleep` never waits for real time: pending sleeps wake one at a time in
 * order of their wake-up reading, and each moves the clock forward to that reading.
 */
export function createFakeTimer(): RunnerTimer & { readonly sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  const pending: Array<{ wakeAt: number; resolve: () => void }> = [];
  const wakeEarliest = () => {
    pending.sort((first, second) => first.wakeAt - second.wakeAt);
    const next = pending.shift();
    if (next === undefined) return;
    now = Math.max(now, next.wakeAt);
    next.resolve();
    if (pending.length > 0) setTimeout(wakeEarliest, 0);
  };

  return {
    sleeps,
    now: () => now,
    sleep(ms, signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      sleeps.push(ms);

      return new Promise<void>((resolve) => {
        pending.push({ wakeAt: now + ms, resolve });
        if (pending.length === 1) setTimeout(wakeEarliest, 0);
      });
    },
  };
}

/** Creates a logger that keeps every line, with the fields of its child scopes merged in. */
export function createRecordingLogger(): Logger & { lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const make = (bindings: Record<string, unknown>): Logger => {
    const log =
      (level: string) => (fieldsOrMessage: Record<string, unknown> | string, message?: string) => {
        const fields = typeof fieldsOrMessage === 'string' ? {} : fieldsOrMessage;
        const text = typeof fieldsOrMessage === 'string' ? fieldsOrMessage : message;
        lines.push({ level, ...bindings, ...fields, msg: text });
      };

    return {
      debug: log('debug'),
      info: log('info'),
      warn: log('warn'),
      error: log('error'),
      child: (more) => make({ ...bindings, ...more }),
    };
  };

  return Object.assign(make({}), { lines });
}

/** Returns a time of day on a date as UTC, which is London time in winter. */
export function winterRunTime(date: string, time = '05:00'): Date {
  return new Date(`${date}T${time}:00Z`);
}

/** Returns a learner with a valid email and mobile who allows both channels. */
export function learner(id: string, overrides: Partial<LearnerInput> = {}): LearnerInput {
  return {
    id,
    firstName: `First ${id}`,
    lastName: `Last ${id}`,
    email: `${id.toLowerCase()}@example.com`,
    mobile: '07400 100001',
    allowedContactMethods: ['email', 'sms'],
    enteredOn: '2026-01-05',
    startDate: '2026-01-05',
    ...overrides,
  };
}

/** Returns an email automation that runs every day, with overrides. */
export function dailyAutomation(
  id: string,
  overrides: Partial<AutomationInput> = {},
): AutomationInput {
  return {
    id,
    name: `Automation ${id}`,
    channel: 'email',
    title: 'Test automation',
    subject: 'Hello {{ firstName }}',
    body: '<p>Hello {{ firstName }}</p>',
    schedule: {
      kind: 'daysOfWeek',
      days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
    },
    delivery: { respectContactMethods: true, logCommunication: false },
    filters: {},
    ...overrides,
  };
}

/** Creates memory storage holding these learners and automations. */
export async function seedStorage(
  learners: readonly LearnerInput[],
  automations: readonly AutomationInput[],
  hostFields: readonly MergeField[] = [],
): Promise<MemoryStorage> {
  const storage = createMemoryStorage({ learners });
  const catalogue = createMergeCatalogue(hostFields);
  for (const input of automations) {
    const automation = parseAutomation(input, { catalogue });
    await storage.automations.create({ automation, now: new Date('2026-01-01T00:00:00Z') });
  }

  return storage;
}

import type { SmsEncoding } from '../merge/sms-segments.js';
import type { MergeField } from '../merge/types.js';
import type { Channel } from '../model/automation.js';
import type { CalendarDate } from '../model/calendar-date.js';
import type { Logger } from '../ports/logger.js';
import type { Storage } from '../ports/storage.js';
import type { EmailTransport, SmsTransport } from '../ports/transports.js';
import type { RunnerTimer } from './timer.js';

/** Reason a matched learner was not sent a message. */
export type SkipReason =
  | 'noAddress'
  | 'contactMethodNotAllowed'
  | 'maxMessagesReached'
  | 'alreadySent'
  | 'uncertain';

/** Reason a message failed. */
export type FailureReason = 'permanent' | 'retriesExhausted' | 'renderFailed' | 'noTransport';

/** Retry policy for transient transport failures. */
export interface RetryOptions {
  /** Transport calls per message, the first included. @default 4 */
  attempts?: number | undefined;
  /** Delay before the first retry, doubled on each further retry, with full jitter. @default 500 */
  baseDelayMs?: number | undefined;
  /** Maximum delay between two attempts, in milliseconds. @default 30000 */
  maxDelayMs?: number | undefined;
}

/** Options of {@link createRunner}. */
export interface RunnerOptions {
  /** The storage adapter. */
  storage: Storage;
  /** Transports by channel; an automation whose channel has no transport fails its run. */
  transports: { email?: EmailTransport | undefined; sms?: SmsTransport | undefined };
  /** IANA time zone of the host; run dates and 05:00 are local to it. @default 'Europe/London' */
  timeZone?: string | undefined;
  /** Region for mobile numbers written without a country code. @default 'GB' */
  defaultPhoneRegion?: string | undefined;
  /** Host merge fields added to the built-in catalogue. @default [] */
  hostMergeFields?: readonly MergeField[] | undefined;
  /** Messages in flight at once, per automation. @default 8 */
  concurrency?: number | undefined;
  /** Retry policy for transient failures. */
  retry?: RetryOptions | undefined;
  /**
   * Maximum wait for one transport call, in milliseconds. A call still unsettled then is not
   * retried, because the provider may have accepted it: its ledger entry stays reserved and the
   * learner is counted as skipped `uncertain`. The transport receives a signal that aborts then.
   * @default 120000
   */
  sendTimeoutMs?: number | undefined;
  /** How long a run claim lasts before another process may take the run over. @default 300000 */
  leaseMs?: number | undefined;
  /** Identifies this process in run claims. @default a random id */
  holder?: string | undefined;
  /** pino-compatible logger. @default silent */
  logger?: Logger | undefined;
  /**
   * Clock and waits for retry backoff, rate limiting and durations. Tests pass one with a fake
   * clock. @default the process clock (`performance.now`) and `setTimeout`
   */
  timer?: RunnerTimer | undefined;
  /** Random numbers in [0, 1) for the retry jitter. @default Math.random */
  random?: (() => number) | undefined;
}

/** Progress of one automation's run, reported every few learners and at the end. */
export interface RunProgress {
  automationId: string;
  runDate: CalendarDate;
  matched: number;
  sent: number;
  skipped: number;
  failed: number;
}

/** Arguments of {@link Runner.runDue}. */
export interface RunDueOptions {
  /**
   * The current instant. The run date is its local date in the runner's time zone.
   * @default the time of the call (`new Date()`)
   */
  now?: Date | undefined;
  /** Evaluate and render without sending or writing anything. @default false */
  dryRun?: boolean | undefined;
  /** Called as each automation makes progress. An error it throws is logged and the run goes on. */
  onProgress?: ((progress: RunProgress) => void) | undefined;
  /** Stops starting new sends when aborted; the run stays claimed until its lease lapses. */
  signal?: AbortSignal | undefined;
}

/** One message a dry run would send. */
export interface PlannedMessage {
  learnerId: string;
  to: string;
  subject?: string | undefined;
  body: string;
  /** For SMS: encoding and segment count of the rendered body. */
  sms?: { encoding: SmsEncoding; segments: number } | undefined;
}

/** Outcome of one automation's run. */
export interface AutomationRunReport {
  automationId: string;
  name: string;
  channel: Channel;
  runDate: CalendarDate;
  /**
   * `completed`: this call worked the run to the end. `alreadyFinished`: the run finished
   * earlier, nothing was sent. `heldElsewhere`: another process has the claim. `failed`: the
   * run stopped on an error (see `error`).
   */
  status: 'completed' | 'alreadyFinished' | 'heldElsewhere' | 'failed';
  matched: number;
  /** Messages sent; in a dry run, messages that would be sent. */
  sent: number;
  skipped: Record<SkipReason, number>;
  failed: Record<FailureReason, number>;
  /** Learners whose entry was left reserved by an earlier crash: maybe sent, not resent. */
  uncertain: number;
  /**
   * For SMS: total segments of the messages sent; in a dry run, of the messages that would be
   * sent. Each message counts the segments its transport reported, else those core counted from
   * the rendered body.
   */
  segments?: number | undefined;
  /** For SMS: messages sent per encoding, counted like `segments`. Adds up to `sent`. */
  smsEncodings?: Record<SmsEncoding, number> | undefined;
  durationMs: number;
  error?: string | undefined;
  /** Dry run only: every message that would be sent, in learner id order. */
  planned?: PlannedMessage[] | undefined;
}

/** Report of one {@link Runner.runDue} call. */
export interface RunDueReport {
  runDate: CalendarDate;
  dryRun: boolean;
  startedAt: Date;
  durationMs: number;
  automations: AutomationRunReport[];
}

/** Runs the automations that are due. */
export interface Runner {
  /**
   * Runs every automation due on the local date of `now`, if `now` is at or after 05:00 local:
   * claims each run, streams its learners, and sends each message at most once. Called with no
   * argument, it runs for the current time.
   *
   * @throws {AutomationsError} with code `INVALID_ARGUMENT` when `options` is not an object or
   *   `now` is not a valid Date.
   */
  runDue(options?: RunDueOptions): Promise<RunDueReport>;

  /**
   * Runs one automation for an explicit run date, whether or not its schedule allows it, for
   * back-fills a host requests. Same guarantees as {@link Runner.runDue}.
   *
   * @throws {AutomationsError} with code `INVALID_ARGUMENT` when `runDate` is not a real
   *   `YYYY-MM-DD` date or `now` is not a valid Date.
   * @throws {NotFoundError} when no automation has the id.
   */
  runAutomation(options: {
    automationId: string;
    runDate: CalendarDate;
    now: Date;
    dryRun?: boolean | undefined;
    onProgress?: ((progress: RunProgress) => void) | undefined;
    signal?: AbortSignal | undefined;
  }): Promise<AutomationRunReport>;
}

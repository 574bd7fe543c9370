import { maskAddress } from '../address/mask.js';
import { type SmsSegments, smsSegments } from '../merge/sms-segments.js';
import type { LedgerKey } from '../ports/delivery-ledger.js';
import type { SendResult } from '../ports/transports.js';
import { idempotencyKey, ledgerKey, type RunContext } from './context.js';
import type { RenderedMessage } from './prepare.js';
import { countFailure, countSkip, countSms } from './report.js';
import { type SendOutcome, sendWithRetry } from './retry.js';
import { errorForLog, errorText, providerCodeOf } from './thrown.js';
import { callTransport } from './transport-call.js';
import type { FailureReason } from './types.js';

/**
 * Delivers one rendered message at most once: reserves its ledger entry (which also enforces Max
 * Messages), sends it with retries, records the outcome in the ledger, and writes the
 * communication log when the automation requests it.
 *
 * An entry that exists already is not sent again: it counts as `alreadySent`, or as `uncertain`
 * when it is still `reserved` (an earlier attempt may have reached the provider). Storage errors
 * are thrown, because the run cannot go on safely without its ledger.
 */
export async function deliverMessage(
  context: RunContext,
  learnerId: string,
  message: RenderedMessage,
): Promise<void> {
  const key = ledgerKey(context, learnerId);
  const reservation = await context.config.storage.ledger.reserve({
    ...key,
    maxMessages: context.automation.delivery.maxMessages,
    now: context.clock(),
  });
  if (reservation.outcome === 'maxMessagesReached') {
    countSkip(context.report, 'maxMessagesReached');
    return;
  }
  if (reservation.outcome === 'exists') {
    countSkip(
      context.report,
      reservation.entry.status === 'reserved' ? 'uncertain' : 'alreadySent',
    );
    return;
  }

  const outcome = await send(context, key, message);
  if (outcome.ok) await recordSent(context, key, message, outcome);
  else if (outcome.reason === 'timedOut') leaveInDoubt(context, key, outcome.error);
  else await recordFailed(context, key, message.to, outcome);
}

// The provider may have accepted a message whose send timed out, so its entry stays reserved:
// a later run reports it as uncertain and never sends it again.
function leaveInDoubt(context: RunContext, key: LedgerKey, error: unknown): void {
  countSkip(context.report, 'uncertain');
  context.logger.error(
    { err: error, learnerId: key.learnerId },
    'Send timed out; the message may have been sent, so its entry stays reserved and is not resent',
  );
}

function send(
  context: RunContext,
  key: LedgerKey,
  message: RenderedMessage,
): Promise<SendOutcome<SendResult>> {
  const logger = context.logger.child({ learnerId: key.learnerId });
  const messageKey = idempotencyKey(context, key.learnerId);

  return sendWithRetry({
    send: () => callTransport(context.config, message, { ...key, idempotencyKey: messageKey }),
    policy: context.config.retry,
    timer: context.config.timer,
    signal: context.stop.signal,
    random: context.config.random,
    onRetry: ({ attempt, delayMs, error }) =>
      logger.warn(
        { err: errorForLog(error, message.to), attempt, to: maskAddress(message.to) },
        `Send failed, retrying in ${delayMs} ms`,
      ),
  });
}

type SentSmsSize = Pick<SmsSegments, 'encoding' | 'segments'>;

async function recordSent(
  context: RunContext,
  key: LedgerKey,
  message: RenderedMessage,
  outcome: Extract<SendOutcome<SendResult>, { ok: true }>,
): Promise<void> {
  const messageId = outcome.result.messageId;
  const size = message.channel === 'sms' ? sentSmsSize(message.body, outcome.result) : undefined;
  await context.config.storage.ledger.complete({
    ...key,
    status: 'sent',
    attempts: outcome.attempts,
    transportMessageId: messageId,
    ...size,
    now: context.clock(),
  });

  context.report.sent += 1;
  if (size !== undefined) countSms(context.report, size);
  if (context.automation.delivery.logCommunication)
    await logCommunication(context, key, message, { transportMessageId: messageId, ...size });
}

/** Returns a sent SMS's segments and encoding: the transport's, else counted from the body. */
function sentSmsSize(body: string, result: SendResult): SentSmsSize {
  const { segments, encoding } = result;
  if (segments !== undefined && encoding !== undefined) return { segments, encoding };

  const counted = smsSegments(body);

  return { segments: segments ?? counted.segments, encoding: encoding ?? counted.encoding };
}

async function recordFailed(
  context: RunContext,
  key: LedgerKey,
  to: string,
  outcome: Extract<SendOutcome<SendResult>, { ok: false; reason: FailureReason }>,
): Promise<void> {
  const { error, reason, attempts } = outcome;
  await context.config.storage.ledger.complete({
    ...key,
    status: 'failed',
    attempts,
    error: errorText(error),
    errorCode: providerCodeOf(error),
    now: context.clock(),
  });

  countFailure(context.report, reason);
  context.logger.error(
    { err: errorForLog(error, to), learnerId: key.learnerId, reason, attempts },
    'Send failed, recorded the message as failed and going on with the run',
  );
}

// The message is sent and recorded in the ledger by now, so a log write that fails is logged and
// the run goes on: failing the run would not bring the record back.
async function logCommunication(
  context: RunContext,
  key: LedgerKey,
  message: RenderedMessage,
  sent: { transportMessageId: string | undefined } & Partial<SentSmsSize>,
): Promise<void> {
  const isEmail = message.channel === 'email';
  const record = {
    ...key,
    channel: message.channel,
    to: message.to,
    subject: isEmail ? message.subject : undefined,
    body: isEmail ? message.html : message.body,
    ...sent,
    sentAt: context.clock(),
  };
  try {
    await context.config.storage.communications.write({ record });
  } catch (error) {
    context.logger.error(
      { err: error, learnerId: key.learnerId },
      'Writing the communication record failed; the message was sent and the run goes on',
    );
  }
}

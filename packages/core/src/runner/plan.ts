import { smsSegments } from '../merge/sms-segments.js';
import type { LedgerKey } from '../ports/delivery-ledger.js';
import { ledgerKey, type RunContext } from './context.js';
import type { RenderedMessage } from './prepare.js';
import { countSkip, countSms } from './report.js';
import type { PlannedMessage } from './types.js';

/**
 * Dry-run counterpart of delivery: applies the ledger's rules by reading it (an existing entry,
 * then Max Messages over the messages already sent) and adds the message to the plan instead of
 * reserving and sending it. Writes nothing.
 */
export async function planMessage(
  context: RunContext,
  learnerId: string,
  message: RenderedMessage,
): Promise<void> {
  const key = ledgerKey(context, learnerId);
  const existing = await context.config.storage.ledger.get(key);
  if (existing !== undefined) {
    countSkip(context.report, existing.status === 'reserved' ? 'uncertain' : 'alreadySent');
    return;
  }
  if (await reachedMaxMessages(context, key)) {
    countSkip(context.report, 'maxMessagesReached');
    return;
  }

  const planned = toPlannedMessage(learnerId, message);
  context.report.sent += 1;
  if (planned.sms !== undefined) countSms(context.report, planned.sms);
  context.planned?.push(planned);
}

async function reachedMaxMessages(context: RunContext, key: LedgerKey): Promise<boolean> {
  const maxMessages = context.automation.delivery.maxMessages;
  if (maxMessages === undefined || maxMessages === null) return false;

  return (await context.config.storage.ledger.countSent(key)) >= maxMessages;
}

function toPlannedMessage(learnerId: string, message: RenderedMessage): PlannedMessage {
  if (message.channel === 'email') {
    return { learnerId, to: message.to, subject: message.subject, body: message.html };
  }

  const { encoding, segments } = smsSegments(message.body);

  return { learnerId, to: message.to, body: message.body, sms: { encoding, segments } };
}

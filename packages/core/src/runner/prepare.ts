import { normalizeEmail } from '../address/email.js';
import { normalizeMobile } from '../address/mobile.js';
import { htmlToText } from '../merge/html-to-text.js';
import { type CompiledTemplate, compileTemplate } from '../merge/render.js';
import type { MergeField } from '../merge/types.js';
import type { Automation } from '../model/automation.js';
import type { Learner } from '../model/learner.js';
import type { RunContext } from './context.js';
import type { SkipReason } from './types.js';

/** The compiled subject and body of an automation. */
export type MessageTemplates =
  | { channel: 'email'; subject: CompiledTemplate; html: CompiledTemplate }
  | { channel: 'sms'; body: CompiledTemplate };

/** A message rendered for one learner, before the ledger is consulted. */
export type RenderedMessage =
  | { channel: 'email'; to: string; subject: string; html: string; text: string }
  | { channel: 'sms'; to: string; body: string };

/** Decision for one matched learner: a rendered message, a skip, or a render failure. */
export type Preparation =
  | { kind: 'message'; message: RenderedMessage }
  | { kind: 'skip'; reason: Extract<SkipReason, 'noAddress' | 'contactMethodNotAllowed'> }
  | { kind: 'renderFailed'; error: unknown };

/** Compiles an automation's subject and body once, for every learner of a run. */
export function compileMessageTemplates(
  automation: Automation,
  catalogue: readonly MergeField[],
): MessageTemplates {
  if (automation.channel === 'sms') {
    return {
      channel: 'sms',
      body: compileTemplate(automation.body, { channel: 'sms', catalogue }),
    };
  }

  return {
    channel: 'email',
    subject: compileTemplate(automation.subject ?? '', { channel: 'subject', catalogue }),
    html: compileTemplate(automation.body, { channel: 'email', catalogue }),
  };
}

/**
 * Decides whether a matched learner gets a message and renders it: the learner needs a usable
 * address for the channel, and the channel among their allowed contact methods when the
 * automation respects them.
 */
export function prepareMessage(context: RunContext, learner: Learner): Preparation {
  const to = usableAddress(context, learner);
  if (to === undefined) return { kind: 'skip', reason: 'noAddress' };

  const { channel, delivery } = context.automation;
  if (delivery.respectContactMethods && !learner.allowedContactMethods.includes(channel)) {
    return { kind: 'skip', reason: 'contactMethodNotAllowed' };
  }

  try {
    return { kind: 'message', message: render(context.templates, learner, to) };
  } catch (error) {
    return { kind: 'renderFailed', error };
  }
}

function usableAddress(context: RunContext, learner: Learner): string | undefined {
  if (context.automation.channel === 'email') return normalizeEmail(learner.email);

  return normalizeMobile(learner.mobile, { defaultRegion: context.config.phoneRegion });
}

function render(templates: MessageTemplates, learner: Learner, to: string): RenderedMessage {
  if (templates.channel === 'sms') return { channel: 'sms', to, body: templates.body(learner) };

  const html = templates.html(learner);

  return {
    channel: 'email',
    to,
    subject: templates.subject(learner),
    html,
    text: htmlToText(html),
  };
}

/** Transports `--transport` can name. */
export const TRANSPORT_NAMES = ['outbox', 'console', 'smtp', 'twilio'] as const;

/** One of {@link TRANSPORT_NAMES}. */
export type TransportName = (typeof TRANSPORT_NAMES)[number];

/** Transports that carry email. */
export type EmailTransportName = 'outbox' | 'console' | 'smtp';

/** Transports that carry SMS. */
export type SmsTransportName = 'outbox' | 'console' | 'twilio';

/** The transport of each channel; SMS may have none. */
export interface TransportChoice {
  email: EmailTransportName;
  /** `undefined` when no SMS transport is configured, so SMS automations cannot be created. */
  sms: SmsTransportName | undefined;
}

/** The transports when `--transport` is not given. */
export const DEFAULT_TRANSPORT = 'outbox';

/**
 * Reads a `--transport` value: one or two comma-separated names. `smtp` carries email and `twilio`
 * carries SMS. `outbox` or `console` carries both channels, or the one that `smtp` or `twilio`
 * leaves. Returns the choice, or the problem with the value as a sentence.
 */
export function parseTransportChoice(text: string): TransportChoice | string {
  const names = text.split(',').map((name) => name.trim());
  const unknown = names.find((name) => !(TRANSPORT_NAMES as readonly string[]).includes(name));
  if (unknown !== undefined)
    return `"${unknown}" is not a transport: use ${TRANSPORT_NAMES.join(', ')}`;
  if (new Set(names).size !== names.length) return 'it names a transport twice';

  return chooseTransports(names as TransportName[]);
}

function chooseTransports(names: readonly TransportName[]): TransportChoice | string {
  const general = names.filter((name) => name === 'outbox' || name === 'console');
  if (general.length > 1) return 'outbox and console both carry every channel: choose one';

  const fallback = general[0];
  const email = names.includes('smtp') ? 'smtp' : fallback;
  const sms = names.includes('twilio') ? 'twilio' : fallback;
  if (email === undefined) return 'email needs a transport: add outbox, console or smtp';
  if (fallback !== undefined && email !== fallback && sms !== fallback) {
    return `${fallback} would carry nothing, because smtp and twilio carry both channels`;
  }

  return { email, sms };
}

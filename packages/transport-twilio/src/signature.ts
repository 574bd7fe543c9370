import { createHmac, timingSafeEqual } from 'node:crypto';

/** POST parameters of a webhook request, as decoded from its form body. */
export type WebhookParams = URLSearchParams | Readonly<Record<string, string | readonly string[]>>;

/**
 * Computes the `X-Twilio-Signature` Twilio sends with a webhook request. The signed text is the
 * full URL (query string included) followed by each POST parameter's name and value with no
 * separators, the parameters sorted by name. The signature is its HMAC-SHA1, keyed with the
 * Account's Auth Token, in base64. A name sent more than once contributes each of its values, in
 * sorted order.
 */
export function computeTwilioSignature(args: {
  authToken: string;
  url: string;
  params: WebhookParams;
}): string {
  const payload = args.url + serializeParams(args.params);

  return createHmac('sha1', args.authToken).update(payload, 'utf8').digest('base64');
}

/**
 * Checks an `X-Twilio-Signature` value against the URL and parameters, comparing in constant
 * time. The URL is tried as given, with its default port added and with it removed, because
 * Twilio signs with the port in some cases and without it in others.
 */
export function verifyTwilioSignature(args: {
  authToken: string;
  signature: string;
  url: string;
  params: WebhookParams;
}): boolean {
  const candidates = urlVariants(args.url).map((url) =>
    computeTwilioSignature({ authToken: args.authToken, url, params: args.params }),
  );
  const matches = candidates.map((candidate) => safeEqual(candidate, args.signature));

  return matches.includes(true);
}

function serializeParams(params: WebhookParams): string {
  const grouped = new Map<string, string[]>();
  const entries = params instanceof URLSearchParams ? [...params] : flattenRecord(params);
  for (const [name, value] of entries) {
    grouped.set(name, [...(grouped.get(name) ?? []), value]);
  }
  const names = [...grouped.keys()].sort();

  return names
    .flatMap((name) => (grouped.get(name) ?? []).sort().map((value) => name + value))
    .join('');
}

function flattenRecord(
  params: Readonly<Record<string, string | readonly string[]>>,
): Array<[string, string]> {
  return Object.entries(params).flatMap(([name, value]) =>
    typeof value === 'string'
      ? [[name, value] as [string, string]]
      : value.map((item) => [name, item] as [string, string]),
  );
}

/** Returns the URL as given, with the scheme's default port spelled out, and without a port. */
function urlVariants(url: string): string[] {
  if (!URL.canParse(url)) {
    return [url];
  }
  const parsed = new URL(url);
  const withoutPort = new URL(url);
  withoutPort.port = '';
  const defaultPort = parsed.protocol === 'https:' ? '443' : '80';
  const withPort =
    parsed.port === ''
      ? `${parsed.protocol}//${userInfo(parsed)}${parsed.hostname}:${defaultPort}${parsed.pathname}${parsed.search}`
      : parsed.toString();

  return [...new Set([url, withoutPort.toString(), withPort])];
}

function userInfo(url: URL): string {
  if (url.username === '' && url.password === '') {
    return '';
  }

  return url.password === '' ? `${url.username}@` : `${url.username}:${url.password}@`;
}

function safeEqual(expected: string, actual: string): boolean {
  const expectedBytes = Buffer.from(expected);
  const actualBytes = Buffer.from(actual);

  return expectedBytes.length === actualBytes.length && timingSafeEqual(expectedBytes, actualBytes);
}

import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { smsSegments } from '@pics/automations-core';
import { loadOperation, type OperationContract } from './openapi.js';

/** Test credentials the fake accepts: the Account's Auth Token, and one API key. */
export const ACCOUNT_SID = `AC${'a1'.repeat(16)}`;
export const AUTH_TOKEN = 'test-auth-token-0123456789abcdef';
export const API_KEY = { sid: `SK${'b2'.repeat(16)}`, secret: 'test-api-key-secret' };

/** A response the fake gives instead of creating the message. */
export interface ScriptedResponse {
  status: number;
  /** Twilio error code in the body; absent sends an empty body. */
  code?: number;
  message?: string;
  /** Value of the `Retry-After` header. */
  retryAfter?: string;
}

/** One request the fake received. */
export interface ReceivedRequest {
  method: string | undefined;
  path: string;
  /** The decoded form, repeated fields as arrays. */
  form: Record<string, string | string[]>;
  /** The user of HTTP basic auth. */
  user: string | undefined;
}

/** Options of {@link startFakeTwilio}. */
export interface FakeTwilioOptions {
  /** Responses per `To` number, used in order; then the message is created. */
  script?: Record<string, ScriptedResponse[]>;
  /** `num_segments` of created messages: a number, or `null` to leave it out. @default Twilio-like count */
  numSegments?: number | null;
  /** Delay before every response, in milliseconds. @default 0 */
  delayMs?: number;
}

/** A local HTTP server that checks requests against Twilio's `CreateMessage` operation. */
export interface FakeTwilio {
  baseUrl: string;
  requests: ReceivedRequest[];
  /** Every way a request broke the OpenAPI contract; a correct client leaves it empty. */
  violations: string[];
  /** The body of every 201 response, to check against the response schema. */
  created: unknown[];
  contract: OperationContract;
  stop(): Promise<void>;
}

/** Starts the fake on an ephemeral port of 127.0.0.1. */
export async function startFakeTwilio(options: FakeTwilioOptions = {}): Promise<FakeTwilio> {
  const contract = loadOperation('CreateMessage');
  const script = structuredClone(options.script ?? {});
  const state = { requests: [], violations: [], created: [] } as Pick<
    FakeTwilio,
    'requests' | 'violations' | 'created'
  >;
  const server = createServer((request, response) => {
    readBody(request)
      .then(async (body) => {
        await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 0));
        respond({ contract, script, options, state, request, body, response });
      })
      .catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    ...state,
    contract,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Exchange {
  contract: OperationContract;
  script: Record<string, ScriptedResponse[]>;
  options: FakeTwilioOptions;
  state: Pick<FakeTwilio, 'requests' | 'violations' | 'created'>;
  request: IncomingMessage;
  body: string;
  response: ServerResponse;
}

function respond(exchange: Exchange): void {
  const { request, response, state } = exchange;
  const path = new URL(request.url ?? '/', 'http://fake').pathname;
  const form = decodeForm(exchange.body, exchange.contract.arrayFields);
  const credentials = basicCredentials(request.headers.authorization);
  state.requests.push({ method: request.method, path, form, user: credentials?.user });

  const violations = checkContract(exchange.contract, request, path, exchange.body);
  if (violations.length > 0) {
    state.violations.push(...violations);
    sendError(response, { status: 400, code: 21604, message: violations.join('; ') });

    return;
  }
  if (!isAuthorized(credentials, path)) {
    sendError(response, { status: 401, code: 20003, message: 'Authenticate' });

    return;
  }
  const scripted = exchange.script[String(form.To)]?.shift();
  if (scripted !== undefined) {
    sendError(response, scripted);

    return;
  }
  const resource = messageResource(form, exchange.options.numSegments);
  state.created.push(resource);
  response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(resource));
}

/** Lists every way the request breaks the operation's contract. */
function checkContract(
  contract: OperationContract,
  request: IncomingMessage,
  path: string,
  body: string,
): string[] {
  const violations: string[] = [];
  if (request.method !== contract.method) {
    violations.push(`method ${request.method} is not ${contract.method}`);
  }
  const match = contract.pathPattern.exec(path);
  if (match === null) {
    violations.push(`path ${path} does not match ${contract.pathTemplate}`);
  }
  for (const [name, validate] of Object.entries(contract.pathParameters)) {
    if (match !== null && !validate(match.groups?.[name])) {
      violations.push(`path parameter ${name} is invalid`);
    }
  }
  const contentType = request.headers['content-type']?.split(';')[0]?.trim();
  if (contentType !== contract.contentType) {
    violations.push(`content type ${contentType} is not ${contract.contentType}`);
  }
  if (basicCredentials(request.headers.authorization) === undefined) {
    violations.push('HTTP basic auth is missing');
  }

  return [...violations, ...checkForm(contract, body)];
}

function checkForm(contract: OperationContract, body: string): string[] {
  const params = new URLSearchParams(body);
  const violations = [...new Set(params.keys())]
    .filter((name) => !contract.arrayFields.has(name) && params.getAll(name).length > 1)
    .map((name) => `field ${name} is repeated`);
  const form = decodeForm(body, contract.arrayFields);
  if (!contract.validateBody(form)) {
    violations.push(
      ...(contract.validateBody.errors ?? []).map(
        (error) => `body${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`,
      ),
    );
  }
  for (const group of contract.conditionalGroups) {
    if (!group.some((name) => name in form)) {
      violations.push(`body needs one of ${group.join(', ')}`);
    }
  }
  if ('From' in form && 'MessagingServiceSid' in form) {
    violations.push('body has both From and MessagingServiceSid');
  }

  return violations;
}

/** Builds a message resource the way Twilio returns a newly queued message. */
function messageResource(
  form: Record<string, string | string[]>,
  numSegments: number | null | undefined,
): Record<string, unknown> {
  const sid = `SM${randomBytes(16).toString('hex')}`;
  const now = new Date().toUTCString().replace('GMT', '+0000');
  const body = String(form.Body ?? '');
  const segments = numSegments === undefined ? smsSegments(body).segments : numSegments;

  return {
    account_sid: ACCOUNT_SID,
    api_version: '2010-04-01',
    body,
    date_created: now,
    date_sent: null,
    date_updated: now,
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from: typeof form.From === 'string' ? form.From : null,
    messaging_service_sid:
      typeof form.MessagingServiceSid === 'string' ? form.MessagingServiceSid : null,
    num_media: '0',
    num_segments: segments === null ? null : String(segments),
    price: null,
    price_unit: 'USD',
    sid,
    status: 'queued',
    subresource_uris: { media: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${sid}/Media.json` },
    to: String(form.To),
    uri: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${sid}.json`,
  };
}

function sendError(response: ServerResponse, scripted: ScriptedResponse): void {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (scripted.retryAfter !== undefined) {
    headers['retry-after'] = scripted.retryAfter;
  }
  const body =
    scripted.code === undefined
      ? ''
      : JSON.stringify({
          code: scripted.code,
          message: scripted.message ?? 'Error',
          more_info: `https://www.twilio.com/docs/errors/${scripted.code}`,
          status: scripted.status,
        });
  response.writeHead(scripted.status, headers).end(body);
}

function isAuthorized(
  credentials: { user: string; pass: string } | undefined,
  path: string,
): boolean {
  const inAccount = path.includes(`/Accounts/${ACCOUNT_SID}/`);
  const byToken = credentials?.user === ACCOUNT_SID && credentials.pass === AUTH_TOKEN;
  const byKey = credentials?.user === API_KEY.sid && credentials.pass === API_KEY.secret;

  return inAccount && (byToken || byKey);
}

function basicCredentials(header: string | undefined): { user: string; pass: string } | undefined {
  const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header ?? '');
  const decoded = match?.[1] === undefined ? '' : Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');

  return colon < 0 ? undefined : { user: decoded.slice(0, colon), pass: decoded.slice(colon + 1) };
}

function decodeForm(body: string, arrayFields: Set<string>): Record<string, string | string[]> {
  const params = new URLSearchParams(body);

  return Object.fromEntries(
    [...new Set(params.keys())].map((name) => [
      name,
      arrayFields.has(name) ? params.getAll(name) : (params.get(name) ?? ''),
    ]),
  );
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }

  return Buffer.concat(chunks).toString('utf8');
}

import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** One message the test server accepted. */
export interface ReceivedMail {
  /** `MAIL FROM` of the envelope. */
  mailFrom: string | undefined;
  /** Every `RCPT TO` of the envelope. */
  rcptTo: string[];
  /** The user the client authenticated as, when it did. */
  user: string | undefined;
  /** Whether the session ran over TLS when the message arrived. */
  secure: boolean;
  /** The message as it arrived. */
  raw: string;
  /** The message parsed by mailparser. */
  parsed: ParsedMail;
}

/** An SMTP reply the server gives instead of accepting a recipient. */
export interface ScriptedReply {
  code: number;
  text: string;
}

/** Options of {@link startSmtpServer}. */
export interface TestServerOptions {
  /** Accepted credentials; absent means the server offers no AUTH. */
  credentials?: { user: string; pass: string };
  /** Key and certificate in PEM; absent means the server offers no STARTTLS. */
  tls?: { key: string; cert: string };
  /** Replies per recipient address, used in order on each `RCPT TO`; then it is accepted. */
  script?: Record<string, ScriptedReply[]>;
}

/** A running SMTP server on 127.0.0.1 that keeps every message it accepts. */
export interface TestSmtpServer {
  port: number;
  received: ReceivedMail[];
  /** Every `RCPT TO` the server saw, accepted or not. */
  attempts: string[];
  stop(): Promise<void>;
}

/** Starts a real SMTP server on an ephemeral port of 127.0.0.1. */
export async function startSmtpServer(options: TestServerOptions = {}): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const attempts: string[] = [];
  const script = structuredClone(options.script ?? {});
  const server = new SMTPServer({
    ...securityOptions(options),
    logger: false,
    onRcptTo(address, _session, callback) {
      attempts.push(address.address);
      const reply = script[address.address]?.shift();

      callback(reply === undefined ? null : smtpError(reply));
    },
    onData(stream, session, callback) {
      readMessage(stream)
        .then(async (raw) => {
          received.push({
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
            rcptTo: session.envelope.rcptTo.map((recipient) => recipient.address),
            user: typeof session.user === 'string' ? session.user : undefined,
            secure: session.secure,
            raw,
            parsed: await simpleParser(raw),
          });
          callback();
        })
        .catch(callback);
    },
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;

  return {
    port,
    received,
    attempts,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function securityOptions(options: TestServerOptions): SMTPServerOptions {
  const { credentials, tls } = options;
  const disabledCommands = [...(credentials ? [] : ['AUTH']), ...(tls ? [] : ['STARTTLS'])];
  const security: SMTPServerOptions = { disabledCommands, allowInsecureAuth: tls === undefined };
  if (tls) {
    security.key = tls.key;
    security.cert = tls.cert;
  }
  if (credentials) {
    security.onAuth = (auth, _session, callback) => {
      const valid = auth.username === credentials.user && auth.password === credentials.pass;

      callback(valid ? null : smtpError({ code: 535, text: 'Invalid credentials' }), {
        user: auth.username,
      });
    };
  }

  return security;
}

function smtpError(reply: ScriptedReply): Error {
  return Object.assign(new Error(reply.text), { responseCode: reply.code });
}

async function readMessage(stream: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(chunk);
  }

  return Buffer.concat(chunks).toString('utf8');
}

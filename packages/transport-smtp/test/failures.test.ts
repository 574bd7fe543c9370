import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:net';
import { DeliveryError, type EmailTransport } from '@pics/automations-core';
import { afterEach, describe, expect, it } from 'vitest';
import { createSmtpTransport, type SmtpTransportOptions } from '../src/index.js';
import { emailMessage } from './support/messages.js';
import { type ScriptedReply, startSmtpServer, type TestSmtpServer } from './support/smtp-server.js';

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup();
  }
});

async function serverWith(script: Record<string, ScriptedReply[]>): Promise<TestSmtpServer> {
  const server = await startSmtpServer({ script });
  cleanups.push(() => server.stop());

  return server;
}

function transportFor(port: number, overrides: Partial<SmtpTransportOptions> = {}): EmailTransport {
  const transport = createSmtpTransport({
    host: '127.0.0.1',
    port,
    from: 'noreply@training.example.com',
    ...overrides,
  });
  cleanups.push(async () => transport.close?.());

  return transport;
}

async function failureOf(sending: Promise<unknown>): Promise<DeliveryError> {
  const error = await sending.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof DeliveryError)) {
    throw new Error(`expected a DeliveryError, got ${String(error)}`);
  }

  return error;
}

const busy = { code: 450, text: 'Mailbox busy, try later' };
const closing = { code: 421, text: 'Service shutting down' };
const unknownUser = { code: 550, text: 'No such user here' };

describe('smtp transport failures', () => {
  it.each([
    ['421', closing],
    ['450', busy],
  ])('classifies %s as transient', async (_code, reply) => {
    const server = await serverWith({ 'zoe@example.com': [reply] });
    const failure = await failureOf(
      transportFor(server.port).sendEmail({ message: emailMessage() }),
    );

    expect(failure.transient).toBe(true);
  });

  it.each([
    ['421', closing],
    ['450', busy],
    ['550', unknownUser],
  ])('keeps reply code %s', async (code, reply) => {
    const server = await serverWith({ 'zoe@example.com': [reply] });
    const failure = await failureOf(
      transportFor(server.port).sendEmail({ message: emailMessage() }),
    );

    expect(failure.providerCode).toBe(code);
  });

  it('keeps the server text', async () => {
    const server = await serverWith({ 'zoe@example.com': [unknownUser] });
    const failure = await failureOf(
      transportFor(server.port).sendEmail({ message: emailMessage() }),
    );

    expect(failure.message).toContain('No such user here');
  });

  it('classifies 550 as permanent', async () => {
    const server = await serverWith({ 'zoe@example.com': [unknownUser] });
    const failure = await failureOf(
      transportFor(server.port).sendEmail({ message: emailMessage() }),
    );

    expect(failure.transient).toBe(false);
  });

  it('delivers once after 421 and 450', async () => {
    const server = await serverWith({ 'zoe@example.com': [closing, busy] });
    const transport = transportFor(server.port);
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const outcome = await transport.sendEmail({ message: emailMessage() }).then(
        () => 'sent',
        (error: DeliveryError) => (error.transient ? 'transient' : 'permanent'),
      );
      outcomes.push(outcome);
    }

    expect(outcomes).toEqual(['transient', 'transient', 'sent']);
    expect(server.received).toHaveLength(1);
  });

  it('classifies a refused connection as transient', async () => {
    const server = await startSmtpServer();
    await server.stop();
    const failure = await failureOf(
      transportFor(server.port).sendEmail({ message: emailMessage() }),
    );

    expect(failure.transient).toBe(true);
  });

  it('classifies a greeting timeout as transient', async () => {
    const silent = await startSilentServer();
    const transport = transportFor(silent.port, { greetingTimeoutMs: 200 });
    const failure = await failureOf(transport.sendEmail({ message: emailMessage() }));

    expect(failure).toMatchObject({ transient: true, providerCode: 'ETIMEDOUT' });
  });

  it('classifies an abort as transient', async () => {
    const server = await serverWith({});
    const signal = AbortSignal.abort();
    const sending = transportFor(server.port).sendEmail({ message: emailMessage(), signal });

    expect(await failureOf(sending)).toMatchObject({ transient: true, providerCode: 'EABORT' });
  });

  it('sends nothing once aborted', async () => {
    const server = await serverWith({});
    const signal = AbortSignal.abort();
    await transportFor(server.port)
      .sendEmail({ message: emailMessage(), signal })
      .catch(() => undefined);

    expect(server.received).toHaveLength(0);
  });
});

/** A TCP server that accepts connections and never sends an SMTP greeting. */
async function startSilentServer(): Promise<{ port: number }> {
  const server: Server = createServer(() => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.unref();
      }),
  );

  return { port: (server.address() as AddressInfo).port };
}

import type { EmailTransport } from '@pics/automations-core';
import { afterEach, describe, expect, it } from 'vitest';
import { createSmtpTransport, type SmtpTransportOptions } from '../src/index.js';
import { generateCertificate } from './support/certificate.js';
import { emailMessage } from './support/messages.js';
import {
  startSmtpServer,
  type TestServerOptions,
  type TestSmtpServer,
} from './support/smtp-server.js';

const credentials = { user: 'automations', pass: 'correct horse battery staple' };
const certificate = generateCertificate();
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup();
  }
});

async function setUp(
  serverOptions: TestServerOptions,
  transportOptions: Partial<SmtpTransportOptions>,
): Promise<{ server: TestSmtpServer; transport: EmailTransport }> {
  const server = await startSmtpServer(serverOptions);
  const transport = createSmtpTransport({
    host: '127.0.0.1',
    port: server.port,
    from: 'noreply@training.example.com',
    ...transportOptions,
  });
  cleanups.push(server.stop, async () => transport.close?.());

  return { server, transport };
}

describe('smtp transport authentication', () => {
  it('authenticates with valid credentials', async () => {
    const { server, transport } = await setUp({ credentials }, { auth: credentials });
    await transport.sendEmail({ message: emailMessage() });

    expect(server.received[0]?.user).toBe('automations');
  });

  it('rejects wrong credentials as permanent', async () => {
    const auth = { user: 'automations', pass: 'wrong' };
    const { transport } = await setUp({ credentials }, { auth });
    const sending = transport.sendEmail({ message: emailMessage() });

    await expect(sending).rejects.toMatchObject({ transient: false, providerCode: '535' });
  });

  it('keeps the password out of the error', async () => {
    const auth = { user: 'automations', pass: 'wrong-secret-value' };
    const { transport } = await setUp({ credentials }, { auth });
    const error: unknown = await transport.sendEmail({ message: emailMessage() }).catch((e) => e);

    expect(String((error as Error).message)).not.toContain('wrong-secret-value');
  });
});

// NOTE: node:crypto cannot sign certificates, so these cases need the openssl command.
describe.skipIf(certificate === undefined)('smtp transport STARTTLS', () => {
  const tls = certificate ?? { key: '', cert: '' };

  it('upgrades with requireTLS', async () => {
    const { server, transport } = await setUp(
      { tls, credentials },
      { requireTLS: true, auth: credentials, tls: { ca: [tls.cert] } },
    );
    await transport.sendEmail({ message: emailMessage() });

    expect(server.received[0]?.secure).toBe(true);
  });

  it('rejects an untrusted certificate', async () => {
    const { server, transport } = await setUp({ tls }, { requireTLS: true });
    await transport.sendEmail({ message: emailMessage() }).catch(() => undefined);

    expect(server.received).toHaveLength(0);
  });

  it('accepts with rejectUnauthorized false', async () => {
    const { server, transport } = await setUp(
      { tls },
      { requireTLS: true, tls: { rejectUnauthorized: false } },
    );
    await transport.sendEmail({ message: emailMessage() });

    expect(server.received[0]?.secure).toBe(true);
  });

  it('fails without STARTTLS when required', async () => {
    const { transport } = await setUp({}, { requireTLS: true });
    const sending = transport.sendEmail({ message: emailMessage() });

    await expect(sending).rejects.toMatchObject({ code: 'DELIVERY_FAILED' });
  });
});

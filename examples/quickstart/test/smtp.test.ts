import { mkdtemp, readdir, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { QuickstartReport } from '../src/report.js';
import {
  type CliResult,
  envWithoutTransports,
  parseReport,
  runCli,
  sentOn,
} from './support/cli.js';

// Monday 1 March 2027: every sample automation is due.
const RUN_DATE = '2027-03-01';
const FROM = 'Quickstart <noreply@training.example.com>';

interface ReceivedMail {
  rcptTo: string[];
  parsed: ParsedMail;
}

async function readMessage(stream: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);

  return Buffer.concat(chunks).toString('utf8');
}

// A real SMTP server on an ephemeral port of 127.0.0.1, without TLS or AUTH, that keeps every
// message it accepts.
async function startSmtpServer(
  received: ReceivedMail[],
): Promise<{ port: number; server: SMTPServer }> {
  const server = new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      readMessage(stream)
        .then(async (raw) => {
          const rcptTo = session.envelope.rcptTo.map((recipient) => recipient.address);
          received.push({ rcptTo, parsed: await simpleParser(raw) });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return { port: (server.server.address() as AddressInfo).port, server };
}

let tempDir: string;

beforeAll(async () => {
  tempDir = await mkdtemp(path.join(tmpdir(), 'quickstart-smtp-'));
});

afterAll(async () => {
  await rm(tempDir, { recursive: true, force: true });
});

describe('quickstart --transport smtp', () => {
  const received: ReceivedMail[] = [];
  let server: SMTPServer;
  let outDir: string;
  let result: CliResult;
  let report: QuickstartReport;

  beforeAll(async () => {
    const started = await startSmtpServer(received);
    server = started.server;
    outDir = path.join(tempDir, 'outbox');
    const env = {
      ...envWithoutTransports(),
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(started.port),
      SMTP_FROM: FROM,
    };
    const args = ['--date', RUN_DATE, '--learners', '200', '--out', outDir, '--json'];
    result = await runCli([...args, '--transport', 'smtp'], env);
    report = parseReport(result);
  }, 120_000);

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  test('exits with code 0', () => {
    expect(result.code).toBe(0);
  });

  test('every sent email arrives', () => {
    expect(sentOn(report, 'email')).toBeGreaterThan(0);
    expect(received).toHaveLength(sentOn(report, 'email'));
  });

  test('emails have sender and subject', () => {
    for (const mail of received) {
      expect(mail.parsed.from?.value[0]?.address).toBe('noreply@training.example.com');
      expect(mail.parsed.subject).toMatch(/^Your (programme|portfolio) /);
      expect(mail.rcptTo).toHaveLength(1);
    }
  });

  test('emails have HTML and text', () => {
    const [first] = received;

    expect(first?.parsed.html).toMatch(/^<p>Hello /);
    expect(first?.parsed.text).toMatch(/^Hello /);
  });

  test('SMS automation is not created', () => {
    expect(report.unsaved.map((automation) => automation.name)).toEqual(['Welcome']);
    expect(report.unsaved[0]?.code).toBe('SMS_NOT_CONFIGURED');
    expect(report.automations.map((automation) => automation.channel)).not.toContain('sms');
  });

  test('stderr explains missing SMS', () => {
    expect(result.stderr).toContain(
      `Not created: Welcome (quickstart-welcome-sms): ${report.unsaved[0]?.message}`,
    );
  });

  test('nothing goes to the outbox', async () => {
    await expect(readdir(outDir)).rejects.toThrow();
  });
});

describe('transport environment variables', () => {
  test.each([
    [['--transport', 'smtp'], { SMTP_HOST: '127.0.0.1' }, 'SMTP_FROM'],
    [['--transport', 'outbox,twilio'], {}, 'TWILIO_ACCOUNT_SID'],
  ])('%j with %j names %s', async (args, variables, missing) => {
    const result = await runCli(
      [...args, '--learners', '10', '--out', path.join(tempDir, 'unused')],
      {
        ...envWithoutTransports(),
        ...variables,
      },
    );

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(missing);
    expect(result.stderr).not.toContain('[automations]');
    expect(result.stdout).toBe('');
  });

  test('missing server names both variables', async () => {
    const result = await runCli(
      ['--transport', 'smtp', '--learners', '10', '--out', path.join(tempDir, 'unused')],
      envWithoutTransports(),
    );

    expect(result.stderr).toBe(
      'quickstart: --transport smtp: Environment variable SMTP_URL or SMTP_HOST is missing: set one to the SMTP server.\n',
    );
  });
});

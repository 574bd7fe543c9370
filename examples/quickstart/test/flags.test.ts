import { describe, expect, test } from 'vitest';
import {
  DEFAULT_DATA_DIR,
  DEFAULT_SCHEMA,
  parseFlags,
  type QuickstartFlags,
  UsageError,
} from '../src/flags.js';
import { parseTransportChoice, type TransportChoice } from '../src/transport-choice.js';

describe('parseFlags', () => {
  test('defaults', () => {
    const flags = parseFlags([]);

    expect(flags).toEqual<QuickstartFlags>({
      date: undefined,
      dryRun: false,
      learners: 10_000,
      out: './outbox',
      json: false,
      help: false,
      store: 'memory',
      databaseUrl: undefined,
      dataDir: DEFAULT_DATA_DIR,
      schema: DEFAULT_SCHEMA,
      ilr: undefined,
      transports: { email: 'outbox', sms: 'outbox' },
    });
  });

  test('postgres storage flags', () => {
    const flags = parseFlags(['--store', 'postgres', '--data-dir', '/tmp/db', '--schema', 'qs_1']);

    expect(flags.store).toBe('postgres');
    expect(flags.dataDir).toBe('/tmp/db');
    expect(flags.schema).toBe('qs_1');
  });

  test('database URL is kept', () => {
    const url = 'postgres://app:secret@db.example.com:5432/automations';

    expect(parseFlags(['--store', 'postgres', '--database-url', url]).databaseUrl).toBe(url);
  });

  test('DATABASE_URL is not read', () => {
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
    try {
      expect(parseFlags(['--store', 'postgres']).databaseUrl).toBeUndefined();
    } finally {
      if (previous === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previous;
    }
  });

  test.each([
    [['--store', 'mysql'], '--store'],
    [['--database-url', 'postgres://h/db'], 'add --store postgres'],
    [['--data-dir', 'db'], 'add --store postgres'],
    [['--schema', 'x'], 'add --store postgres'],
    [['--store', 'postgres', '--database-url', 'mysql://h/db'], '--database-url'],
    [['--store', 'postgres', '--schema', 'bad-name'], '--schema'],
    [['--store', 'postgres', '--schema', 'x; DROP TABLE y'], '--schema'],
    [
      ['--store', 'postgres', '--database-url', 'postgres://h/db', '--data-dir', 'db'],
      '--data-dir',
    ],
    [['--ilr', 'file.xml', '--learners', '5'], '--learners'],
    [['--ilr', ''], '--ilr'],
    [['--transport', 'pigeon'], 'pigeon'],
  ])('%j is rejected', (args, named) => {
    expect(() => parseFlags(args)).toThrow(UsageError);
    expect(() => parseFlags(args)).toThrow(named);
  });

  test.each([
    [['--learners', '-3'], 'Invalid --learners "-3": use a whole number from 0 to 1000000'],
    [['--learners', '--json'], 'Missing value for --learners'],
    [['--bogus'], 'Unknown flag --bogus'],
    [['--json=yes'], '--json takes no value'],
    [['2027-03-01'], 'Unexpected argument "2027-03-01"'],
  ])('%j message is plain', (args, message) => {
    expect(() => parseFlags(args)).toThrow(message);
  });

  test('negative value after --out is kept', () => {
    expect(parseFlags(['--out', '-1']).out).toBe('-1');
  });

  test('rejected URL is not repeated', () => {
    const url = 'mysql://app:hunter2@db.example.com/automations';

    expect(() => parseFlags(['--store', 'postgres', '--database-url', url])).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
  });
});

describe('parseTransportChoice', () => {
  test.each<[string, TransportChoice]>([
    ['outbox', { email: 'outbox', sms: 'outbox' }],
    ['console', { email: 'console', sms: 'console' }],
    ['smtp', { email: 'smtp', sms: undefined }],
    ['smtp,twilio', { email: 'smtp', sms: 'twilio' }],
    ['twilio,smtp', { email: 'smtp', sms: 'twilio' }],
    ['smtp,outbox', { email: 'smtp', sms: 'outbox' }],
    ['outbox,twilio', { email: 'outbox', sms: 'twilio' }],
    ['console, twilio', { email: 'console', sms: 'twilio' }],
  ])('%s', (text, expected) => {
    expect(parseTransportChoice(text)).toEqual(expected);
  });

  test.each([
    ['twilio', 'email needs a transport'],
    ['outbox,console', 'choose one'],
    ['smtp,smtp', 'twice'],
    ['smtp,twilio,outbox', 'would carry nothing'],
    ['', 'is not a transport'],
    ['sendgrid', '"sendgrid" is not a transport'],
  ])('%j is rejected', (text, problem) => {
    expect(parseTransportChoice(text)).toContain(problem);
  });
});

import { createServer } from 'node:net';
import { AutomationsError, ErrorCode } from '@pics/automations-core';
import { describe, expect, test } from 'vitest';
import { describeConnectionFailure, serverAddress } from '../src/connection-error.js';
import { runCli } from './support/cli.js';

/** Creates a storage error that wraps a driver error, as the Postgres adapter throws it. */
function storageError(cause: Error): AutomationsError {
  return new AutomationsError(ErrorCode.StorageFailed, 'query failed', { cause });
}

function driverError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

/** Returns a local port that nothing listens on: one the system just handed out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));

  return port;
}

describe('describeConnectionFailure', () => {
  test('names a refused connection', () => {
    const error = storageError(driverError('connect ECONNREFUSED 127.0.0.1:5999', 'ECONNREFUSED'));

    expect(describeConnectionFailure(error)).toMatch(/^ECONNREFUSED, connection refused/);
  });

  test('names an unknown host', () => {
    const error = storageError(driverError('getaddrinfo ENOTFOUND db', 'ENOTFOUND'));

    expect(describeConnectionFailure(error)).toBe('ENOTFOUND, host name not found');
  });

  test('repeats an authentication failure', () => {
    const message = 'password authentication failed for user "app"';
    const error = storageError(driverError(message, '28P01'));

    expect(describeConnectionFailure(error)).toBe(message);
  });

  test('ignores other storage errors', () => {
    const error = storageError(driverError('relation "x" does not exist', '42P01'));

    expect(describeConnectionFailure(error)).toBeUndefined();
  });
});

describe('serverAddress', () => {
  test('drops user and password', () => {
    expect(serverAddress('postgres://app:hunter2@db.example.com:6543/automations')).toBe(
      'db.example.com:6543',
    );
  });

  test('adds the default port', () => {
    expect(serverAddress('postgresql://db.example.com/automations')).toBe('db.example.com:5432');
  });
});

describe('quickstart --database-url', () => {
  test('refused connection exits with 2', async () => {
    const port = await closedPort();
    const url = `postgres://app:hunter2@127.0.0.1:${port}/automations`;

    const result = await runCli(['--store', 'postgres', '--database-url', url, '--learners', '5']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `quickstart: Cannot connect to the PostgreSQL server at 127.0.0.1:${port}: ECONNREFUSED`,
    );
    expect(result.stderr).not.toContain('hunter2');
  });
});

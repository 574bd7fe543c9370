/** Default port of a PostgreSQL server, used when the connection string names none. */
const POSTGRES_PORT = '5432';

// Node's network error codes for a server that cannot be reached, with the reason in words.
const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused. Check that the server is running and listens on that port',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed. Check the network and DNS',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'the server closed the connection',
};

// SQLSTATE codes the server returns while accepting a connection: class 28 (invalid
// authorization: a wrong password or an unknown role) and 3D000 (the database does not exist).
const CONNECT_SQLSTATES = /^(28...|3D000)$/;

/**
 * Describes why connecting to a PostgreSQL server failed, or returns `undefined` when `error` is
 * not a connection failure (a failed migration, for example). It reads the error and its `cause`
 * chain, because the storage adapter wraps the driver's error in one with code `STORAGE_FAILED`.
 */
export function describeConnectionFailure(error: unknown): string | undefined {
  for (let current = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code !== 'string') continue;

    const network = NETWORK_REASONS[code];
    if (network !== undefined) return `${code}, ${network}`;
    if (CONNECT_SQLSTATES.test(code)) return current.message;
  }

  return undefined;
}

/**
 * Returns `host:port` of a PostgreSQL connection string, without the user name and password.
 * A string without a host names the driver's default, `localhost`.
 */
export function serverAddress(connectionString: string): string {
  const url = new URL(connectionString);

  return `${url.hostname || 'localhost'}:${url.port || POSTGRES_PORT}`;
}

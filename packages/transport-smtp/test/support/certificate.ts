import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A self-signed certificate for 127.0.0.1 and localhost, in PEM. */
export interface TestCertificate {
  key: string;
  cert: string;
}

/**
 * Generates a self-signed certificate with the `openssl` command, or returns `undefined` when
 * the command is not installed. node:crypto makes keys but cannot sign certificates.
 */
export function generateCertificate(): TestCertificate | undefined {
  const directory = mkdtempSync(path.join(tmpdir(), 'smtp-cert-'));
  const keyPath = path.join(directory, 'key.pem');
  const certPath = path.join(directory, 'cert.pem');

  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        keyPath,
        '-out',
        certPath,
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
      ],
      { stdio: 'ignore' },
    );

    return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

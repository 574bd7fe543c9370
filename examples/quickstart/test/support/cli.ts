import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { QuickstartReport } from '../../src/report.js';

/** The repository root, which `pnpm quickstart` runs from. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
const main = path.join(repoRoot, 'examples/quickstart/src/main.ts');

/** Exit code and output of one quickstart process. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the quickstart as a child process from the repository root, as `pnpm quickstart` does.
 * `env` replaces the environment when given.
 */
export async function runCli(
  args: readonly string[],
  env?: Readonly<Record<string, string | undefined>>,
): Promise<CliResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      tsx,
      ['--conditions=source', main, ...args],
      { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024, env: env ?? process.env },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;

    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** Parses the report a `--json` run printed, naming the output when it is not JSON. */
export function parseReport(result: CliResult): QuickstartReport {
  try {
    return JSON.parse(result.stdout) as QuickstartReport;
  } catch {
    throw new Error(`No JSON report (exit code ${result.code}); stderr:\n${result.stderr}`);
  }
}

/** Messages sent on one channel, over every automation of a report. */
export function sentOn(report: QuickstartReport, channel: 'email' | 'sms'): number {
  return report.automations
    .filter((automation) => automation.channel === channel)
    .reduce((sum, automation) => sum + automation.sent, 0);
}

/** Returns the environment of this process without any SMTP_ or TWILIO_ variable. */
export function envWithoutTransports(): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(SMTP|TWILIO)_/.test(name)),
  );
}

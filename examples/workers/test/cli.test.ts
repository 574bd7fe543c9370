import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const exampleDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs the example's command line as `pnpm workers` does, returning its exit code and output. */
async function runCli(args: readonly string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--conditions=source', 'src/main.ts', ...args],
      { cwd: exampleDir },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;

    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

// Each case fails while reading the command line, before the example connects to PostgreSQL.
describe('workers command line', () => {
  test.each([
    [['--bogus'], 'workers: Unknown flag --bogus'],
    [['--workers', '0'], 'workers: Invalid --workers "0": use a whole number from 1 to 16'],
    [
      ['--learners', '-3'],
      'workers: Invalid --learners "-3": use a whole number from 0 to 1000000',
    ],
  ])('%j exits with 2', async (args, message) => {
    const result = await runCli(args);

    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${message}\nRun "pnpm workers --help" to list the flags.\n`);
    expect(result.stdout).toBe('');
  });

  test('help exits with 0', async () => {
    const result = await runCli(['--help']);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--workers N');
  });
});

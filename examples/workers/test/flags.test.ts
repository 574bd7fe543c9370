import { describe, expect, it } from 'vitest';
import { parseFlags, UsageError } from '../src/flags.js';

describe('parseFlags', () => {
  it('applies the defaults', () => {
    expect(parseFlags([])).toEqual({
      workers: 3,
      learners: 5000,
      batchSize: 200,
      date: undefined,
      help: false,
    });
  });

  it('reads the worker count after --', () => {
    expect(parseFlags(['--', '--workers', '4']).workers).toBe(4);
  });

  it.each([
    ['--workers', '0'],
    ['--workers', '2.5'],
    ['--learners', '-1'],
    ['--batch-size', 'many'],
    ['--date', '2026-02-30'],
  ])('rejects %s %s', (flag, value) => {
    expect(() => parseFlags([flag, value])).toThrow(UsageError);
  });

  it.each([
    [['--learners', '-1'], 'Invalid --learners "-1": use a whole number from 0 to 1000000'],
    [['--bogus'], 'Unknown flag --bogus'],
    [['--workers'], 'Missing value for --workers'],
  ])('names the flag in %j', (args, message) => {
    expect(() => parseFlags(args)).toThrow(message);
  });
});

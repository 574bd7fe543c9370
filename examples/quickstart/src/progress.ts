import type { RunProgress } from '@pics/automations-core';

/** Writes progress lines to a stream, at most one per automation per interval. */
export interface ProgressReporter {
  /** Writes a line of its own, such as "Seeding 10000 learners". */
  note(message: string): void;
  /** Reports a runner progress event; the line may be dropped when one was written recently. */
  update(progress: RunProgress): void;
}

const INTERVAL_MS = 1_000;

/**
 * Creates a reporter that writes to `stream` (standard error in the quickstart, so standard
 * output stays free for the report). `names` maps automation ids to names for the lines.
 */
export function createProgressReporter(
  stream: NodeJS.WritableStream,
  names: ReadonlyMap<string, string>,
): ProgressReporter {
  const lastWrite = new Map<string, number>();

  return {
    note(message) {
      stream.write(`${message}\n`);
    },
    update(progress) {
      const now = Date.now();
      const previous = lastWrite.get(progress.automationId);
      if (previous !== undefined && now - previous < INTERVAL_MS) return;

      lastWrite.set(progress.automationId, now);
      const name = names.get(progress.automationId) ?? progress.automationId;
      stream.write(
        `  ${name}: ${progress.matched} matched, ${progress.sent} sent, ${progress.skipped} skipped, ${progress.failed} failed\n`,
      );
    },
  };
}

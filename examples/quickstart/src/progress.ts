import type { AutomationRunReport, RunProgress } from '@pics/automations-core';

/**
 * Writes the quickstart's progress to standard error. On a terminal each running automation has
 * one line that is rewritten in place. Elsewhere (a pipe, a file, a test) progress lines end in
 * "so far" and come at most once a second per automation, the first after one second. Either way {@link ProgressReporter.finish} writes
 * one final line per automation with the counts of the summary table.
 */
export interface ProgressReporter {
  /** Writes a line of its own, such as "Seeding 10000 learners". */
  note(message: string): void;
  /** Reports a runner progress event; the line may be skipped when one was written recently. */
  update(progress: RunProgress): void;
  /** Writes one final line per automation, from the run's report. */
  finish(automations: readonly AutomationRunReport[]): void;
  /**
   * Writes other output, such as log lines, without mixing it into the line being rewritten.
   * `text` ends with its own line break.
   */
  write(text: string): void;
}

/** Options of {@link createProgressReporter}. */
export interface ProgressOptions {
  /** Automation names by id, for the lines. An unknown id is written as it is. */
  names: ReadonlyMap<string, string>;
  /** Whether one line is rewritten in place, as on a terminal. @default false */
  interactive?: boolean | undefined;
  /** Terminal width. A line rewritten in place is cut to it, so it never wraps. */
  columns?: number | undefined;
  /** Counts messages as "would send" instead of "sent". @default false */
  dryRun?: boolean | undefined;
  /** Clock in milliseconds for the rate limit. @default Date.now */
  now?: (() => number) | undefined;
}

/** Output the reporter writes to: standard error in the quickstart. */
export interface ProgressStream {
  write(text: string): unknown;
}

// Lines per automation are limited to one per interval: often enough to show movement on a
// terminal, and few enough that a log file of a long run stays readable. Off a terminal the first
// line waits one interval too, so a run shorter than that writes only its final line.
const INTERACTIVE_INTERVAL_MS = 100;
const LINE_INTERVAL_MS = 1_000;

// Carriage return, then erase the whole line (ANSI EL 2).
const CLEAR_LINE = '\r\u001b[2K';

const STATUS_LABELS: Record<AutomationRunReport['status'], string> = {
  completed: '',
  alreadyFinished: ' (already finished by an earlier run)',
  heldElsewhere: ' (held by another process)',
  failed: ' (failed)',
};

/** Creates a reporter that writes to `stream` (standard error, so standard output keeps the report). */
export function createProgressReporter(
  stream: ProgressStream,
  options: ProgressOptions,
): ProgressReporter {
  const now = options.now ?? Date.now;
  const interval = options.interactive ? INTERACTIVE_INTERVAL_MS : LINE_INTERVAL_MS;
  const lastWrite = new Map<string, number>();
  let liveLine: string | undefined;

  const clearLiveLine = () => {
    if (liveLine !== undefined) stream.write(CLEAR_LINE);
  };
  const dryRun = options.dryRun ?? false;

  return {
    note(message) {
      clearLiveLine();
      liveLine = undefined;
      stream.write(`${message}\n`);
    },
    update(progress) {
      const time = now();
      const previous = lastWrite.get(progress.automationId);
      if (previous === undefined && !options.interactive) {
        lastWrite.set(progress.automationId, time);
        return;
      }
      if (previous !== undefined && time - previous < interval) return;

      lastWrite.set(progress.automationId, time);
      const name = options.names.get(progress.automationId) ?? progress.automationId;
      const line = `${formatCounts(name, progress, dryRun)} so far`;
      if (!options.interactive) {
        stream.write(`${line}\n`);
        return;
      }

      liveLine = fitLine(line, options.columns);
      stream.write(`${CLEAR_LINE}${liveLine}`);
    },
    finish(automations) {
      clearLiveLine();
      liveLine = undefined;
      for (const automation of automations) {
        const line = formatCounts(automation.name, toCounts(automation), dryRun);
        stream.write(`${line}${STATUS_LABELS[automation.status]}\n`);
      }
    },
    write(text) {
      clearLiveLine();
      stream.write(text);
      if (liveLine !== undefined) stream.write(liveLine);
    },
  };
}

type Counts = Pick<RunProgress, 'matched' | 'sent' | 'skipped' | 'failed'>;

function formatCounts(name: string, progress: Counts, dryRun: boolean): string {
  const sent = `${progress.sent} ${dryRun ? 'would send' : 'sent'}`;

  return `  ${name}: ${progress.matched} matched, ${sent}, ${progress.skipped} skipped, ${progress.failed} failed`;
}

function toCounts(automation: AutomationRunReport): Counts {
  return {
    matched: automation.matched,
    sent: automation.sent,
    skipped: Object.values(automation.skipped).reduce((sum, count) => sum + count, 0),
    failed: Object.values(automation.failed).reduce((sum, count) => sum + count, 0),
  };
}

function fitLine(line: string, columns: number | undefined): string {
  if (columns === undefined || columns < 2 || line.length < columns) return line;

  return `${line.slice(0, columns - 2)}…`;
}

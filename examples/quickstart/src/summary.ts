import { type AutomationRunReport, formatBritishDate } from '@pics/automations-core';
import type { LearnerOutcome } from './learner-outcomes.js';
import { describeSkippedLearner } from './learners.js';
import type { QuickstartAutomationReport, QuickstartReport } from './report.js';

const SKIP_LABELS = {
  noAddress: 'no address',
  contactMethodNotAllowed: 'contact method',
  maxMessagesReached: 'max messages',
  alreadySent: 'already sent',
  uncertain: 'uncertain',
} as const;

const FAILURE_LABELS = {
  permanent: 'permanent',
  retriesExhausted: 'retries exhausted',
  renderFailed: 'render failed',
  noTransport: 'no transport',
} as const;

const HEADERS = ['Automation', 'Channel', 'Status', 'Matched', 'Sent', 'Skipped', 'Failed'];

const OUTCOME_LABELS: Record<LearnerOutcome, string> = {
  sent: 'sent',
  failed: 'failed',
  skipped: 'skipped',
  ...SKIP_LABELS,
};

/**
 * Formats a run report as plain text: a table with one row per automation and its skips and
 * failures by reason. Notes follow on sample automations not due on the run date, runs already
 * finished, automations not created and ILR learners skipped, and for ILR learners a line per
 * outcome naming the learners. The last line names the outbox folder when this run wrote to it.
 */
export function formatSummary(report: QuickstartReport): string {
  const notes = [
    ...report.notDue.map(
      (automation) =>
        `Not due on ${report.runDate}: ${automation.name} (${automation.schedule}, next ${formatBritishDate(automation.nextRunDate)})`,
    ),
    ...alreadyFinishedNotes(report),
    ...report.unsaved.map((automation) => `Not created: ${automation.name}: ${automation.message}`),
    ...skippedIlrNotes(report),
    ...report.automations.flatMap(learnerOutcomeNotes),
  ];
  const text = formatTable(report);
  const withNotes = notes.length === 0 ? text : `${text}\n${notes.join('\n')}\n`;
  const outbox = wroteToOutbox(report)
    ? `\nThis run's messages are in ${report.outbox?.dir}\n`
    : '';

  return `${withNotes}${outbox}`;
}

function wroteToOutbox(report: QuickstartReport): boolean {
  const channels = report.outbox?.channels ?? [];

  return (
    !report.dryRun &&
    report.automations.some(
      (automation) => automation.sent > 0 && channels.includes(automation.channel),
    )
  );
}

function formatTable(report: QuickstartReport): string {
  const verb = report.dryRun ? 'Dry run' : 'Run';
  const count = report.automations.length;
  const title = `${verb} of ${report.runDate}: ${count} ${count === 1 ? 'automation' : 'automations'} due`;
  if (report.automations.length === 0) return `${title}.\n`;

  const headers = HEADERS.map((header) =>
    header === 'Sent' && report.dryRun ? 'Would send' : header,
  );
  const rows = report.automations.map(toCells);
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((cells) => cells[column]?.length ?? 0)),
  );
  const lines = [headers, ...rows].map((cells) => formatLine(cells, widths));
  lines.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '));

  return `${title}\n\n${lines.join('\n')}\n`;
}

function toCells(automation: AutomationRunReport): string[] {
  const skipped = Object.values(automation.skipped).reduce((sum, count) => sum + count, 0);
  const failed = Object.values(automation.failed).reduce((sum, count) => sum + count, 0);

  return [
    automation.name,
    automation.channel,
    automation.error ? `${automation.status}: ${automation.error}` : automation.status,
    String(automation.matched),
    String(automation.sent),
    withReasons(skipped, automation.skipped, SKIP_LABELS),
    withReasons(failed, automation.failed, FAILURE_LABELS),
  ];
}

function withReasons<Reason extends string>(
  total: number,
  counts: Record<Reason, number>,
  labels: Record<Reason, string>,
): string {
  const reasons = (Object.keys(labels) as Reason[])
    .filter((reason) => counts[reason] > 0)
    .map((reason) => `${labels[reason]} ${counts[reason]}`);

  return reasons.length > 0 ? `${total} (${reasons.join(', ')})` : String(total);
}

// Left-aligns the text columns and right-aligns the counts.
function formatLine(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((cell, column) => {
      const width = widths[column] ?? cell.length;
      return column === 3 || column === 4 ? cell.padStart(width) : cell.padEnd(width);
    })
    .join('  ')
    .trimEnd();
}

function alreadyFinishedNotes(report: QuickstartReport): string[] {
  const finished = report.automations.filter(
    (automation) => automation.status === 'alreadyFinished',
  );
  if (finished.length === 0) return [];

  const names = finished.map((automation) => automation.name).join(', ');

  return [
    `Already finished on ${report.runDate} by an earlier run, so nothing was sent again: ${names}.`,
  ];
}

function skippedIlrNotes(report: QuickstartReport): string[] {
  const source = report.learnerSource;
  if (source.kind !== 'ilr' || source.skipped.length === 0) return [];

  return source.skipped.map(describeSkippedLearner);
}

// One line per outcome: "End date passed, no address: 16Learner, 18Learner".
function learnerOutcomeNotes(automation: QuickstartAutomationReport): string[] {
  const byOutcome = new Map<LearnerOutcome, string[]>();
  for (const row of automation.learners ?? []) {
    byOutcome.set(row.outcome, [...(byOutcome.get(row.outcome) ?? []), row.learnerId]);
  }

  return [...byOutcome].map(
    ([outcome, ids]) => `${automation.name}, ${OUTCOME_LABELS[outcome]}: ${ids.join(', ')}`,
  );
}

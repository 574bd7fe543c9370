import type { AutomationRunReport, RunDueReport } from '@pics/automations-core';

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

/**
 * Formats a run report as a plain-text table, one row per automation, with skips and failures
 * broken down by reason.
 */
export function formatSummary(report: RunDueReport): string {
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

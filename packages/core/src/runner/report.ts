import type { SmsSegments } from '../merge/sms-segments.js';
import type { Automation } from '../model/automation.js';
import type { CalendarDate } from '../model/calendar-date.js';
import type { AutomationRunReport, FailureReason, RunProgress, SkipReason } from './types.js';

/** Returns a count of zero for every {@link SkipReason}. */
export function emptySkipCounts(): Record<SkipReason, number> {
  return {
    noAddress: 0,
    contactMethodNotAllowed: 0,
    maxMessagesReached: 0,
    alreadySent: 0,
    uncertain: 0,
  };
}

/** Returns a count of zero for every {@link FailureReason}. */
export function emptyFailureCounts(): Record<FailureReason, number> {
  return { permanent: 0, retriesExhausted: 0, renderFailed: 0, noTransport: 0 };
}

/** Returns a report of a run with every count at zero. */
export function emptyRunReport(
  automation: Pick<Automation, 'id' | 'name' | 'channel'>,
  runDate: CalendarDate,
  status: AutomationRunReport['status'],
): AutomationRunReport {
  const isSms = automation.channel === 'sms';

  return {
    automationId: automation.id,
    name: automation.name,
    channel: automation.channel,
    runDate,
    status,
    matched: 0,
    sent: 0,
    skipped: emptySkipCounts(),
    failed: emptyFailureCounts(),
    uncertain: 0,
    segments: isSms ? 0 : undefined,
    smsEncodings: isSms ? { 'GSM-7': 0, 'UCS-2': 0 } : undefined,
    durationMs: 0,
  };
}

/** Returns the number of matched learners skipped for any reason. */
export function totalSkipped(report: AutomationRunReport): number {
  return sumValues(report.skipped);
}

/** Returns the number of messages that failed for any reason. */
export function totalFailed(report: AutomationRunReport): number {
  return sumValues(report.failed);
}

/** Returns the counts of a report as a progress update. */
export function toProgress(report: AutomationRunReport): RunProgress {
  return {
    automationId: report.automationId,
    runDate: report.runDate,
    matched: report.matched,
    sent: report.sent,
    skipped: totalSkipped(report),
    failed: totalFailed(report),
  };
}

/** Returns the counts of a report as log fields. */
export function countFields(report: AutomationRunReport): Record<string, unknown> {
  return {
    status: report.status,
    matched: report.matched,
    sent: report.sent,
    skipped: report.skipped,
    failed: report.failed,
    uncertain: report.uncertain,
    durationMs: report.durationMs,
  };
}

/** Adds one to a skip count. */
export function countSkip(report: AutomationRunReport, reason: SkipReason): void {
  report.skipped[reason] += 1;
}

/** Adds one SMS to the segment total and to the count of its encoding. */
export function countSms(
  report: AutomationRunReport,
  { encoding, segments }: Pick<SmsSegments, 'encoding' | 'segments'>,
): void {
  report.segments = (report.segments ?? 0) + segments;
  report.smsEncodings ??= { 'GSM-7': 0, 'UCS-2': 0 };
  report.smsEncodings[encoding] += 1;
}

/** Adds one to a failure count. */
export function countFailure(report: AutomationRunReport, reason: FailureReason): void {
  report.failed[reason] += 1;
}

function sumValues(counts: Record<string, number>): number {
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}
